package io.ballast.model.keepalived;

import java.util.List;
import java.util.Objects;

/**
 * A parameter definition {@code $NAME=value}. keepalived substitutes {@code $NAME} and
 * {@code ${NAME}} afterwards; Ballast keeps the definition in the tree (so the writer can give it
 * back) but does not substitute, and the importer reports every use.
 *
 * @param name   the parameter name, without the {@code $}
 * @param lines  the value, one entry per physical line of a multi-line definition (continuation
 *               backslashes removed); a single entry for the usual one-line definition
 * @param source file and line of the {@code $}
 */
public record ConfDefinition(String name, List<String> lines, ConfSource source) implements ConfNode {

    public ConfDefinition {
        Objects.requireNonNull(name, "name");
        lines = lines == null || lines.isEmpty() ? List.of("") : List.copyOf(lines);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConfDefinition d && name.equals(d.name) && lines.equals(d.lines);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, lines);
    }
}
