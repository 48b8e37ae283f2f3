package io.ballast.agent.dataplane.userspace;

/** A TCP session or UDP flow that a backend carries; aborted when the backend or its service leaves. */
interface ForwardedConnection {

    void abort();
}
