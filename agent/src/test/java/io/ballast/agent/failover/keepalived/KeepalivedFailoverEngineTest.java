package io.ballast.agent.failover.keepalived;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.agent.failover.RoleChange;
import io.ballast.agent.testsupport.Await;
import io.ballast.agent.testsupport.RealEngines;
import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.FailoverSettings;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.VirtualService;
import io.ballast.model.api.Role;
import io.ballast.netns.Netns;
import io.ballast.netns.NetnsLab;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two directors, each with real keepalived in its own namespace, joined by a bridge. */
class KeepalivedFailoverEngineTest {

    private static final String VIP = "203.0.113.10";

    @TempDir
    Path dir;

    private NetnsLab lab;
    private Netns nsA;
    private Netns nsB;
    private KeepalivedFailoverEngine a;
    private KeepalivedFailoverEngine b;
    private final List<RoleChange> changesOfB = new CopyOnWriteArrayList<>();

    @BeforeEach
    void twoDirectorsOnOneSegment() {
        RealEngines.require("keepalived failover", true, "keepalived", "ip", "mkfifo");
        lab = NetnsLab.create();
        nsA = lab.namespace("lb-a");
        nsB = lab.namespace("lb-b");
        lab.connect(nsA, "eth0", "vrrp", "192.0.2.11/24");
        lab.connect(nsB, "eth0", "vrrp", "192.0.2.12/24");
    }

    @AfterEach
    void stopEverything() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void higherPriorityDirectorHoldsTheVipAndTheOtherWaits() throws Exception {
        startBoth(spec(150, true));

        Await.until("a.role() == Role.MASTER && b.role() == Role.BACKUP",
                15, () -> a.role() == Role.MASTER && b.role() == Role.BACKUP);
        Await.until("holdsVip(nsA)", 5, () -> holdsVip(nsA));
        assertThat(holdsVip(nsB)).isFalse();
    }

    @Test
    void standbyTakesOverOnCrashAndRestoredMasterTakesBackOnlyWhenReady() throws Exception {
        startBoth(spec(150, true));
        Await.until("a.role() == Role.MASTER && b.role() == Role.BACKUP",
                15, () -> a.role() == Role.MASTER && b.role() == Role.BACKUP);

        // A crash: the link goes and keepalived dies with SIGKILL (SIGKILL alone would leave the VIP configured).
        a.setReady(false);
        nsA.execOk("ip", "link", "set", "eth0", "down");
        killKeepalivedIn(nsA);
        Await.until("b.role() == Role.MASTER && holdsVip(nsB)", 10, () -> b.role() == Role.MASTER && holdsVip(nsB));
        assertThat(changesOfB).extracting(RoleChange::to).contains(Role.MASTER);

        // Restored but not ready: it must not take the VIPs back.
        nsA.execOk("ip", "link", "set", "eth0", "up");
        Await.until("a.role() == Role.BACKUP", 15, () -> a.role() == Role.BACKUP);
        Thread.sleep(2_000);
        assertThat(b.role()).isEqualTo(Role.MASTER);
        assertThat(holdsVip(nsA)).isFalse();

        a.setReady(true);
        Await.until("a.role() == Role.MASTER && b.role() == Role.BACKUP",
                10, () -> a.role() == Role.MASTER && b.role() == Role.BACKUP);
        Await.until("holdsVip(nsA) && !holdsVip(nsB)", 5, () -> holdsVip(nsA) && !holdsVip(nsB));
    }

    @Test
    void nopreemptKeepsTheVipsWithTheStandbyAfterTheMasterReturns() throws Exception {
        startBoth(spec(150, false));
        Await.until("a.role() == Role.MASTER", 15, () -> a.role() == Role.MASTER);

        nsA.execOk("ip", "link", "set", "eth0", "down");
        Await.until("b.role() == Role.MASTER", 10, () -> b.role() == Role.MASTER);
        nsA.execOk("ip", "link", "set", "eth0", "up");
        Await.until("a.role() == Role.BACKUP", 15, () -> a.role() == Role.BACKUP);

        Thread.sleep(2_000);
        assertThat(b.role()).isEqualTo(Role.MASTER);
    }

