package io.ballast.model.validate;

/**
 * One thing wrong with a spec or a request: where (a JSON pointer such as
 * {@code /virtualServices/1/realServers/0/weight}) and a sentence for the operator.
 * A problem with the whole document (malformed JSON) has an empty path and says where in its message.
 */
public record Problem(String path, String message) {

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
