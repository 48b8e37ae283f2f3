package io.ballast.app.connection;

/** The agent answered, but with something the client cannot use; the message says what. */
public class AgentProtocolException extends Exception {
    public AgentProtocolException(String message) {
        super(message);
    }
}
