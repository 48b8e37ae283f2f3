package io.ballast.app.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.app.lab.kernel.KernelLab;
import io.ballast.app.lab.kernel.NamespaceHost;
import io.ballast.app.main.LiveCluster;
import io.ballast.app.timeline.TimelineEntry;
import io.ballast.netns.Netns;
import io.ballast.netns.NetnsLab;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code ballast lab --kernel --headless}: the same presets in network namespaces, with the nftables plane
 * and keepalived moving a real VIP. The master's machine crashes (cables out, SIGKILL to the agent and
 * keepalived), traffic recovers, the client shows the failover, and afterwards nothing is left.
 */
class KernelLabHeadlessTest {

    private static final Duration BUDGET = Duration.ofSeconds(90);

    @BeforeAll
    static void hostCanRunTheKernelLab() {
        LabRequirements.requireAgentJar();
        LabRequirements.requireKernelLab();
    }

    @ParameterizedTest
    @EnumSource(LabForm.class)
    void aCrashedMasterIsSurvivedInTheKernelAndNothingIsLeftAfterwards(LabForm form) throws Exception {
        NamespaceHost host = KernelLab.prepare(form, 2);
        List<ProcessHandle> started;
        try (Lab lab = Lab.start(form, host, 50);
             ThreadedTaskExecutor executor = new ThreadedTaskExecutor()) {
            LiveCluster client = new LiveCluster(System::currentTimeMillis);
            client.connect(List.copyOf(lab.endpoints().values()), executor);
            DrillResult result = new FailoverDrill(lab).run(BUDGET);

            assertThat(result.recovered()).as(result.describe()).isTrue();
            if (form == LabForm.SINGLE) {
                assertThat(result.newMaster()).as("a single director has nobody to take over").isNull();
            } else {
                assertThat(result.newMaster()).isNotNull().isNotEqualTo(result.killed());
                TimelineEntry failover = ClientTimeline.awaitFailover(client, executor, result.newMaster());
                assertThat(failover.takeoverMillis()).as("takeover time on the timeline (peer watch)").isNotNull()
                        .isPositive();
            }
            client.close();
            started = lab.livePids().stream().map(ProcessHandle::of).flatMap(Optional::stream).toList();
            assertThat(started).as("agents, keepalived, real servers, traffic, reaper").hasSizeGreaterThan(4);
        }

        assertThat(Netns.run(List.of("ip", "netns", "list"), null, true).stdout()).doesNotContain(host.prefix());
        assertThat(Netns.run(List.of("ip", "-o", "link"), null, true).stdout()).doesNotContain(host.hostLink());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (started.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(started).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void aKilledClientLeavesNoNamespaceAndNoProcess() throws Exception {
        // The client is a JVM of its own running the command line, SIGKILLed as a crash would: no shutdown hook runs.
        Process cli = new ProcessBuilder(LabPaths.java(), "-cp", LabPaths.classPath(), "io.ballast.app.cli.BallastCommand",
                "lab", "--kernel", "--headless", "--form", "ha-pair", "--duration", "120s")
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(cli.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        Matcher started = Pattern.compile("network namespaces (bln-\\S+)\\*").matcher(String.valueOf(first));
        assertThat(started.find()).as("the lab's first line names its namespaces: " + first).isTrue();
        String prefix = started.group(1);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (pidsIn(prefix + LabHost.CLIENT).isEmpty() && cli.isAlive() && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        assertThat(pidsIn(prefix + LabHost.CLIENT)).as("the traffic generator runs").isNotEmpty();
        List<ProcessHandle> lab = cli.descendants().toList();
        assertThat(lab).as("agents, keepalived, real servers, traffic, reaper").hasSizeGreaterThan(6);

        cli.destroyForcibly();

        long gone = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((!namespacesStartingWith(prefix).isEmpty() || lab.stream().anyMatch(ProcessHandle::isAlive))
                && System.nanoTime() < gone) {
            Thread.sleep(200);
        }
        assertThat(namespacesStartingWith(prefix)).isEmpty();
        assertThat(lab).noneMatch(ProcessHandle::isAlive);
    }

    private static List<String> pidsIn(String namespace) {
        return Netns.run(List.of("ip", "netns", "pids", namespace), null, false).stdout().lines()
                .filter(line -> !line.isBlank()).toList();
    }

    @Test
    void moreRealServersThanTheHostLinkHoldsAreRefusedBeforeAnythingIsMade() {
        String ours = NetnsLab.FAMILY + ProcessHandle.current().pid() + "-";
        List<String> before = namespacesStartingWith(ours);

        assertThatThrownBy(() -> KernelLab.prepare(LabForm.HA_PAIR, 11)).hasMessageContaining("1 to 10 real servers");

        assertThat(namespacesStartingWith(ours)).isEqualTo(before);
    }

    private static List<String> namespacesStartingWith(String prefix) {
        return Netns.run(List.of("ip", "netns", "list"), null, true).stdout().lines()
                .map(line -> line.split(" ")[0]).filter(name -> name.startsWith(prefix)).toList();
    }
}
