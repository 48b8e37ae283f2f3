package io.ballast.app.lab.process;

/**
 * Lab children end with their parent: a crashed client must not leave real servers or traffic
 * generators behind.
 */
public final class ParentWatch {

    private ParentWatch() {
    }

    /** Exits this JVM as soon as the process that started it is gone. */
    public static void exitWhenParentDies() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            System.err.println("lab: parent process " + parent.pid() + " is gone; exiting");
            Runtime.getRuntime().halt(0);
        }));
    }
}
