import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import io.ballast.model.json.SpecCodec;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one telemetry-benchmark agent: a spec of SERVERS real servers (services of at most 100 each,
 * no health checks, loopback addresses the userspace plane can bind), an agent config on the
 * userspace plane with a free API port, and prints that port.
 *
 * Usage: java -cp AGENT_CLASSPATH TelemetrySetup.java SERVERS DIR VIP_NET [nftables NETNS [COUNTERS]]
 * (VIP_NET: the third octet of the 127.0.x.0/24 virtual addresses, so that two agents can run side by side;
 * with "nftables NETNS" the agent runs the nftables plane, its table in that network namespace, on
 * documentation addresses instead; COUNTERS, "netlink" or "nft", is the plane's "counters" setting)
 */
public class TelemetrySetup {

    public static void main(String[] args) throws Exception {
        int servers = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        int vipNet = Integer.parseInt(args[2]);
        boolean nftables = args.length > 4 && args[3].equals("nftables");
        String vipPrefix = nftables ? "203.0.113." : "127.0." + vipNet + ".";
        String rsPrefix = nftables ? "198.51.100." : "127.0.2.";
        Files.createDirectories(dir);
        List<VirtualService> services = new ArrayList<>();
        int left = servers;
        for (int s = 0; left > 0; s++) {
            int count = Math.min(100, left);
            left -= count;
            List<RealServer> rs = new ArrayList<>(count);
            for (int r = 0; r < count; r++) {
                // Nothing listens there: no traffic flows, the sampler still reads and stores every counter.
                rs.add(RealServer.of("rs-" + s + "-" + r, rsPrefix + (1 + r % 250), 40_000 + s, 1 + r % 10));
            }
            services.add(new VirtualService("svc-" + s, Protocol.TCP, vipPrefix + (1 + s % 250), 30_000 + s,
                    null, null, Scheduler.WRR, null, null, null, null, null, rs));
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Director self = new Director("telemetry", "127.0.0.1", "https://127.0.0.1:" + port, 100, "lo");
        ClusterSpec spec = new ClusterSpec(ClusterSpec.SCHEMA_VERSION, "telemetry-" + servers, ClusterForm.SINGLE, 0,
                List.of(self), services, null);
        Files.writeString(dir.resolve("spec.json"), SpecCodec.write(spec));
        String counters = nftables && args.length > 5 ? ", \"counters\": \"" + args[5] + "\"" : "";
        String plane = nftables ? "\"nftables\", \"dataPlaneSettings\": {\"netns\": \"" + args[4] + "\"" + counters + "}"
                : "\"userspace\"";
        Files.writeString(dir.resolve("agent.json"), """
                {"nodeId": "telemetry", "listenAddress": "127.0.0.1", "listenPort": %d, "stateDir": "state",
                 "dataPlane": %s, "failoverEngine": "single", "initialSpec": "spec.json",
                 "reconcileIntervalSeconds": 10}
                """.formatted(port, plane));
        System.out.println(port);
    }
}
