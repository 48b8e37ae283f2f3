package io.ballast.agent.health.tcp;

import io.ballast.agent.health.Checker;
import io.ballast.agent.health.Probe;
import io.ballast.agent.health.ProbeTarget;
import io.ballast.agent.loop.EventLoop;
import io.ballast.model.CheckType;
import java.net.InetSocketAddress;

/**
 * TCP connect checks: the server is healthy when it completes a handshake. The connect is
 * non-blocking and runs on the monitor's own loop, so a check costs a socket, never a thread.
 */
public final class TcpChecker implements Checker {

    private final EventLoop loop;

    public TcpChecker(EventLoop loop) {
        this.loop = loop;
    }

    @Override
    public CheckType type() {
        return CheckType.TCP;
    }

    @Override
    public Probe prepare(ProbeTarget target) {
        return new TcpProbe(loop, new InetSocketAddress(target.address(), target.port()));
    }
}
