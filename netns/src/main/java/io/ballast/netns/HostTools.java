package io.ballast.netns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What this host lacks for namespace work: root, and the commands a caller names. */
public final class HostTools {

    private HostTools() {
    }

    /**
     * Everything missing, as phrases an operator can act on ("root (CAP_NET_ADMIN)", "command 'nft'"); empty
     * when nothing is.
     */
    public static List<String> missing(boolean needsRoot, String... commands) {
        List<String> missing = new ArrayList<>();
        if (needsRoot && !isRoot()) {
            missing.add("root (CAP_NET_ADMIN)");
        }
        for (String command : commands) {
            if (!onPath(command)) {
                missing.add("command '" + command + "'");
            }
        }
        return missing;
    }

    /** Whether this process runs with effective uid 0 (read from /proc, so a renamed root account counts too). */
    public static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    String[] ids = line.substring(4).trim().split("\\s+");
                    return ids.length > 1 && ids[1].equals("0");
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or /proc not mounted: fall through to the account name.
        }
        return "root".equals(System.getProperty("user.name"));
    }

    /** Whether {@code command} is an executable on the PATH (or in /usr/sbin, /sbin, which a user's PATH may lack). */
    public static boolean onPath(String command) {
        if (command.contains("/")) {
            return Files.isExecutable(Path.of(command));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", command)) || Files.isExecutable(Path.of("/sbin", command));
    }
}
