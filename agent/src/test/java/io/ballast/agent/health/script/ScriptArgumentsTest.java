package io.ballast.agent.health.script;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptArgumentsTest {

    @Test
    void placeholdersAreReplacedAndDoublePercentIsALiteralPercent() {
        assertThat(ScriptChecker.substitute("--target=%a:%p", "2001:db8::1", "443")).isEqualTo("--target=2001:db8::1:443");
        assertThat(ScriptChecker.substitute("100%% at %a", "192.0.2.1", "80")).isEqualTo("100% at 192.0.2.1");
    }

    @Test
    void otherPercentSequencesStayAsWritten() {
        assertThat(ScriptChecker.substitute("%x %", "192.0.2.1", "80")).isEqualTo("%x %");
    }
}
