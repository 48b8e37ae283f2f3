package io.ballast.agent.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventLoopTest {

    @Test
    void callRunsOnTheLoopAndReturnsWhatTheWorkReturned() throws Exception {
        try (EventLoop loop = EventLoop.start("test-loop")) {
            assertThat(loop.call(loop::inLoop, 5)).isTrue();
            assertThat(loop.inLoop()).isFalse();
        }
    }

    @Test
    void callRethrowsTheWorksOwnException() {
        try (EventLoop loop = EventLoop.start("test-loop")) {
            assertThatThrownBy(() -> loop.call(() -> {
                throw new IOException("disk gone");
            }, 5)).isInstanceOf(IOException.class).hasMessage("disk gone");
        }
    }

    @Test
    void callOnAClosedLoopSaysSo() {
        EventLoop loop = EventLoop.start("closed-loop");
        loop.close();
        assertThatThrownBy(() -> loop.call(() -> 1, 5)).hasMessageContaining("closed-loop is closed");
    }

    @Test
    void everyKeepsRunningAfterATaskThrows() throws Exception {
        CountDownLatch runs = new CountDownLatch(3);
        try (EventLoop loop = EventLoop.start("test-loop")) {
            loop.execute(() -> loop.every(TimeUnit.MILLISECONDS.toNanos(10), () -> {
                runs.countDown();
                throw new IllegalStateException("a failing tick");
            }));
            assertThat(runs.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aHandlerThatThrowsLosesItsChannelButTheOthersKeepBeingServed() throws Exception {
        Pipe broken = Pipe.open();
        Pipe healthy = Pipe.open();
        AtomicInteger served = new AtomicInteger();
        CountDownLatch read = new CountDownLatch(1);
        try (EventLoop loop = EventLoop.start("test-loop")) {
            loop.call(() -> {
                broken.source().configureBlocking(false);
                healthy.source().configureBlocking(false);
                loop.register(broken.source(), SelectionKey.OP_READ, key -> {
                    throw new IllegalStateException("handler bug");
                });
                return loop.register(healthy.source(), SelectionKey.OP_READ, key -> {
                    try {
                        ((Pipe.SourceChannel) key.channel()).read(ByteBuffer.allocate(16));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    served.incrementAndGet();
                    read.countDown();
                });
            }, 5);
            broken.sink().write(ByteBuffer.wrap(new byte[] {1}));
            Thread.sleep(50);
            healthy.sink().write(ByteBuffer.wrap(new byte[] {2}));
            assertThat(read.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(served).hasValue(1);
        } finally {
            broken.sink().close();
            healthy.sink().close();
        }
    }

    @Test
    void loopMethodsRefuseOtherThreads() {
        try (EventLoop loop = EventLoop.start("test-loop")) {
            assertThatThrownBy(() -> loop.schedule(1, () -> { }))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("test-loop");
        }
    }
}
