package io.ballast.agent.dataplane.ipvs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streamed {@code ipvsadm -R} batch, against a stand-in executable (a shell script that records
 * its stdin the way ipvsadm would read it): what arrives, and what a failure on either side reports.
 */
class IpvsadmBatchTest {

    @TempDir
    Path dir;

    private Path standIn(String body) throws IOException {
        Path script = dir.resolve("ipvsadm");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void everyLineOfALargeBatchArrivesInOrder() throws Exception {
        Path received = dir.resolve("received");
        Ipvsadm ipvsadm = new Ipvsadm(standIn("cat > " + received).toString(), 30);
        List<String> expected = new ArrayList<>();
        Ipvsadm.Result result = ipvsadm.restore(out -> {
            // Several times the pipe's capacity, so the writer blocks and resumes as the reader drains it.
            for (int i = 0; i < 20_000; i++) {
                List<String> command = List.of("-a", "-t", "203.0.113.1:80", "-r", "198.51.100." + (i % 250 + 1)
                        + ":" + (1000 + i), "-m", "-w", "1");
                IpvsadmCommandBuilder.command(out, command);
                expected.add(IpvsadmCommandBuilder.restoreLine(command));
            }
        });

        assertThat(result.ok()).isTrue();
        assertThat(Files.readAllLines(received)).containsExactlyElementsOf(expected);
    }

    @Test
    void aLineTheLoaderRejectsMakesTheBatchFail() throws Exception {
        Ipvsadm ipvsadm = new Ipvsadm(standIn("cat > /dev/null; echo 'Service not defined' >&2").toString(), 30);

        Ipvsadm.Result result = ipvsadm.restore(out -> out.line("-a -t 203.0.113.1:80 -r 198.51.100.1:80 -m -w 1"));

        assertThat(result.ok()).isFalse();
        assertThat(Ipvsadm.reason(result)).isEqualTo("Service not defined");
    }

    @Test
    void aBatchThatCannotBeRenderedToTheEndFailsAndStopsTheLoader() throws Exception {
        Path received = dir.resolve("received");
        Ipvsadm ipvsadm = new Ipvsadm(standIn("cat > " + received).toString(), 30);

        Ipvsadm.Result result = ipvsadm.restore(out -> {
            IpvsadmCommandBuilder.command(out, List.of("-A", "-t", "203.0.113.1:80", "-s", "rr"));
            throw new IllegalStateException("no ipvsadm option for protocol ICMP");
        });

        assertThat(result.ok()).isFalse();
        assertThat(Ipvsadm.reason(result)).contains("could not be written").contains("protocol ICMP");
    }
}
