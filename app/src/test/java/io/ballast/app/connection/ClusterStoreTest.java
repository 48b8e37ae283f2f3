package io.ballast.app.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterStoreTest {

    @TempDir
    Path home;

    private final SavedCluster payments = new SavedCluster("payments", "tok",
            List.of(new SavedCluster.SavedAgent("192.0.2.11:9443", "ab".repeat(32))));

    @Test
    void savedClusterIsReadBackAndTheFileIsOwnerOnly() throws IOException {
        ClusterStore store = new ClusterStore(home.resolve("ballast/clusters.json"));
        store.save(payments);

        assertThat(store.load()).containsExactly(payments);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
    }

    @Test
    void savingUnderAnExistingNameReplacesIt() throws IOException {
        ClusterStore store = new ClusterStore(home.resolve("clusters.json"));
        store.save(payments);
        store.save(new SavedCluster("payments", "new", List.of()));
        assertThat(store.load()).singleElement().satisfies(c -> assertThat(c.token()).isEqualTo("new"));
    }

    @Test
    void removedClusterIsGone() throws IOException {
        ClusterStore store = new ClusterStore(home.resolve("clusters.json"));
        store.save(payments);
        store.remove("payments");
        assertThat(store.load()).isEmpty();
    }

    @Test
    void brokenFileIsReportedWithItsLineAndLeftAlone() throws IOException {
        Path file = home.resolve("clusters.json");
        Files.writeString(file, "[\n{\"name\": \"x\",\n");
        ClusterStore store = new ClusterStore(file);
        assertThatThrownBy(store::load).hasMessageContaining("clusters.json line");
        assertThat(Files.readString(file)).isEqualTo("[\n{\"name\": \"x\",\n");
    }
}
