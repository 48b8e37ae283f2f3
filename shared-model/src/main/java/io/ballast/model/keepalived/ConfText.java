package io.ballast.model.keepalived;

import java.util.Objects;

/** A configuration file's name and text, as an {@link IncludeResolver} hands it over. */
public record ConfText(String name, String text) {

    public ConfText {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }
}
