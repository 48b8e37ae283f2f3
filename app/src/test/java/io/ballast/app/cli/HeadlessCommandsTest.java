package io.ballast.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.RealServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadlessCommandsTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int ballast(String... args) {
        return BallastCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void validSpecIsAcceptedWithExitZero() throws IOException {
        Path file = CliSpecs.write(dir, "shop.json", CliSpecs.haPair(List.of(RealServer.of("web-1", "198.51.100.21", 80, 5))));

        assertThat(ballast("validate", file.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("valid HA_PAIR cluster 'shop'");
    }

    @Test
    void invalidSpecPrintsEveryProblemWithItsPathAndExitsOne() throws IOException {
        Path file = CliSpecs.write(dir, "bad.json",
                CliSpecs.haPair(List.of(RealServer.of("web-1", "198.51.100.21", 80, 5))).withRevision(3));
        Files.writeString(file, Files.readString(file).replace("\"name\" : \"shop\"", "\"name\" : \"\""));

        assertThat(ballast("validate", file.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("/name: ");
    }

    @Test
    void malformedJsonNamesLineAndColumnWithoutStackTrace() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.json"), "{\n  \"name\": \"x\",\n  oops\n}\n");

        assertThat(ballast("validate", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 3").doesNotContain("at com.fasterxml").doesNotContain("Exception");
    }

    @Test
    void missingFileIsReportedPlainly() {
        assertThat(ballast("validate", dir.resolve("nowhere.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("nowhere.json: no such file");
    }

    @Test
    void planPrintsOneSummaryLinePerOperation() throws IOException {
        RealServer one = RealServer.of("web-1", "198.51.100.21", 80, 5);
        RealServer two = RealServer.of("web-2", "198.51.100.22", 80, 5);
        Path from = CliSpecs.write(dir, "from.json", CliSpecs.haPair(List.of(one, two)));
        Path to = CliSpecs.write(dir, "to.json", CliSpecs.haPair(List.of(one.withWeight(9),
                RealServer.of("web-3", "198.51.100.23", 80, 2))));

        assertThat(ballast("plan", from.toString(), to.toString())).isEqualTo(0);
        assertThat(out.toString().lines()).containsExactly(
                "tcp/203.0.113.10:80 — add real server web-3 198.51.100.23:80 weight 2",
                "tcp/203.0.113.10:80 — real server web-1 198.51.100.21:80: weight 5 → 9",
                "tcp/203.0.113.10:80 — remove real server web-2 198.51.100.22:80"
                        + " (open connections are dropped unless it was drained first)");
    }

    @Test
    void planBetweenEqualSpecsSaysNothingChanges() throws IOException {
        Path same = CliSpecs.write(dir, "same.json", CliSpecs.haPair(List.of(RealServer.of("w", "198.51.100.21", 80, 1))));

        assertThat(ballast("plan", same.toString(), same.toString())).isEqualTo(0);
        assertThat(out.toString().strip()).isEqualTo("no change to the table");
    }
}
