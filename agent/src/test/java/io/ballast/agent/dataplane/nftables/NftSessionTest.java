package io.ballast.agent.dataplane.nftables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.agent.testsupport.RealEngines;
import io.ballast.netns.Netns;
import io.ballast.netns.NetnsLab;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The long-lived nft -i session against a real kernel, in a namespace of its own. */
class NftSessionTest {

    private static NetnsLab lab;
    private static Netns ns;
    private NftCommand nft;

    @BeforeAll
    static void namespace() {
        RealEngines.require("nft session", true, "nft", "ip");
        lab = NetnsLab.create();
        ns = lab.namespace("nft");
    }

    @AfterAll
    static void removeNamespace() {
        if (lab != null) {
            lab.close();
        }
    }

    @BeforeEach
    void table() {
        ns.execOk("nft", "add", "table", "inet", "t");
        ns.execOk("nft", "add", "set", "inet", "t", "s", "{ type ipv4_addr ; }");
        nft = new NftCommand(new CommandRunner(ns.name(), 10_000), "nft", 10_000);
    }

    @AfterEach
    void dropTable() {
        nft.close();
        ns.exec("nft", "delete", "table", "inet", "t");
    }

    private String elements() {
        return ns.execOk("nft", "list", "set", "inet", "t", "s").stdout();
    }

    @Test
    void severalCommandsAreAppliedTogether() throws DataPlaneException {
        nft.transaction("add element inet t s { 192.0.2.1 }\nadd element inet t s { 192.0.2.2 }\n", "add two");
        nft.transaction("delete element inet t s { 192.0.2.1 }\nadd element inet t s { 192.0.2.3 }\n", "swap one");

        assertThat(elements()).contains("192.0.2.2").contains("192.0.2.3").doesNotContain("192.0.2.1");
    }

    @Test
    void aRefusedTransactionLeavesNothingBehindAndNamesTheCommand() throws DataPlaneException {
        assertThatThrownBy(() -> nft.transaction(
                "add element inet t s { 192.0.2.7 }\ndelete element inet t s { 192.0.2.99 }\n", "swap a missing one"))
                .isInstanceOf(DataPlaneException.class)
                .hasMessageContaining("nft refused the transaction that would swap a missing one")
                .hasMessageContaining("delete element inet t s { 192.0.2.99 }")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("192.0.2.7"));
        assertThat(elements()).doesNotContain("192.0.2.7");

        nft.transaction("add element inet t s { 192.0.2.8 }\n", "add after a refusal");
        assertThat(elements()).contains("192.0.2.8");
    }

    @Test
    void aSessionWhoseProcessDiedIsStartedAgain() throws Exception {
        nft.transaction("add element inet t s { 192.0.2.1 }\n", "add one");
        for (ProcessHandle child : ProcessHandle.current().children().toList()) {
            if (child.info().command().orElse("").endsWith("nft")) {
                child.destroyForcibly();
                child.onExit().get(5, TimeUnit.SECONDS);
            }
        }

        nft.transaction("add element inet t s { 192.0.2.2 }\n", "add another");
        assertThat(elements()).contains("192.0.2.2");
    }

    @Test
    void largeScriptsGoThroughAFreshNftAndAreStillOneTransaction() {
        StringBuilder script = new StringBuilder();
        for (int i = 0; script.length() <= NftCommand.SESSION_LIMIT; i++) {
            script.append("add element inet t s { 10.").append(i / 250 % 250).append('.').append(i % 250).append(".1 }\n");
        }
        script.append("add element inet t s { 192.0.2.300 }\n");

        assertThatThrownBy(() -> nft.transaction(script.toString(), "add many"))
                .hasMessageContaining("nft refused the transaction that would add many");
        assertThat(elements()).doesNotContain("10.0.0.1");
    }
}
