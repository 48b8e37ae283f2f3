package io.ballast.app.cli;

/** Exit codes of the headless commands, the same for every subcommand. */
final class ExitCodes {

    /** Everything is fine. */
    static final int OK = 0;
    /** The input was read but has problems (a spec that does not validate). */
    static final int PROBLEMS = 1;
    /** The input could not be read at all (missing file, malformed JSON) or the command failed. */
    static final int TROUBLE = 2;

    private ExitCodes() {
    }
}
