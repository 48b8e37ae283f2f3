package io.ballast.app.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class FxTaskExecutorTest {

    /**
     * Connections schedule polls and reconnects from their own threads while the window closes the
     * executor: that must never surface as an exception (it used to, as a RejectedExecutionException).
     */
    @Test
    void schedulingWhileTheExecutorClosesIsIgnoredNotThrown() throws Exception {
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        for (int round = 0; round < 300; round++) {
            FxTaskExecutor executor = new FxTaskExecutor();
            Thread connection = new Thread(() -> {
                try {
                    for (int i = 0; i < 2_000; i++) {
                        executor.schedule(Duration.ofHours(1), () -> { }).cancel();
                    }
                } catch (RuntimeException e) {
                    errors.add(e);
                }
            });
            connection.start();
            Thread.onSpinWait();
            executor.close();
            connection.join(10_000);
        }
        assertThat(errors).isEmpty();
    }
}
