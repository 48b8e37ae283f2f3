package io.ballast.agent.dataplane.userspace;

import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.agent.dataplane.PlaneOptions;
import io.ballast.model.Addresses;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import io.ballast.model.plan.Planner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the userspace plane alone with one service, for benchmarks and quick lab checks:
 * {@code java -cp … io.ballast.agent.dataplane.userspace.LabForwarderCommand --listen 127.0.0.10:8080
 * --real 127.0.0.21:8081 --real 127.0.0.22:8081:3 --scheduler wrr}. Runs until killed.
 */
@Command(name = "userspace-forwarder", mixinStandardHelpOptions = true,
        description = "Forwards one TCP or UDP virtual service with the userspace data plane (lab and tests only).")
public final class LabForwarderCommand implements Callable<Integer> {

    @Option(names = "--listen", required = true, description = "virtual address:port, e.g. 127.0.0.10:8080")
    String listen;

    @Option(names = "--real", required = true, description = "real server address:port[:weight]; repeat for more")
    List<String> reals = new ArrayList<>();

    @Option(names = "--scheduler", defaultValue = "rr", description = "an IPVS scheduler name (default: ${DEFAULT-VALUE})")
    String scheduler;

    @Option(names = "--udp", description = "forward UDP instead of TCP")
    boolean udp;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LabForwarderCommand()).execute(args));
    }

    @Override
    public Integer call() throws DataPlaneException, InterruptedException {
        String[] vip = Addresses.splitEndpoint(listen);
        List<RealServer> servers = new ArrayList<>();
        for (String real : reals) {
            servers.add(realServer(real));
        }
        VirtualService service = new VirtualService("lab", udp ? Protocol.UDP : Protocol.TCP, vip[0],
                Integer.parseInt(vip[1]), null, null, Scheduler.fromWireName(scheduler), Set.of(), null, null, null,
                null, servers);
        UserspaceDataPlane plane = UserspaceDataPlane.open(new PlaneOptions("lab", Path.of("."), Map.of()));
        plane.apply(Planner.between(List.of(), List.of(service)));
        System.out.println("forwarding " + service.key() + " to " + reals);
        Runtime.getRuntime().addShutdownHook(new Thread(plane::close));
        new CountDownLatch(1).await();
        return 0;
    }

    private static RealServer realServer(String text) {
        String[] parts = text.split(":");
        if (text.startsWith("[")) {
            String[] hostRest = Addresses.splitEndpoint(text);
            String[] portWeight = hostRest[1].split(":");
            parts = portWeight.length == 2 ? new String[] {hostRest[0], portWeight[0], portWeight[1]}
                    : new String[] {hostRest[0], hostRest[1]};
        }
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("--real '" + text + "' must look like 127.0.0.21:8081 or 127.0.0.21:8081:3");
        }
        int weight = parts.length == 3 ? Integer.parseInt(parts[2]) : 1;
        return RealServer.of(null, parts[0], Integer.parseInt(parts[1]), weight);
    }
}
