package io.ballast.agent.failover.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.agent.failover.RoleChange;
import io.ballast.agent.testsupport.Await;
import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.FailoverSettings;
import io.ballast.model.api.Role;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two lab engines exchanging real UDP adverts on loopback. */
class LabFailoverEngineTest {

    private static final int ADVERT_MS = 50;

    private final List<LabFailoverEngine> engines = new ArrayList<>();
    private final int portA = freeUdpPort();
    private final int portB = freeUdpPort();

    @AfterEach
    void closeEngines() {
        engines.forEach(LabFailoverEngine::close);
    }

    @Test
    void higherPriorityBecomesMasterAndTheOtherWaits() throws Exception {
        LabFailoverEngine a = start("lb-a", portA, portB, spec(true, 0));
        LabFailoverEngine b = start("lb-b", portB, portA, spec(true, 0));

        Await.until("a.role() == Role.MASTER && b.role() == Role.BACKUP",
                3, () -> a.role() == Role.MASTER && b.role() == Role.BACKUP);
        Thread.sleep(20 * ADVERT_MS);
        assertThat(a.role()).isEqualTo(Role.MASTER);
        assertThat(b.role()).isEqualTo(Role.BACKUP);
    }

    @Test
    void standbyTakesOverWhenMasterDiesAndReportsWhenItLastHeardIt() throws Exception {
        LabFailoverEngine a = start("lb-a", portA, portB, spec(true, 0));
        LabFailoverEngine b = start("lb-b", portB, portA, spec(true, 0));
        List<RoleChange> changes = new CopyOnWriteArrayList<>();
        b.onRoleChange(changes::add);
        Await.until("a.role() == Role.MASTER && b.role() == Role.BACKUP",
                3, () -> a.role() == Role.MASTER && b.role() == Role.BACKUP);

        long killedAt = System.currentTimeMillis();
        a.close();
        Await.until("b.role() == Role.MASTER", 3, () -> b.role() == Role.MASTER);

        RoleChange takeover = changes.get(changes.size() - 1);
        assertThat(takeover.to()).isEqualTo(Role.MASTER);
        assertThat(takeover.reason()).contains("last advert from lb-a");
        assertThat(takeover.masterLostAtMillis()).isBetween(killedAt - 3L * ADVERT_MS, takeover.atMillis());
        // 3 adverts + skew, with room for a busy machine; never sooner than the master-down interval.
        assertThat(takeover.atMillis() - killedAt).isBetween(3L * ADVERT_MS - ADVERT_MS, 20L * ADVERT_MS);
    }

    @Test
    void restoredMasterTakesBackAfterPreemptDelayOnlyWhenReady() throws Exception {
        LabFailoverEngine b = start("lb-b", portB, portA, spec(true, 1));
        Await.until("b.role() == Role.MASTER", 3, () -> b.role() == Role.MASTER);

        LabFailoverEngine a = new LabFailoverEngine("lb-a", loopback(portA), List.of(loopback(portB)));
        engines.add(a);
        a.setReady(false);
        a.start(spec(true, 1));
        Thread.sleep(1_500);
        assertThat(a.role()).as("not ready: must not take back").isEqualTo(Role.BACKUP);
        assertThat(b.role()).isEqualTo(Role.MASTER);

        a.setReady(true);
        Await.until("a.role() == Role.MASTER && b.role() == Role.BACKUP",
                3, () -> a.role() == Role.MASTER && b.role() == Role.BACKUP);
    }

    @Test
    void nopreemptLeavesTheVipsWithTheStandby() throws Exception {
        LabFailoverEngine b = start("lb-b", portB, portA, spec(false, 0));
        Await.until("b.role() == Role.MASTER", 3, () -> b.role() == Role.MASTER);
        LabFailoverEngine a = start("lb-a", portA, portB, spec(false, 0));

        Thread.sleep(40 * ADVERT_MS);
        assertThat(a.role()).isEqualTo(Role.BACKUP);
        assertThat(b.role()).isEqualTo(Role.MASTER);
    }

    @Test
    void stepDownHandsTheVipsOverAtOnce() throws Exception {
        LabFailoverEngine a = start("lb-a", portA, portB, spec(true, 0));
        LabFailoverEngine b = start("lb-b", portB, portA, spec(true, 0));
        Await.until("a.role() == Role.MASTER && b.role() == Role.BACKUP",
                3, () -> a.role() == Role.MASTER && b.role() == Role.BACKUP);

        long asked = System.currentTimeMillis();
        a.stepDown();
        Await.until("b.role() == Role.MASTER", 3, () -> b.role() == Role.MASTER);

        assertThat(System.currentTimeMillis() - asked).isLessThan(3L * ADVERT_MS);
        assertThat(a.role()).isEqualTo(Role.BACKUP);
    }

    private LabFailoverEngine start(String node, int port, int peerPort, ClusterSpec spec) throws Exception {
        LabFailoverEngine engine = new LabFailoverEngine(node, loopback(port), List.of(loopback(peerPort)));
        engines.add(engine);
        engine.start(spec);
        return engine;
    }

    private static ClusterSpec spec(boolean preempt, int preemptDelaySeconds) {
        return new ClusterSpec(ClusterSpec.SCHEMA_VERSION, "lab", ClusterForm.HA_PAIR, 1,
                List.of(new Director("lb-a", "127.0.0.1", "https://127.0.0.1:1", 150, "lo"),
                        new Director("lb-b", "127.0.0.1", "https://127.0.0.1:2", 100, "lo")),
                List.of(), new FailoverSettings(51, ADVERT_MS, preempt, preemptDelaySeconds, List.of(), false, List.of()));
    }

    private static InetSocketAddress loopback(int port) {
        return new InetSocketAddress("127.0.0.1", port);
    }

    private static int freeUdpPort() {
        try (DatagramSocket socket = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
