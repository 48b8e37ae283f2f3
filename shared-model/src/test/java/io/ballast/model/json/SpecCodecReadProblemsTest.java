package io.ballast.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ballast.model.validate.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A document that is not a spec is refused with sentences that say where and what, never a stack trace. */
class SpecCodecReadProblemsTest {

    private static final String SERVER = "{\"address\": \"198.51.100.21\", \"port\": 80, \"weight\": 5}";

    /** A minimal SINGLE spec with {@code service} as its only virtual service. */
    private static String specWith(String service) {
        return """
                {
                  "schemaVersion": 1,
                  "name": "lab",
                  "form": "SINGLE",
                  "directors": [{"id": "lb-1", "address": "192.0.2.11", "agentEndpoint": "https://192.0.2.11:9443"}],
                  "virtualServices": [%s]
                }
                """.formatted(service);
    }

    private static String service(String extra, String servers) {
        return "{\"protocol\": \"TCP\", \"address\": \"203.0.113.10\", \"port\": 80, \"scheduler\": \"wrr\"" + extra
                + ", \"realServers\": [" + servers + "]}";
    }

    private static List<Problem> problemsOf(String json) {
        return catchThrowableOfType(SpecFormatException.class, () -> SpecCodec.read(json)).problems();
    }

    @Test
    void wellFormedSpecReadsWithoutProblems() throws SpecFormatException {
        assertThat(SpecCodec.read(specWith(service("", SERVER))).virtualServices()).hasSize(1);
    }

