package io.ballast.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The agent's state directory: created owner-only, since it holds the TLS key and the token hash. */
final class StateDirectory {

    private StateDirectory() {
    }

    static Path prepare(Path dir) throws IOException {
        Files.createDirectories(dir);
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // Not POSIX; a Linux director always is.
        }
        return dir;
    }
}
