package io.ballast.agent.dataplane.nftables;

import io.ballast.agent.dataplane.DataPlaneException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command layer: the only class that runs {@code nft}. Every change is one nft transaction — all
 * of it or none of it: small ones (a weight, a drain, a server) go to a long-lived {@code nft -i}
 * ({@link NftSession}) so they do not pay for a process start, large ones to a fresh {@code nft -f -}.
 */
public final class NftCommand implements AutoCloseable {

    /**
     * Scripts up to this size go to the session, larger ones to a fresh nft -f. nft -i reads its input one
     * byte per read(2) (libedit, stdin not a terminal): ~0.4 ms of CPU per KiB measured here, against
     * ~5 ms to start nft; a weight change is 2-9 KiB at 16 servers per service.
     */
    static final int SESSION_LIMIT = 8 * 1024;

    private final CommandRunner runner;
    private final String nft;
    private final NftSession session;

    public NftCommand(CommandRunner runner, String nftBinary, long timeoutMillis) {
        this.runner = runner;
        this.nft = nftBinary;
        this.session = new NftSession(runner.argv(List.of(nftBinary, "-i")), timeoutMillis);
    }

    /** Applies a ruleset script atomically; on failure nothing of it is in the kernel. */
    public void transaction(String script, String what) throws DataPlaneException {
        if (script.length() <= SESSION_LIMIT) {
            List<String> errors = session.apply(script);
            if (!errors.isEmpty()) {
                throw new DataPlaneException("nft refused the transaction that would " + what
                        + ", so nothing was changed: " + String.join(" | ", errors.subList(0, Math.min(6, errors.size()))));
            }
            return;
        }
        CommandRunner.Result result = runner.run(List.of(nft, "-f", "-"), script);
        if (result.exitCode() != 0) {
            throw new DataPlaneException("nft refused the transaction that would " + what
                    + ", so nothing was changed: " + firstLines(result.stderr(), 6));
        }
    }

    /** Ends the session's nft process. */
    @Override
    public void close() {
        session.close();
    }

    /** {@code nft -j list table FAMILY NAME}; null if the table does not exist. */
    public String listTableJson(String family, String table) throws DataPlaneException {
        return listJson(List.of(nft, "-j", "list", "table", family, table));
    }

    /** {@code nft -j list chain FAMILY TABLE CHAIN}; null if it does not exist. */
    public String listChainJson(String family, String table, String chain) throws DataPlaneException {
        return listJson(List.of(nft, "-j", "list", "chain", family, table, chain));
    }

    /**
     * {@code nft -j list set FAMILY TABLE SET}; null if it does not exist. nft 1.0.6 fetches only that
     * set for this (unlike {@code list tables}, which fetches every rule and element of the ruleset).
     */
    public String listSetJson(String family, String table, String set) throws DataPlaneException {
        return listJson(List.of(nft, "-j", "list", "set", family, table, set));
    }

    /**
     * Several list commands ({@code "list map inet ballast svc4"} …) in one nft process: {@code nft -j -i}
     * runs each input line on its own and prints one JSON document per line for each object it found; a
     * missing object is said on stderr only. (In one {@code nft -f} batch nft 1.0.6 answers every list
     * command with "No such file or directory".) One process instead of one per set: the read-back lists
     * ~70 sets at 2,277 services, and on a loaded machine each process start waits for a CPU.
     *
     * @param terse {@code -t}: no set elements
     * @return the JSON documents of the objects that exist
     */
    public List<String> listEachJson(List<String> commands, boolean terse) throws DataPlaneException {
        if (commands.isEmpty()) {
            return List.of();
        }
        List<String> argv = new ArrayList<>(List.of("env", "HOME=/nonexistent", nft, "-j"));
        if (terse) {
            argv.add("-t");
        }
        argv.add("-i"); // HOME: nft -i keeps a history file there; these reads do not belong in root's
        CommandRunner.Result result = runner.run(argv, String.join("\n", commands) + "\n");
        boolean failed = result.exitCode() != 0 || result.stderr().lines()
                .anyMatch(line -> line.startsWith("Error:") && !line.contains("No such file or directory"));
        if (failed) {
            throw new DataPlaneException("'" + String.join(" ", argv) + "' failed: " + firstLines(result.stderr(), 4));
        }
        return result.stdout().lines().filter(line -> line.startsWith("{")).toList();
    }

    /**
     * The counters of one counter set ({@code nft -p list set}, nft's text form, read as it streams;
     * see {@link CounterListing}); null if the set does not exist.
     */
    public Map<String, NftRulesetRenderer.CounterValue> setCounters(String family, String table, String set)
            throws DataPlaneException {
        return runner.read(List.of(nft, "-p", "list", "set", family, table, set), CounterListing::read,
                "No such file or directory");
    }

    private String listJson(List<String> argv) throws DataPlaneException {
        CommandRunner.Result result = runner.run(argv, null);
        if (result.exitCode() != 0) {
            if (result.stderr().contains("No such file or directory")) {
                return null;
            }
            throw new DataPlaneException("'" + String.join(" ", argv) + "' failed: " + firstLines(result.stderr(), 4));
        }
        return result.stdout();
    }

    private static String firstLines(String text, int lines) {
        String[] all = text.strip().split("\n");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(lines, all.length); i++) {
            out.append(i == 0 ? "" : " | ").append(all[i].strip());
        }
        return out.isEmpty() ? "(no message)" : out.toString();
    }
}
