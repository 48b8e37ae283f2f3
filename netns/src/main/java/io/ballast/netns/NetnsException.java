package io.ballast.netns;

/** A namespace command failed or timed out; the message names the command and what it printed. */
public final class NetnsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NetnsException(String message) {
        super(message);
    }

    public NetnsException(String message, Throwable cause) {
        super(message, cause);
    }
}
