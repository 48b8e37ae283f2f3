package io.ballast.model.keepalived;

/**
 * The text is not a keepalived.conf Ballast can read. The message names the file and line:
 * {@code keepalived.conf line 42: '}' without an opening '{'}.
 */
public final class KeepalivedSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String reason;

    public KeepalivedSyntaxException(String file, int line, String reason) {
        super(file + " line " + line + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** The sentence without the place. */
    public String reason() {
        return reason;
    }
}
