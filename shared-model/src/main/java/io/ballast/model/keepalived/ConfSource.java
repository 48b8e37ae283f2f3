package io.ballast.model.keepalived;

/** Where a node was written: the document's name (as the caller or an include named it) and a 1-based line. */
public record ConfSource(String file, int line) {

    /** "keepalived.conf line 42", the prefix of every message about this place. */
    @Override
    public String toString() {
        return file + " line " + line;
    }
}