    @Test
    void malformedJsonIsReportedWithLineAndColumn() {
        String json = "{\n  \"schemaVersion\": 1,\n  \"name\": \"lab\",\n}\n";

        List<Problem> problems = problemsOf(json);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEmpty();
            assertThat(p.message()).startsWith("line 4, column 1: unexpected character '}'");
            assertThat(p.toString()).doesNotContain("Exception").doesNotContain("\tat ");
        });
    }

    @Test
    void truncatedDocumentSaysWhereItEnded() {
        assertThat(problemsOf("{\"schemaVersion\": 1, \"name\": \"lab\""))
                .singleElement().satisfies(p -> assertThat(p.message()).startsWith("line 1, column ")
                        .contains("end-of-input"));
    }

    @Test
    void duplicateFieldIsReportedWithItsLine() {
        assertThat(problemsOf("{\"schemaVersion\": 1,\n\"name\": \"a\",\n\"name\": \"b\"}"))
                .singleElement().satisfies(p -> assertThat(p.message()).startsWith("line 3,").contains("name"));
    }

    @Test
    void emptyDocumentIsRefusedWithASentence() {
        assertThat(problemsOf("  ")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("empty"));
    }

    @Test
    void documentThatIsNotAnObjectIsRefused() {
        assertThat(problemsOf("[1, 2]")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("JSON object").contains("array"));
    }

    @Test
    void everyUnknownFieldIsReportedWithItsPathAndTheKnownFields() {
        String json = specWith(service(", \"sheduler\": \"rr\"",
                SERVER + ", {\"address\": \"198.51.100.22\", \"port\": 80, \"weight\": 5, \"wieght\": 9}"));

        List<Problem> problems = problemsOf(json);

        assertThat(problems).extracting(Problem::path).containsExactlyInAnyOrder(
                "/virtualServices/0/sheduler", "/virtualServices/0/realServers/1/wieght");
        assertThat(problems.get(1).message()).isEqualTo("unknown field; known fields are name, address, port,"
                + " weight, forwarding, upperThreshold, lowerThreshold, os, state");
    }

    @Test
    void missingRequiredFieldsAreAllReported() {
        String json = specWith("{\"protocol\": \"TCP\", \"address\": \"203.0.113.10\", \"port\": 80,"
                + " \"realServers\": [{\"port\": 80}]}");

        List<Problem> problems = problemsOf(json);

        assertThat(problems).extracting(Problem::toString).containsExactlyInAnyOrder(
                "/virtualServices/0/scheduler: is missing; every virtual service needs scheduler",
                "/virtualServices/0/realServers/0/address: is missing; every real server needs address",
                "/virtualServices/0/realServers/0/weight: is missing; every real server needs weight");
    }

    @Test
    void badEnumValueNamesTheAllowedValues() {
        String json = specWith(service(", \"forwarding\": \"direct\"", SERVER));

        assertThat(problemsOf(json)).singleElement().hasToString(
                "/virtualServices/0/forwarding: 'direct' is not allowed here; expected one of nat, dr, tun");
    }

    @Test
    void wrongTypeSaysWhatWasExpectedAndWhatWasFound() {
        String json = specWith(service("", "{\"address\": \"198.51.100.21\", \"port\": 80, \"weight\": \"heavy\"}"));

        assertThat(problemsOf(json)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/virtualServices/0/realServers/0/weight");
            assertThat(p.message()).contains("whole number");
        });
    }

    @Test
    void fractionWhereAWholeNumberBelongsIsRefused() {
        String json = specWith(service("", "{\"address\": \"198.51.100.21\", \"port\": 80, \"weight\": 2.5}"));

        assertThat(problemsOf(json)).singleElement()
                .satisfies(p -> assertThat(p.path()).isEqualTo("/virtualServices/0/realServers/0/weight"));
    }

    @Test
    void objectWhereAListBelongsIsRefused() {
        String json = specWith("{\"protocol\": \"TCP\", \"address\": \"203.0.113.10\", \"port\": 80,"
                + " \"scheduler\": \"rr\", \"realServers\": {}}");

        assertThat(problemsOf(json)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/virtualServices/0/realServers");
            assertThat(p.message()).contains("expected a list").contains("found an object");
        });
    }

    @Test
    void explicitNullIsRefusedRatherThanReadAsZero() {
        String json = specWith(service("", "{\"address\": \"198.51.100.21\", \"port\": 80, \"weight\": null}"));

        assertThat(problemsOf(json)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/virtualServices/0/realServers/0/weight");
            assertThat(p.message()).contains("null is not allowed");
        });
    }

    @Test
    void firewallMarkBeyondThirtyTwoBitsIsRefused() {
        String json = specWith("{\"firewallMark\": 4294967296, \"addressFamily\": \"inet\", \"scheduler\": \"rr\"}");

        assertThat(problemsOf(json)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/virtualServices/0/firewallMark");
            assertThat(p.message()).contains("4294967295");
        });
    }

    @Test
    void largestFirewallMarkIsRead() throws SpecFormatException {
        String json = specWith("{\"firewallMark\": 4294967295, \"addressFamily\": \"inet\", \"scheduler\": \"rr\"}");

        assertThat(SpecCodec.read(json).virtualServices().get(0).key()).hasToString("fwm/4294967295");
    }

    @Test
    void otherSchemaVersionGetsItsOwnSentenceAndNothingElse() {
        String json = specWith(service(", \"unknownThing\": 1", SERVER)).replace("\"schemaVersion\": 1", "\"schemaVersion\": 2");

        assertThat(problemsOf(json)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/schemaVersion");
            assertThat(p.message()).contains("is 2").contains("reads schema version 1");
        });
    }

    @Test
    void missingSchemaVersionGetsItsOwnSentence() {
        String json = specWith(service("", SERVER)).replace("\"schemaVersion\": 1,", "");

        assertThat(problemsOf(json)).singleElement().hasToString(
                "/schemaVersion: is missing; a cluster spec says which schema it follows, add \"schemaVersion\": 1");
    }

    @Test
    void unknownFieldNamesWithSlashesAreEscapedInThePath() {
        String json = specWith(service("", SERVER)).replace("\"name\": \"lab\"", "\"name\": \"lab\", \"a/b~c\": 1");

        assertThat(problemsOf(json)).extracting(Problem::path).containsExactly("/a~1b~0c");
    }

    @Test
    void numberWhereTextBelongsIsRefused() {
        String json = specWith(service("", SERVER)).replace("\"id\": \"lb-1\"", "\"id\": 5");

        assertThat(problemsOf(json)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/directors/0/id");
            assertThat(p.message()).contains("expected a string");
        });
    }

    @Test
    void numberTooLargeForItsFieldSaysTheRange() {
        String json = specWith(service("", "{\"address\": \"198.51.100.21\", \"port\": 80, \"weight\": 99999999999}"));

        assertThat(problemsOf(json)).singleElement().hasToString("/virtualServices/0/realServers/0/weight:"
                + " 99999999999 is out of range; expected a whole number from -2147483648 to 2147483647");
    }
}
