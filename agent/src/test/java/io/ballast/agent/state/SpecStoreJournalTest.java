package io.ballast.agent.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.agent.testsupport.Specs;
import io.ballast.model.ClusterSpec;
import io.ballast.model.RealServer;
import io.ballast.model.VirtualService;
import io.ballast.model.json.SpecCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's journal of deltas: small writes for small changes, and what a crash leaves behind. */
class SpecStoreJournalTest {

    @TempDir
    Path dir;

    @Test
    void changingOneWeightAppendsAFewHundredBytesAndRewritesNoSpec() throws Exception {
        try (SpecStore store = SpecStore.open(dir)) {
            store.commit(Specs.cluster(50, 20, 1));
            long snapshotBytes = Files.size(dir.resolve(SpecStore.fileName(1)));
            ClusterSpec patched = store.commit(withWeight(store.current().orElseThrow(), 25, 3, 7));

            assertThat(files("rev-")).containsExactly(SpecStore.fileName(1));
            assertThat(Files.size(dir.resolve(SpecStore.journalName(1)))).isLessThan(snapshotBytes / 20).isLessThan(4096);
            assertThat(reopenedCurrent()).isEqualTo(patched);
        }
    }

    @Test
    void aTornLastRecordIsCutOffAndTheNextCommitTakesItsRevision() throws Exception {
        ClusterSpec second;
        try (SpecStore store = SpecStore.open(dir)) {
            store.commit(Specs.cluster(3, 3, 1));
            second = store.commit(withWeight(store.current().orElseThrow(), 1, 1, 2));
            store.commit(withWeight(second, 2, 2, 3));
        }
        Path journal = dir.resolve(SpecStore.journalName(1));
        long whole = Files.size(journal);
        // What kill -9 in the middle of writing revision 3 leaves: its record cut short.
        try (var channel = java.nio.channels.FileChannel.open(journal, StandardOpenOption.WRITE)) {
            channel.truncate(whole - 5);
        }
        try (SpecStore store = SpecStore.open(dir)) {
            assertThat(store.current()).contains(second);
            assertThat(store.revisions()).containsExactly(1L, 2L);
            ClusterSpec third = store.commit(withWeight(second, 0, 0, 9));
            assertThat(third.revision()).isEqualTo(3);
        }
        assertThat(reopenedCurrent().virtualServices().get(0).realServers().get(0).weight()).isEqualTo(9);
    }

    @Test
    void aRecordThatFailsItsChecksumEndsTheJournal() throws Exception {
        ClusterSpec second;
        try (SpecStore store = SpecStore.open(dir)) {
            store.commit(Specs.cluster(3, 3, 1));
            second = store.commit(withWeight(store.current().orElseThrow(), 1, 1, 2));
            store.commit(withWeight(second, 2, 2, 3));
        }
        Path journal = dir.resolve(SpecStore.journalName(1));
        byte[] bytes = Files.readAllBytes(journal);
        bytes[bytes.length - 3] ^= 0x20;
        Files.write(journal, bytes);

        assertThat(reopenedCurrent()).isEqualTo(second);
    }

    @Test
    void garbageAfterTheLastRecordIsIgnored() throws Exception {
        ClusterSpec second;
        try (SpecStore store = SpecStore.open(dir)) {
            store.commit(Specs.cluster(3, 3, 1));
            second = store.commit(withWeight(store.current().orElseThrow(), 1, 1, 2));
        }
        // A length that claims more bytes than the file has, as a crash during the header's write can leave.
        Files.write(dir.resolve(SpecStore.journalName(1)), new byte[] {0, 0, 1, 0, 1, 2}, StandardOpenOption.APPEND);

        assertThat(reopenedCurrent()).isEqualTo(second);
    }

    @Test
    void theLastTwentyRevisionsStayReadableAcrossSnapshotsAndReopening() throws Exception {
        Map<Long, ClusterSpec> committed = new HashMap<>();
        try (SpecStore store = SpecStore.open(dir)) {
            ClusterSpec spec = store.commit(Specs.cluster(10, 10, 1));
            committed.put(spec.revision(), spec);
            for (int i = 0; i < 3 * SpecStore.SNAPSHOT_EVERY + 5; i++) {
                spec = store.commit(withWeight(spec, i % 10, i % 7, 1 + i % 100));
                committed.put(spec.revision(), spec);
            }
        }
        try (SpecStore store = SpecStore.open(dir)) {
            long last = store.currentRevision();
            assertThat(last).isEqualTo(3L * SpecStore.SNAPSHOT_EVERY + 6);
            assertThat(store.revisions()).hasSize(SpecStore.KEPT).first().isEqualTo(last - SpecStore.KEPT + 1);
            for (long r : store.revisions()) {
                assertThat(store.revision(r)).as("revision " + r).contains(committed.get(r));
            }
            assertThat(store.revision(last - SpecStore.KEPT)).isEmpty();
        }
        // Pruned as it went: one or two snapshots and their journals, not a file per revision.
        assertThat(files("rev-").size()).isBetween(1, 2);
        assertThat(files("journal-").size()).isBetween(1, 3);
    }

