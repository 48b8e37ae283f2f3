package io.ballast.agent.failover.keepalived;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.api.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeepalivedNotificationTest {

    @Test
    void instanceTransitionIsParsedIntoRoleAndPriority() {
        KeepalivedNotification n = KeepalivedNotification.parse("INSTANCE \"ballast_51\" MASTER 150").orElseThrow();

        assertThat(n.name()).isEqualTo("ballast_51");
        assertThat(n.role()).isEqualTo(Role.MASTER);
        assertThat(n.priority()).isEqualTo(150);
        assertThat(n.isGroup()).isFalse();
    }

    @Test
    void groupTransitionAndStopAreRecognised() {
        assertThat(KeepalivedNotification.parse("GROUP \"ballast\" BACKUP 0").orElseThrow().role())
                .isEqualTo(Role.BACKUP);
        assertThat(KeepalivedNotification.parse("INSTANCE \"VI_1\" STOP 100").orElseThrow().role())
                .isEqualTo(Role.FAULT);
    }

    @Test
    void eventsOfAMasterThatKeepsTheVipsAreNotTransitions() {
        // keepalived 2.2 writes these to the fifo while the instance stays MASTER (or BACKUP): seen after
        // fail-backs, where reading them as FAULT made the new master resync from its backup mid-traffic.
        assertThat(KeepalivedNotification.parse("INSTANCE \"ballast_vip\" MASTER_RX_LOWER_PRI 150")).isEmpty();
        assertThat(KeepalivedNotification.parse("INSTANCE \"ballast_vip\" MASTER_PRIORITY 150")).isEmpty();
        assertThat(KeepalivedNotification.parse("INSTANCE \"ballast_vip\" BACKUP_PRIORITY 1")).isEmpty();
        assertThat(KeepalivedNotification.parse("INSTANCE \"ballast_vip\" FAULT 0").orElseThrow().role())
                .isEqualTo(Role.FAULT);
    }

    @Test
    void checkerLinesAndNoiseAreIgnored() {
        assertThat(KeepalivedNotification.parse("RS 198.51.100.21:80 UP 203.0.113.10:80")).isEmpty();
        assertThat(KeepalivedNotification.parse("")).isEmpty();
        assertThat(KeepalivedNotification.parse("INSTANCE VI_1 MASTER")).isEmpty();
    }

    @Test
    void fifoDeliversLinesFromSuccessiveWriters(@TempDir Path dir) throws Exception {
        List<KeepalivedNotification> seen = new CopyOnWriteArrayList<>();
        try (NotifyFifo fifo = NotifyFifo.open(dir.resolve("notify.fifo"), seen::add)) {
            // Two writers one after the other, as when keepalived restarts: the reader survives the first close.
            write(fifo.path(), "INSTANCE \"ballast_51\" BACKUP 100\n");
            write(fifo.path(), "INSTANCE \"ballast_51\" MASTER 100\n");

            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (seen.size() < 2 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
        }
        assertThat(seen).extracting(KeepalivedNotification::role).containsExactly(Role.BACKUP, Role.MASTER);
        assertThat(dir.resolve("notify.fifo")).doesNotExist();
    }

    private static void write(Path fifo, String line) throws IOException {
        Files.writeString(fifo, line, StandardCharsets.UTF_8, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }
}
