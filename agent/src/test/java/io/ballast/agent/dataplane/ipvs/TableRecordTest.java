package io.ballast.agent.dataplane.ipvs;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.AdminState;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.OsType;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.SorryServer;
import io.ballast.model.VirtualService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableRecordTest {

    private static final VirtualService SPEC = new VirtualService(null, Protocol.TCP, "203.0.113.10", 80, null, null,
            Scheduler.WRR, Set.of(), null, ForwardingMethod.DR, new SorryServer("198.51.100.200", 80), null, List.of(
            new RealServer("web-1", "198.51.100.1", 80, 0, null, 0, 0, OsType.WINDOWS, AdminState.DRAIN),
            new RealServer("web-2", "198.51.100.2", 80, 0, ForwardingMethod.TUN, 0, 0, OsType.LINUX, AdminState.ACTIVE)));

    /** What ipvsadm -Ln shows for SPEC: forwarding spelled out, the sorry server as a destination. */
    private static final VirtualService KERNEL = new VirtualService(null, Protocol.TCP, "203.0.113.10", 80, null,
            null, Scheduler.WRR, Set.of(), null, null, null, null, List.of(
            new RealServer(null, "198.51.100.1", 80, 0, ForwardingMethod.DR, 0, 0, null, null),
            new RealServer(null, "198.51.100.2", 80, 0, ForwardingMethod.TUN, 0, 0, null, null),
            new RealServer(null, "198.51.100.200", 80, 1, ForwardingMethod.DR, 0, 0, null, null)));

    @Test
    void recordRestoresLabelsDefaultForwardingAndSorryServer() {
        assertThat(TableRecord.decorate(KERNEL, SPEC)).isEqualTo(SPEC);
    }

    @Test
    void withoutRecordTheCommonestForwardingIsTheDefault() {
        VirtualService bare = TableRecord.decorate(KERNEL, null);

        assertThat(bare.forwarding()).isEqualTo(ForwardingMethod.DR);
        assertThat(bare.realServers()).extracting(RealServer::forwarding)
                .containsExactly(null, ForwardingMethod.TUN, null);
        assertThat(bare.sorryServer()).isNull();
    }

    @Test
    void kernelWinsOverAStaleRecord() {
        VirtualService heavier = KERNEL.withRealServers(List.of(
                new RealServer(null, "198.51.100.1", 80, 9, ForwardingMethod.DR, 5, 1, null, null)));

        RealServer read = TableRecord.decorate(heavier, SPEC).realServers().get(0);

        assertThat(read.weight()).isEqualTo(9);
        assertThat(read.upperThreshold()).isEqualTo(5);
        assertThat(read.name()).isEqualTo("web-1");
    }

    @Test
    void savedRecordLoadsBack(@TempDir Path dir) throws Exception {
        TableRecord record = new TableRecord(dir);
        record.save(List.of(SPEC));

        assertThat(record.load()).containsEntry(SPEC.key(), SPEC);
        assertThat(Files.exists(dir.resolve("ipvs-table.json.tmp"))).isFalse();
    }

    @Test
    void unlabelledServersNeedNoEntryAndStillReadBackEqual(@TempDir Path dir) throws Exception {
        VirtualService plain = new VirtualService(null, Protocol.TCP, "203.0.113.11", 80, null, null, Scheduler.RR,
                Set.of(), null, ForwardingMethod.NAT, null, null, List.of(RealServer.of(null, "198.51.100.9", 80, 3),
                RealServer.of("named", "198.51.100.8", 80, 1)));
        VirtualService kernel = new VirtualService(null, Protocol.TCP, "203.0.113.11", 80, null, null, Scheduler.RR,
                Set.of(), null, null, null, null, List.of(
                new RealServer(null, "198.51.100.9", 80, 3, ForwardingMethod.NAT, 0, 0, null, null),
                new RealServer(null, "198.51.100.8", 80, 1, ForwardingMethod.NAT, 0, 0, null, null)));
        TableRecord record = new TableRecord(dir);
        record.save(List.of(plain));

        VirtualService recorded = record.load().get(plain.key());

        assertThat(recorded.realServers()).extracting(RealServer::name).containsExactly("named");
        assertThat(TableRecord.decorate(kernel, recorded)).isEqualTo(plain);
    }

    @Test
    void plainServicesTakeNoEntryAndReadBackEqual(@TempDir Path dir) throws Exception {
        VirtualService plainDr = new VirtualService(null, Protocol.TCP, "203.0.113.12", 80, null, null, Scheduler.WRR,
                Set.of(), null, ForwardingMethod.DR, null, null, List.of(RealServer.of(null, "198.51.100.9", 80, 3)));
        VirtualService emptyDr = new VirtualService(null, Protocol.TCP, "203.0.113.13", 80, null, null, Scheduler.RR,
                Set.of(), null, ForwardingMethod.DR, null, null, List.of());
        TableRecord record = new TableRecord(dir);
        record.save(List.of(plainDr, emptyDr, SPEC));

        var loaded = record.load();
        // A DR service with no destination shows no forwarding in the kernel: only the record knows it.
        assertThat(loaded).containsOnlyKeys(emptyDr.key(), SPEC.key());
        VirtualService kernelView = plainDr.withRealServers(List.of(
                new RealServer(null, "198.51.100.9", 80, 3, ForwardingMethod.DR, 0, 0, null, null)));
        assertThat(TableRecord.decorate(kernelView, loaded.get(plainDr.key()))).isEqualTo(plainDr);
    }

    @Test
    void damagedRecordOnlyLosesLabels(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ipvs-table.json"), "{ not json");

        assertThat(new TableRecord(dir).load()).isEmpty();
    }
}
