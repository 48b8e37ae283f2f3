package io.ballast.model.keepalived;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resolves includes against a map of file name to text, as keepalived would against a file
 * system: relative patterns against the including file's directory, globs matched, results sorted.
 * Useful for tests and for a client that received a bundle of files.
 */
public final class InMemoryIncludeResolver implements IncludeResolver {

    private final Map<String, String> files;

    public InMemoryIncludeResolver(Map<String, String> files) {
        this.files = new TreeMap<>(files);
    }

    @Override
    public List<ConfText> resolve(String includingFile, String pattern) {
        String resolved = IncludePaths.resolveAgainst(includingFile, pattern);
        List<ConfText> matches = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (IncludePaths.matches(resolved, file.getKey())) {
                matches.add(new ConfText(file.getKey(), file.getValue()));
            }
        }
        return matches;
    }
}
