package io.ballast.app.cli;

import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.FailoverSettings;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.HealthCheck;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import io.ballast.model.json.SpecCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Valid specs written to files, for the command-line tests. */
final class CliSpecs {

    private CliSpecs() {
    }

    static ClusterSpec haPair(List<RealServer> servers) {
        VirtualService web = new VirtualService("web", Protocol.TCP, "203.0.113.10", 80, null, null, Scheduler.WRR,
                Set.of(), null, ForwardingMethod.NAT, null, HealthCheck.tcp(1000, 500, 2, 3), servers);
        return new ClusterSpec(ClusterSpec.SCHEMA_VERSION, "shop", ClusterForm.HA_PAIR, 1,
                List.of(new Director("lb-a", "192.0.2.11", "https://192.0.2.11:9443", 150, "eth0"),
                        new Director("lb-b", "192.0.2.12", "https://192.0.2.12:9443", 100, "eth0")),
                List.of(web),
                new FailoverSettings(51, 100, true, 5, List.of(), true, List.of("198.51.100.1")));
    }

    static Path write(Path dir, String name, ClusterSpec spec) throws IOException {
        return Files.writeString(dir.resolve(name), SpecCodec.write(spec));
    }
}
