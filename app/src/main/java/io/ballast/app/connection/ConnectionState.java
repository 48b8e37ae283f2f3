package io.ballast.app.connection;

/** How the client is connected to one agent. Only CONNECTED data is ever shown as live. */
public enum ConnectionState {
    /** Not started, or started and waiting for the first answer. */
    CONNECTING,
    /** Status read and the event stream open. */
    CONNECTED,
    /** No answer, or the stream went silent: what is shown for this director is stale. */
    UNREACHABLE,
    /** The certificate is not the pinned one: the client will not talk to it until the operator decides. */
    UNTRUSTED,
    /** The agent refused the token. */
    UNAUTHORIZED,
    /** The agent answers something this client cannot read. */
    INCOMPATIBLE;

    public boolean live() {
        return this == CONNECTED;
    }

    public static ConnectionState of(AgentException.Kind kind) {
        switch (kind) {
            case UNTRUSTED:
                return UNTRUSTED;
            case UNAUTHORIZED:
                return UNAUTHORIZED;
            case PROTOCOL:
                return INCOMPATIBLE;
            default:
                return UNREACHABLE;
        }
    }
}
