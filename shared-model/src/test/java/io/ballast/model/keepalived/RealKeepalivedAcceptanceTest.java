package io.ballast.model.keepalived;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real keepalived ({@code keepalived --config-test}) accepts what Ballast writes. */
class RealKeepalivedAcceptanceTest {

    private static final String SUITE = "keepalived --config-test suite";

    @TempDir
    Path dir;

    private Path keepalived;
    private String iface;

    @BeforeEach
    void requireKeepalived() throws IOException {
        keepalived = ToolGate.find("keepalived");
        ToolGate.require(SUITE, "the keepalived program", keepalived != null);
        iface = nonLoopbackInterface();
        // keepalived refuses VRRP on an interface it cannot find, and on loopback.
        ToolGate.require(SUITE, "a network interface other than lo", iface != null);
    }

    @Test
    void keepalivedRejectsAnUnknownKeywordSoTheCheckMeansSomething() throws Exception {
        Result result = configTest("global_defs {\n    router_id x\n    no_such_keyword 1\n}\n");

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("no_such_keyword");
    }

    @Test
    void exportedConfigurationIsAccepted() throws Exception {
        String text = KeepalivedExporter.export(SampleCluster.haPair(iface, "/bin/true"),
                SampleCluster.directorA(iface), System.getProperty("user.name"));

        Result result = configTest(text);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).isEmpty();
    }

    @Test
    void vrrpRenderingIsAccepted() throws Exception {
        String text = KeepalivedVrrpRenderer.render(SampleCluster.haPair(iface, "/bin/true"),
                SampleCluster.directorB(iface), VrrpOptions.forAgent(dir.resolve("state").toString()));

        Result result = configTest(text);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).isEmpty();
    }

    private record Result(int exitCode, String output) {
    }

    private Result configTest(String text) throws IOException, InterruptedException {
        Path conf = dir.resolve("keepalived-" + System.nanoTime() + ".conf");
        Files.writeString(conf, text);
        Path log = dir.resolve("config-test.log");
        Process process = new ProcessBuilder(keepalived.toString(), "--config-test", "-f", conf.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("keepalived --config-test did not finish within 60 s");
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8).strip());
    }

    private static String nonLoopbackInterface() throws IOException {
        Path net = Path.of("/sys/class/net");
        if (!Files.isDirectory(net)) {
            return null;
        }
        try (Stream<Path> links = Files.list(net)) {
            List<String> names = links.map(p -> p.getFileName().toString()).filter(n -> !n.equals("lo")).sorted().toList();
            return names.contains("eth0") ? "eth0" : names.stream().findFirst().orElse(null);
        }
    }
}
