package io.ballast.app.editing.transfer;

import io.ballast.model.keepalived.ConfText;
import io.ballast.model.keepalived.IncludePaths;
import io.ballast.model.keepalived.IncludeResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Resolves keepalived {@code include} lines on the file system as keepalived does: relative to the
 * including file's directory, globs matched (with {@link IncludePaths}), matches read in name order.
 */
public final class FileIncludeResolver implements IncludeResolver {

    @Override
    public List<ConfText> resolve(String includingFile, String pattern) {
        String resolved = IncludePaths.resolveAgainst(includingFile, pattern);
        Path root = Path.of(fixedPrefix(resolved));
        if (!Files.exists(root)) {
            return List.of();
        }
        List<ConfText> matches = new ArrayList<>();
        try (Stream<Path> files = Files.isDirectory(root) ? Files.walk(root) : Stream.of(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.toString().replace('\\', '/');
                if (IncludePaths.matches(resolved, name)) {
                    matches.add(new ConfText(name, read(file)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(root + " cannot be listed (" + e.getMessage() + ")", e);
        }
        return matches;
    }

    // The directories before the first wildcard: nothing outside them can match.
    private static String fixedPrefix(String glob) {
        int wildcard = glob.length();
        for (char c : new char[] {'*', '?', '[', '{'}) {
            int at = glob.indexOf(c);
            if (at >= 0) {
                wildcard = Math.min(wildcard, at);
            }
        }
        if (wildcard == glob.length()) {
            return glob.isEmpty() ? "." : glob;
        }
        int slash = glob.lastIndexOf('/', wildcard);
        return slash < 0 ? "." : slash == 0 ? "/" : glob.substring(0, slash);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is included but cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
