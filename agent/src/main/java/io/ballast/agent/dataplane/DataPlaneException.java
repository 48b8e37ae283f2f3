package io.ballast.agent.dataplane;

/** A plane could not do what was asked; the message is a sentence for the operator. */
public class DataPlaneException extends Exception {

    public DataPlaneException(String message) {
        super(message);
    }

    public DataPlaneException(String message, Throwable cause) {
        super(message, cause);
    }
}
