package io.ballast.agent.health;

import io.ballast.agent.health.http.HttpChecker;
import io.ballast.agent.loop.EventLoop;
import io.ballast.agent.health.script.ScriptChecker;
import io.ballast.agent.health.tcp.TcpChecker;
import java.util.function.Consumer;

/** The health monitor the agent runs. The checker implementations live in the packages beside this class. */
public final class HealthMonitors {

    private HealthMonitors() {
    }

    /** The standard monitor: tcp, http, https and script checks, on one loop thread. */
    public static ScheduledHealthMonitor standard() {
        return standard(registry -> {
        });
    }

    /**
     * The standard monitor plus more checkers (SNMP, WinRM…): {@code extra} registers them, and may
     * replace a standard one. Checkers that do non-blocking I/O can use {@link CheckerRegistry#loop()}.
     */
    public static ScheduledHealthMonitor standard(Consumer<CheckerRegistry> extra) {
        EventLoop loop = EventLoop.start("ballast-health");
        CheckerRegistry registry = new CheckerRegistry(loop);
        registry.register(new TcpChecker(loop));
        HttpChecker.pair().forEach(registry::register);
        registry.register(new ScriptChecker(ScriptChecker.DEFAULT_MAX_RUNNING));
        extra.accept(registry);
        return new ScheduledHealthMonitor(registry);
    }
}
