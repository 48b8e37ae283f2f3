package io.ballast.model.keepalived;

import java.util.List;
import java.util.Objects;

/**
 * One parsed file: its name and its top-level nodes. Included files are documents too, reachable
 * through the {@link ConfInclude} nodes that pulled them in.
 */
public record ConfDocument(String name, List<ConfNode> nodes) {

    public ConfDocument {
        Objects.requireNonNull(name, "name");
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }
}
