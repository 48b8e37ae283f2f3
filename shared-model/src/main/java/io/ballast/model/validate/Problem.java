package io.ballast.model.validate;

/**
 * One thing wrong with a spec or a request: where (a JSON pointer such as
 * {@code /virtualServices/1/realServers/0/weight}) and a sentence for the operator.
 */
public record Problem(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