    @Test
    void aBackgroundSnapshotThatNeverLandedLeavesEveryRevisionReadableFromTheJournals() throws Exception {
        Map<Long, ClusterSpec> committed = new HashMap<>();
        try (SpecStore store = SpecStore.open(dir)) {
            ClusterSpec spec = store.commit(Specs.cluster(5, 5, 1));
            for (int i = 0; i < SpecStore.SNAPSHOT_EVERY + 4; i++) {
                spec = store.commit(withWeight(spec, i % 5, i % 3, 2 + i));
                committed.put(spec.revision(), spec);
            }
        }
        // What kill -9 before the background write's rename leaves: the next journal, but not its snapshot.
        long rotatedAt = 1 + SpecStore.SNAPSHOT_EVERY;
        Files.delete(dir.resolve(SpecStore.fileName(rotatedAt)));
        assertThat(files("journal-")).contains(SpecStore.journalName(rotatedAt));

        try (SpecStore store = SpecStore.open(dir)) {
            assertThat(store.current()).contains(committed.get(store.currentRevision()));
            assertThat(store.revisions()).hasSize(SpecStore.KEPT);
            for (long r : store.revisions()) {
                assertThat(store.revision(r)).as("revision " + r).contains(committed.get(r));
            }
        }
    }

    @Test
    void aChangeOfEverythingIsWrittenAsASnapshot() throws Exception {
        try (SpecStore store = SpecStore.open(dir)) {
            store.commit(Specs.cluster(400, 20, 1));
            ClusterSpec replaced = store.commit(Specs.cluster(400, 20, 2));
            assertThat(files("rev-")).contains(SpecStore.fileName(2));
            assertThat(reopenedCurrent()).isEqualTo(replaced);
        }
    }

    @Test
    void servicesAddedRemovedAndReorderedSurviveAsADelta() throws Exception {
        try (SpecStore store = SpecStore.open(dir)) {
            ClusterSpec first = store.commit(Specs.cluster(6, 2, 1));
            List<VirtualService> services = new ArrayList<>(first.virtualServices());
            services.remove(4);
            services.add(0, services.remove(3));
            services.add(2, Specs.service("new", "203.0.113.99", 443, List.of(RealServer.of("a", "198.51.100.9", 443, 5))));
            ClusterSpec second = store.commit(first.withVirtualServices(services));
            assertThat(files("rev-")).containsExactly(SpecStore.fileName(1));
            assertThat(reopenedCurrent()).isEqualTo(second);
        }
    }

    @Test
    void aStoreWrittenAsOneFilePerRevisionOpensAndGoesOn() throws Exception {
        for (int r = 1; r <= 3; r++) {
            Files.writeString(dir.resolve(SpecStore.fileName(r)), SpecCodec.write(Specs.cluster(1, 1, r).withRevision(r)));
        }
        try (SpecStore store = SpecStore.open(dir)) {
            assertThat(store.currentRevision()).isEqualTo(3);
            ClusterSpec fourth = store.commit(Specs.cluster(1, 1, 4));
            assertThat(store.revisions()).containsExactly(1L, 2L, 3L, 4L);
            assertThat(store.revision(2)).contains(Specs.cluster(1, 1, 2).withRevision(2));
            assertThat(reopenedCurrent()).isEqualTo(fourth);
        }
    }

    private ClusterSpec reopenedCurrent() throws Exception {
        try (SpecStore reopened = SpecStore.open(dir)) {
            return reopened.current().orElseThrow();
        }
    }

    private List<String> files(String prefix) throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).sorted().toList();
        }
    }

    /** The spec with one real server's weight changed, every other service the same instance (as a PATCH makes it). */
    static ClusterSpec withWeight(ClusterSpec spec, int service, int server, int weight) {
        List<VirtualService> services = new ArrayList<>(spec.virtualServices());
        VirtualService vs = services.get(service);
        List<RealServer> servers = new ArrayList<>(vs.realServers());
        servers.set(server, servers.get(server).withWeight(weight));
        services.set(service, vs.withRealServers(servers));
        return spec.withVirtualServices(services);
    }
}
