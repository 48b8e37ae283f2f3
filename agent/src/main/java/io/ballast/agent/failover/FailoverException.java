package io.ballast.agent.failover;

/** A failover engine could not do what was asked; the message is a sentence for the operator. */
public class FailoverException extends Exception {

    public FailoverException(String message) {
        super(message);
    }

    public FailoverException(String message, Throwable cause) {
        super(message, cause);
    }
}
