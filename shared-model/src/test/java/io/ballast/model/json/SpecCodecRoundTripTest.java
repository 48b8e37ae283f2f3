package io.ballast.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.SchedulerFlag;
import io.ballast.model.VirtualService;
import io.ballast.model.generators.SpecArbitraries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What is written reads back as the same spec, and writes the same bytes again: files, hashes and diffs stay stable. */
@PropertyDefaults(tries = 250, edgeCases = EdgeCasesMode.NONE)
class SpecCodecRoundTripTest {

    @Provide
    Arbitrary<ClusterSpec> specs() {
        return SpecArbitraries.specs();
    }

    @Property
    void readingWhatWasWrittenGivesTheSameSpec(@ForAll("specs") ClusterSpec spec) throws SpecFormatException {
        assertThat(SpecCodec.read(SpecCodec.write(spec))).isEqualTo(spec);
    }

    @Property
    void writingWhatWasReadGivesTheSameText(@ForAll("specs") ClusterSpec spec) throws SpecFormatException {
        String written = SpecCodec.write(spec);

        assertThat(SpecCodec.write(SpecCodec.read(written))).isEqualTo(written);
    }

    @ParameterizedTest
    @ValueSource(strings = {"single.json", "ha-pair.json", "streamline.json"})
    void documentedExampleSurvivesARoundTrip(String file) throws IOException, SpecFormatException {
        ClusterSpec spec = SpecCodec.read(Files.readString(Path.of("..", "docs", "examples", file)));

        assertThat(SpecCodec.read(SpecCodec.write(spec))).isEqualTo(spec);
    }

    @Test
    void fieldsAreWrittenInRecordComponentOrder() {
        String json = SpecCodec.write(spec(new LinkedHashSet<>(List.of(SchedulerFlag.SH_PORT))));

        assertThat(json).containsSubsequence("\"schemaVersion\"", "\"name\"", "\"form\"", "\"revision\"",
                "\"directors\"", "\"virtualServices\"");
        assertThat(json).containsSubsequence("\"protocol\"", "\"address\"", "\"port\"", "\"scheduler\"",
                "\"schedulerFlags\"", "\"forwarding\"", "\"realServers\"");
        assertThat(json).containsSubsequence("\"realServers\"", "\"name\"", "\"address\"", "\"port\"", "\"weight\"",
                "\"upperThreshold\"", "\"lowerThreshold\"", "\"os\"", "\"state\"");
    }

    @Test
    void absentOptionalValuesAreLeftOutRatherThanWrittenAsNull() {
        assertThat(SpecCodec.write(spec(java.util.Set.of()))).doesNotContain("null");
    }

    @Test
    void flagOrderDoesNotChangeTheTextOrTheHash() {
        ClusterSpec one = spec(new LinkedHashSet<>(List.of(SchedulerFlag.SH_PORT, SchedulerFlag.SH_FALLBACK)));
        ClusterSpec other = spec(new LinkedHashSet<>(List.of(SchedulerFlag.SH_FALLBACK, SchedulerFlag.SH_PORT)));

        assertThat(SpecCodec.write(one)).isEqualTo(SpecCodec.write(other));
        assertThat(SpecCodec.hash(one)).isEqualTo(SpecCodec.hash(other));
    }

    @Test
    void hashIgnoresTheRevisionButNotTheContent() {
        ClusterSpec spec = spec(java.util.Set.of());
        ClusterSpec heavier = spec.withVirtualServices(List.of(spec.virtualServices().get(0).withRealServers(
                List.of(RealServer.of(null, "198.51.100.21", 443, 6)))));

        assertThat(SpecCodec.hash(spec.withRevision(99))).isEqualTo(SpecCodec.hash(spec));
        assertThat(SpecCodec.hash(heavier)).isNotEqualTo(SpecCodec.hash(spec));
    }

    private static ClusterSpec spec(java.util.Set<SchedulerFlag> flags) {
        VirtualService service = new VirtualService(null, Protocol.TCP, "203.0.113.10", 443, null, null,
                Scheduler.SH, flags, null, null, null, null, List.of(RealServer.of("web-1", "198.51.100.21", 443, 5)));
        return new ClusterSpec(ClusterSpec.SCHEMA_VERSION, "lab", ClusterForm.SINGLE, 3,
                List.of(new Director("lb-1", "192.0.2.11", "https://192.0.2.11:9443", 100, "eth0")),
                List.of(service), null);
    }
}
