package io.ballast.app.cli;

import io.ballast.model.ClusterSpec;
import io.ballast.model.json.SpecCodec;
import io.ballast.model.json.SpecFormatException;
import io.ballast.model.validate.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads spec files for the headless commands and reports what is wrong with them in operator's words. */
final class SpecFiles {

    private SpecFiles() {
    }

    /** The spec in the file, or empty after printing why it could not be read. */
    static Optional<ClusterSpec> read(Path file, PrintWriter err) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println(file + ": no such file");
            return Optional.empty();
        } catch (IOException e) {
            err.println(file + ": cannot be read (" + e.getMessage() + ")");
            return Optional.empty();
        }
        try {
            return Optional.of(SpecCodec.read(text));
        } catch (SpecFormatException e) {
            for (Problem problem : e.problems()) {
                err.println(file + ": " + problem);
            }
            return Optional.empty();
        }
    }
}
