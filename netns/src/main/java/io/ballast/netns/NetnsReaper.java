package io.ballast.netns;

import java.util.List;

/**
 * {@code NetnsReaper OWNER_PID PREFIX}: a process of its own that waits for its owner to end and then
 * removes every namespace named PREFIX… and whatever runs in them. A lab that is SIGKILLed runs no
 * shutdown hook; this is what still cleans up after it. The owner ends it after a normal close.
 */
public final class NetnsReaper {

    private NetnsReaper() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !args[1].startsWith(NetnsLab.FAMILY)) {
            System.err.println("usage: NetnsReaper OWNER_PID " + NetnsLab.FAMILY + "PREFIX");
            System.exit(2);
        }
        long owner = Long.parseLong(args[0]);
        String prefix = args[1];
        System.out.println("reaper ready");
        System.out.flush();
        ProcessHandle.of(owner).ifPresent(handle -> handle.onExit().join());
        reap(prefix);
        System.exit(0);
    }

    /** Deletes the namespaces whose names start with {@code prefix}, the private switch last. */
    static void reap(String prefix) {
        List<String> names = Commands.namespacesStartingWith(prefix);
        for (String name : names) {
            if (!name.equals(prefix + NetnsLab.SWITCH)) {
                Commands.delete(name);
            }
        }
        for (String name : names) {
            if (name.equals(prefix + NetnsLab.SWITCH)) {
                Commands.delete(name);
            }
        }
    }
}
