package io.ballast.app.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CoalescerTest {

    /** A UI thread that is busy: posted actions wait until the test lets them run. */
    private static final class BusyUi implements TaskExecutor {
        final List<Runnable> queue = new ArrayList<>();

        @Override
        public <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void startLoop(String name, Runnable loop) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void runOnUi(Runnable action) {
            queue.add(action);
        }

        @Override
        public Cancellable schedule(Duration delay, Runnable action) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void busyUiGetsOnlyTheNewestValueAndNoBacklog() {
        BusyUi ui = new BusyUi();
        List<Integer> seen = new ArrayList<>();
        Coalescer<Integer> coalescer = new Coalescer<>(ui, seen::add);
        coalescer.offer(1);
        coalescer.offer(2);
        coalescer.offer(3);
        assertThat(ui.queue).hasSize(1);
        ui.queue.remove(0).run();
        assertThat(seen).containsExactly(3);

        coalescer.offer(4);
        assertThat(ui.queue).hasSize(1);
        ui.queue.remove(0).run();
        assertThat(seen).containsExactly(3, 4);
    }
}