    @Test
    void stepDownHandsTheVipsToTheStandbyAtOnce() throws Exception {
        startBoth(spec(150, true));
        Await.until("a.role() == Role.MASTER && b.role() == Role.BACKUP",
                15, () -> a.role() == Role.MASTER && b.role() == Role.BACKUP);

        long asked = System.nanoTime();
        a.stepDown();
        Await.until("b.role() == Role.MASTER && holdsVip(nsB)", 5, () -> b.role() == Role.MASTER && holdsVip(nsB));

        // A priority-0 advert: no waiting for three missed adverts.
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked)).isLessThan(3_000);
        assertThat(a.role()).isNotEqualTo(Role.MASTER);
    }

    @Test
    void newRevisionWithTheSameFailoverSettingsDoesNotReloadKeepalived() throws Exception {
        startBoth(spec(150, true));
        Await.until("a.role() == Role.MASTER", 15, () -> a.role() == Role.MASTER);
        Path conf = dir.resolve("a/keepalived/keepalived.conf");
        long before = conf.toFile().lastModified();
        Thread.sleep(1_100);

        a.update(spec(150, true).withRevision(7));
        assertThat(conf.toFile().lastModified()).isEqualTo(before);

        a.update(spec(160, true).withRevision(8));
        assertThat(conf.toFile().lastModified()).isGreaterThan(before);
        assertThat(java.nio.file.Files.readString(conf)).contains("priority 160");
    }

    private void startBoth(ClusterSpec spec) throws Exception {
        a = new KeepalivedFailoverEngine("lb-a", dir.resolve("a"), settings(nsA));
        b = new KeepalivedFailoverEngine("lb-b", dir.resolve("b"), settings(nsB));
        b.onRoleChange(changesOfB::add);
        a.start(spec);
        b.start(spec);
    }

    private static KeepalivedSettings settings(Netns ns) {
        return KeepalivedSettings.from(Map.of("netns", ns.name(), "stepDownHoldMillis", "10000"));
    }

    private static ClusterSpec spec(int priorityOfA, boolean preempt) {
        VirtualService web = new VirtualService("web", Protocol.TCP, VIP, 80, null, null, Scheduler.WRR, Set.of(),
                null, ForwardingMethod.NAT, null, null, List.of(RealServer.of("web-1", "198.51.100.21", 80, 1)));
        return new ClusterSpec(ClusterSpec.SCHEMA_VERSION, "pair", ClusterForm.HA_PAIR, 1,
                List.of(new Director("lb-a", "192.0.2.11", "https://192.0.2.11:9443", priorityOfA, "eth0"),
                        new Director("lb-b", "192.0.2.12", "https://192.0.2.12:9443", 100, "eth0")),
                List.of(web), new FailoverSettings(51, 100, preempt, 0, List.of(), false, List.of()));
    }

    private static boolean holdsVip(Netns ns) {
        return ns.exec("ip", "-o", "addr", "show", "dev", "eth0").stdout().contains(VIP + "/");
    }

    /**
     * SIGKILL to the keepalived processes of this namespace only. pkill matches by name across the whole
     * machine — network namespaces do not separate processes — and would kill other runs' keepalived too.
     */
    private static void killKeepalivedIn(Netns ns) {
        for (String pid : ns.exec("ip", "netns", "pids", ns.name()).stdout().split("\\s+")) {
            if (pid.isBlank()) {
                continue;
            }
            ProcessHandle.of(Long.parseLong(pid.trim()))
                    .filter(p -> p.info().command().map(c -> c.endsWith("/keepalived") || c.equals("keepalived"))
                            .orElse(false))
                    .ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
