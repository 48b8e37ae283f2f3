package io.ballast.model.keepalived;

import java.util.List;
import java.util.Objects;

/**
 * An {@code include PATTERN} line (or one of its variants {@code includer}, {@code includem},
 * {@code includew}, {@code includeb}, {@code includea}) together with the documents it pulled in,
 * in the order keepalived reads them.
 *
 * @param keyword   "include" or the variant used
 * @param pattern   the file name or glob, as written
 * @param documents the parsed documents the pattern matched; empty when it matched nothing
 * @param source    file and line of the include
 */
public record ConfInclude(String keyword, String pattern, List<ConfDocument> documents, ConfSource source)
        implements ConfNode {

    public ConfInclude {
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(pattern, "pattern");
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConfInclude i && keyword.equals(i.keyword) && pattern.equals(i.pattern)
                && documents.equals(i.documents);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyword, pattern, documents);
    }
}
