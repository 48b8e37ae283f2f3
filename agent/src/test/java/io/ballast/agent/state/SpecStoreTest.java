package io.ballast.agent.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.agent.testsupport.Specs;
import io.ballast.model.ClusterSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecStoreTest {

    @TempDir
    Path dir;

    @Test
    void committedSpecIsWhatTheNextOpenReadsWithTheNextRevision() throws Exception {
        SpecStore store = SpecStore.open(dir);
        assertThat(store.current()).isEmpty();
        ClusterSpec first = store.commit(Specs.cluster(1, 2, 3));
        ClusterSpec second = store.commit(Specs.cluster(2, 2, 3));
        assertThat(first.revision()).isEqualTo(1);
        assertThat(second.revision()).isEqualTo(2);
        assertThat(SpecStore.open(dir).current()).contains(second);
    }

    @Test
    void keepsTheLastTwentyRevisionsForRollback() throws Exception {
        SpecStore store = SpecStore.open(dir);
        for (int i = 1; i <= 25; i++) {
            store.commit(Specs.cluster(1, 1, i));
        }
        assertThat(store.revisions()).hasSize(SpecStore.KEPT).first().isEqualTo(6L);
        assertThat(store.revision(6)).get().extracting(s -> s.virtualServices().get(0).realServers().get(0).weight())
                .isEqualTo(6);
        assertThat(store.revision(5)).isEmpty();
    }

    @Test
    void aWriteCutShortByACrashLeavesThePreviousSpec() throws Exception {
        SpecStore store = SpecStore.open(dir);
        ClusterSpec kept = store.commit(Specs.cluster(1, 1, 1));
        // What a kill -9 in the middle of the next commit leaves: a half-written temp file, never a torn revision.
        String next = io.ballast.model.json.SpecCodec.write(Specs.cluster(1, 1, 2).withRevision(2));
        Files.writeString(dir.resolve(AtomicFiles.TEMP_PREFIX + SpecStore.fileName(2) + "-999"),
                next.substring(0, next.length() / 2));
        SpecStore reopened = SpecStore.open(dir);
        assertThat(reopened.current()).contains(kept);
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(AtomicFiles.TEMP_PREFIX));
        assertThat(reopened.commit(Specs.cluster(1, 1, 3)).revision()).isEqualTo(2);
    }

    @Test
    void storedSpecsAreReadableByTheOwnerOnly() throws Exception {
        SpecStore.open(dir).commit(Specs.cluster(1, 1, 1));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(SpecStore.fileName(1)))))
                .isEqualTo("rw-------");
    }
}
