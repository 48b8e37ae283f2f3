package io.ballast.agent.health;

import io.ballast.agent.loop.EventLoop;
import io.ballast.model.CheckType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkers a monitor can use, one per check type. Later probes (SNMP, WinRM for Windows
 * servers) register here beside tcp/http; the monitor only ever asks {@link #checkerFor}.
 */
public final class CheckerRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CheckerRegistry.class);

    private final EventLoop loop;
    private final Map<CheckType, Checker> checkers = new EnumMap<>(CheckType.class);

    public CheckerRegistry(EventLoop loop) {
        this.loop = loop;
    }

    /** The loop the monitor runs on, for checkers that do non-blocking I/O on it (tcp). */
    public EventLoop loop() {
        return loop;
    }

    /** Adds a checker; a second checker for the same type replaces the first (which is closed). */
    public synchronized CheckerRegistry register(Checker checker) {
        Checker previous = checkers.put(checker.type(), checker);
        if (previous != null && previous != checker) {
            previous.close();
        }
        return this;
    }

    public synchronized Optional<Checker> checkerFor(CheckType type) {
        return Optional.ofNullable(checkers.get(type));
    }

    @Override
    public synchronized void close() {
        for (Checker checker : checkers.values()) {
            try {
                checker.close();
            } catch (RuntimeException e) {
                LOG.warn("closing the {} checker failed", checker.type().wireName(), e);
            }
        }
        checkers.clear();
    }
}
