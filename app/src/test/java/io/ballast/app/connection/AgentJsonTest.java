package io.ballast.app.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.model.api.Role;
import org.junit.jupiter.api.Test;

class AgentJsonTest {

    @Test
    void unknownRoleAndMissingFieldsDoNotBreakTheStatus() throws Exception {
        AgentStatus status = AgentJson.status("{\"node\":\"lb-a\",\"role\":\"OBSERVER\",\"newThing\":[1,2]}");
        assertThat(status.role()).isEqualTo(Role.INIT);
        assertThat(status.verdicts()).isEmpty();
    }

    @Test
    void roleIsReadCaseInsensitively() throws Exception {
        assertThat(AgentJson.status("{\"role\":\"backup\"}").role()).isEqualTo(Role.BACKUP);
    }

    @Test
    void historyAcceptsABareArrayOrAWrappedOne() throws Exception {
        String point = "{\"atMillis\":1,\"samples\":[],\"unknown\":1}";
        assertThat(AgentJson.history("[" + point + "," + point + "]")).hasSize(2);
        assertThat(AgentJson.history("{\"points\":[" + point + "]}")).hasSize(1);
    }

    @Test
    void eventDetailValuesOfAnyTypeBecomeText() throws Exception {
        AgentEvent event = AgentJson.event("{\"id\":3,\"type\":\"role_change\",\"detail\":{\"takeoverMillis\":182.4,\"peers\":[\"a\"]}}");
        assertThat(event.type()).isEqualTo("ROLE_CHANGE");
        assertThat(event.takeoverMillis()).hasValue(182);
        assertThat(event.detail("peers")).isEqualTo("[\"a\"]");
    }

    @Test
    void brokenJsonIsAnOperatorSentence() {
        assertThatThrownBy(() -> AgentJson.status("{\"node\":")).hasMessageStartingWith("the agent sent JSON the client cannot read");
    }
}
