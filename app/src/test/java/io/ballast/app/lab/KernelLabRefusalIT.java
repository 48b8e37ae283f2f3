package io.ballast.app.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.netns.HostTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code ballast lab --kernel} started by a normal user: a refusal that names what is missing, exit 2,
 * and nothing made. Runs the packaged client as user nobody, so it needs root to switch users.
 */
class KernelLabRefusalIT {

    private static final Path APP_JAR = Path.of("target/ballast-app.jar").toAbsolutePath();

    @Test
    void aNormalUserIsToldThatRootIsMissingAndNothingStarts() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(APP_JAR), "the client is packaged before the *IT tests run");
        // As root, setpriv makes the client a normal user; without root, this machine's own user already is one.
        boolean asRoot = HostTools.isRoot();
        Assumptions.assumeTrue(!asRoot || HostTools.onPath("setpriv"), "needs setpriv to act as a normal user");
        ProcessBuilder command = asRoot
                ? new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", LabPaths.java(),
                        "-jar", APP_JAR.toString(), "lab", "--kernel", "--headless", "--duration", "20s")
                : new ProcessBuilder(LabPaths.java(), "-jar", APP_JAR.toString(), "lab", "--kernel", "--headless");
        Process cli = command.redirectErrorStream(true).start();
        String said = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(cli.exitValue()).as(said).isEqualTo(2);
        assertThat(said).contains("--kernel needs root").contains("nothing was started");
        assertThat(said).doesNotContain("starting a");
    }
}
