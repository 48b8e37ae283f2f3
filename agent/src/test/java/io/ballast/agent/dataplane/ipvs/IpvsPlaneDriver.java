package io.ballast.agent.dataplane.ipvs;

import com.fasterxml.jackson.core.type.TypeReference;
import io.ballast.agent.dataplane.DataPlane;
import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.agent.dataplane.DataPlaneProvider;
import io.ballast.agent.dataplane.PlaneOptions;
import io.ballast.model.VirtualService;
import io.ballast.model.api.CounterSample;
import io.ballast.model.api.CounterSnapshot;
import io.ballast.model.api.Counters;
import io.ballast.model.api.Rates;
import io.ballast.model.json.SpecCodec;
import io.ballast.model.plan.Plan;
import io.ballast.model.plan.Planner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Runs the ipvs plane inside the test VM, as the reconciler would: open (through the ServiceLoader,
 * by name), read the table, plan towards a target, apply. Output lines start with a word the test reads.
 *
 * <pre>
 * apply STATE_DIR TARGET.json   read the kernel, plan to TARGET, apply; prints PLAN/OP/APPLIED lines
 * read STATE_DIR                prints TABLE followed by the table as JSON
 * counters STATE_DIR            prints one COUNTER line per service and real server, then the TOTAL line
 * sync STATE_DIR                opens with connection sync on; prints the daemons when active, then standing by
 * </pre>
 */
public final class IpvsPlaneDriver {

    private IpvsPlaneDriver() {
    }

    /** "connections=… packetsIn=… packetsOut=… bytesIn=… bytesOut=… cps=… ppsIn=… ppsOut=… bpsIn=… bpsOut=…". */
    private static String describe(CounterSample sample) {
        Counters c = sample.counters();
        Rates r = sample.rates() == null ? new Rates(-1, -1, -1, -1, -1) : sample.rates();
        return "connections=" + c.connections() + " packetsIn=" + c.packetsIn() + " packetsOut=" + c.packetsOut()
                + " bytesIn=" + c.bytesIn() + " bytesOut=" + c.bytesOut() + " cps=" + r.connectionsPerSecond()
                + " ppsIn=" + r.packetsInPerSecond() + " ppsOut=" + r.packetsOutPerSecond()
                + " bpsIn=" + r.bytesInPerSecond() + " bpsOut=" + r.bytesOutPerSecond();
    }

    public static void main(String[] args) throws Exception {
        DataPlaneProvider provider = ServiceLoader.load(DataPlaneProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("ipvs")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no provider named ipvs on the classpath"));
        Map<String, String> settings = args[0].equals("sync")
                ? Map.of("sync", "true", "syncId", "9", "syncInterface", "eth0") : Map.of();
        try (DataPlane plane = provider.open(new PlaneOptions("vm", Path.of(args[1]), settings))) {
            if (args[0].equals("sync")) {
                Ipvsadm ipvsadm = new Ipvsadm("ipvsadm", 30);
                System.out.println("ACTIVE " + ipvsadm.daemonListing().strip().replace('\n', ';'));
                plane.setActive(false);
                System.out.println("STANDBY " + ipvsadm.daemonListing().strip().replace('\n', ';'));
            } else if (args[0].equals("apply")) {
                List<VirtualService> target = SpecCodec.mapper().readValue(Path.of(args[2]).toFile(),
                        new TypeReference<List<VirtualService>>() {
                        });
                long start = System.nanoTime();
                Plan plan = Planner.between(plane.readTable(), target);
                System.out.println("PLAN " + plan.size());
                plan.summaries().stream().limit(200).forEach(s -> System.out.println("OP " + s));
                plane.apply(plan);
                System.out.println("APPLIED " + (System.nanoTime() - start) / 1_000_000 + " ms");
            } else if (args[0].equals("read")) {
                System.out.println("TABLE");
                System.out.println(SpecCodec.mapper().writeValueAsString(plane.readTable()));
            } else if (args[0].equals("counters")) {
                CounterSnapshot snapshot = plane.sampleCounters();
                snapshot.samples().forEach(sample -> System.out.println("COUNTER " + sample.service() + " "
                        + sample.realServer() + " " + describe(sample)));
                if (snapshot.total() != null) {
                    System.out.println("TOTAL " + describe(snapshot.total()));
                }
            } else if (args[0].equals("capabilities")) {
                System.out.println("CAPABILITIES " + plane.capabilities());
            }
        } catch (DataPlaneException e) {
            System.out.println("REFUSED " + e.getMessage());
            System.exit(3);
        }
    }
}
