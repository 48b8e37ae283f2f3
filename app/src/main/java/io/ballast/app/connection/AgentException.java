package io.ballast.app.connection;

/** A call to an agent failed; {@link #kind()} says how, the message says what for the operator. */
public final class AgentException extends Exception {

    /** How a call failed: decides what the client shows and whether it retries. */
    public enum Kind {
        /** No answer, refused, timed out or the stream broke: retry with back-off. */
        UNREACHABLE,
        /** The certificate is not the pinned one: never retried silently. */
        UNTRUSTED,
        /** The token was refused. */
        UNAUTHORIZED,
        /** The agent answered something unusable. */
        PROTOCOL
    }

    private final Kind kind;

    public AgentException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
