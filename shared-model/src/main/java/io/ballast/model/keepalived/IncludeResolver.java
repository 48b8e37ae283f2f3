package io.ballast.model.keepalived;

import java.util.List;

/**
 * Finds the files an {@code include} line names. The grammar does no I/O; the agent and the client
 * supply a file-system implementation, tests an {@link InMemoryIncludeResolver}.
 *
 * <p>keepalived resolves a relative pattern against the directory of the including file and reads
 * the matches in glob(3) order (sorted by name); {@link IncludePaths} does that arithmetic for
 * implementations.
 */
@FunctionalInterface
public interface IncludeResolver {

    /**
     * The documents {@code pattern} matches, sorted by name; empty when nothing matches.
     *
     * @param includingFile name of the file that holds the include line
     * @param pattern       the file name or glob as written (wildcards and {@code {a,b}} braces allowed)
     * @throws RuntimeException with a sentence when a matched file cannot be read
     */
    List<ConfText> resolve(String includingFile, String pattern);

    /** For callers that have no files to offer: any include is an error that names its line. */
    IncludeResolver NONE = (includingFile, pattern) -> {
        throw new IllegalStateException("included files cannot be read here (no include resolver was given)");
    };
}
