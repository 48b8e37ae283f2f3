package io.ballast.agent.failover.keepalived;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.agent.testsupport.Await;
import io.ballast.agent.testsupport.RealEngines;
import io.ballast.model.api.Role;
import io.ballast.netns.Netns;
import io.ballast.netns.NetnsLab;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real keepalived, alone in a network namespace of its own, driven through the supervisor and the fifo. */
class KeepalivedSupervisorTest {

    @TempDir
    Path dir;

    private NetnsLab lab;
    private Netns ns;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<KeepalivedNotification> transitions = new CopyOnWriteArrayList<>();

    @BeforeEach
    void namespaceWithOneInterface() {
        RealEngines.require("keepalived supervision", true, "keepalived", "ip", "mkfifo");
        lab = NetnsLab.create();
        ns = lab.namespace("ka");
        lab.connect(ns, "vrrp0", "vrrp", "192.0.2.11/24");
    }

    @AfterEach
    void removeNamespace() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void lonelyDirectorBecomesMasterTakesTheVipAndIsRestartedAfterSigkill() throws Exception {
        try (NotifyFifo fifo = NotifyFifo.open(dir.resolve("notify.fifo"), transitions::add);
             KeepalivedSupervisor keepalived = new KeepalivedSupervisor(List.of("ip", "netns", "exec", ns.name()),
                     "keepalived", writeConfig(fifo.path()), dir, events::add)) {
            keepalived.start();

            Await.until("transitions.stream().anyMatch(t -> t.role() == Role.MASTER)",
                    10, () -> transitions.stream().anyMatch(t -> t.role() == Role.MASTER));
            Await.until("addresses().contains('203.0.113.10/32')", 5, () -> addresses().contains("203.0.113.10/32"));

            long firstPid = keepalived.pid();
            new ProcessBuilder("kill", "-KILL", Long.toString(firstPid)).start().waitFor();
            Await.until("keepalived.pid() > 0 && keepalived.pid() != firstPid",
                    10, () -> keepalived.pid() > 0 && keepalived.pid() != firstPid);

            assertThat(keepalived.restartCount()).isEqualTo(1);
            assertThat(events).anyMatch(e -> e.startsWith("keepalived exited with code"));
            transitions.clear();
            Await.until("transitions.stream().anyMatch(t -> t.role() == Role.MASTER)",
                    10, () -> transitions.stream().anyMatch(t -> t.role() == Role.MASTER));
        }
        assertThat(addresses()).doesNotContain("203.0.113.10/32");
    }

    private Path writeConfig(Path fifo) throws IOException {
        String conf = """
                global_defs {
                    router_id test-lb-a
                    vrrp_version 3
                    notify_fifo %s
                }
                vrrp_instance ballast_51 {
                    state BACKUP
                    interface vrrp0
                    virtual_router_id 51
                    priority 100
                    advert_int 0.1
                    unicast_src_ip 192.0.2.11
                    unicast_peer {
                        192.0.2.12
                    }
                    virtual_ipaddress {
                        203.0.113.10/32 dev vrrp0
                    }
                }
                """.formatted(fifo);
        return Files.writeString(dir.resolve("keepalived.conf"), conf, StandardCharsets.UTF_8);
    }

    private String addresses() {
        return ns.exec("ip", "-o", "addr", "show", "dev", "vrrp0").stdout();
    }
}
