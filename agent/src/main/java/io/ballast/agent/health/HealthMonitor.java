package io.ballast.agent.health;

import io.ballast.model.ClusterSpec;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Checks every real server of the spec in effect and reports transitions. A server with no check
 * configured is up. Implementations do not block a thread per check.
 */
public interface HealthMonitor extends AutoCloseable {

    /** Starts checking what this spec asks for; checks whose settings did not change keep their counts. */
    void update(ClusterSpec spec);

    /** Current verdicts, keyed by service key text and then real server key text. */
    Map<String, Map<String, HealthVerdict>> verdicts();

    /** Called (on the monitor's own thread) each time a server goes up or down. */
    void onTransition(Consumer<HealthVerdict> listener);

    @Override
    void close();
}
