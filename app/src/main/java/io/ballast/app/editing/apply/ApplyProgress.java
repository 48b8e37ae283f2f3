package io.ballast.app.editing.apply;

/**
 * Told each step of an apply or rollback as it happens ("lb-b (backup): revision 8 in effect"). Called
 * on the thread that runs the apply; a UI hands it over to its own thread.
 */
@FunctionalInterface
public interface ApplyProgress {

    ApplyProgress IGNORE = line -> { };

    void step(String line);
}
