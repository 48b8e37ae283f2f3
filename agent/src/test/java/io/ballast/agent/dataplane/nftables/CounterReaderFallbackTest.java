package io.ballast.agent.dataplane.nftables;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.agent.testsupport.RealEngines;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A machine where JNA's native part cannot load: the plane keeps reading counters, with nft, and says why. */
class CounterReaderFallbackTest {

    @Test
    void withoutJnasNativeLibraryThePlaneListsCountersWithNftAndSaysWhy() throws IOException, InterruptedException {
        RealEngines.require("counter reader fallback", false, "nft");
        // No system libjnidispatch, no unpacking of the one in the jar, a boot path that does not exist:
        // JNA has nowhere to load its native part from.
        String output = probe(List.of("-Djna.nosys=true", "-Djna.nounpack=true", "-Djna.boot.library.path=/nonexistent"),
                System.getProperty("java.class.path"));

        assertThat(output).contains("reader: nft listing (netlink unavailable: JNA's native library could not be loaded")
                .contains("lists them with nft");
    }

    @Test
    void withoutJnasJarThePlaneListsCountersWithNftAndSaysWhy() throws IOException, InterruptedException {
        RealEngines.require("counter reader fallback", false, "nft");
        String classPath = String.join(File.pathSeparator, Arrays.stream(
                System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("jna")).toList());

        String output = probe(List.of(), classPath);

        assertThat(output).contains("reader: nft listing (netlink unavailable: JNA is not on the agent's class path");
    }

    /** Runs {@link JnaUnavailableProbe} in a JVM of its own and returns what it printed. */
    private static String probe(List<String> jvmOptions, String classPath) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, JnaUnavailableProbe.class.getName(), "blfallback"));
        Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean ended = probe.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            probe.destroyForcibly();
        }
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ended).as(output).isTrue();
        assertThat(probe.exitValue()).as(output).isZero();
        return output;
    }
}
