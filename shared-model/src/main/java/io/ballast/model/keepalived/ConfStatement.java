package io.ballast.model.keepalived;

import java.util.List;
import java.util.Objects;

/**
 * A keyword with its arguments, optionally opening a block: {@code priority 150} or
 * {@code vrrp_instance VI_1 { … }}.
 *
 * @param condition the word after a leading {@code @} ("main", or "^main" for {@code @^main}); null if none
 * @param keyword   the first word
 * @param args      the following words, quotes removed and escapes resolved
 * @param block     true when the statement opens a {@code { … }} block (possibly empty)
 * @param children  the block's nodes; empty when there is no block
 * @param source    file and line of the keyword
 */
public record ConfStatement(String condition, String keyword, List<String> args, boolean block,
                            List<ConfNode> children, ConfSource source) implements ConfNode {

    public ConfStatement {
        Objects.requireNonNull(keyword, "keyword");
        args = args == null ? List.of() : List.copyOf(args);
        children = children == null ? List.of() : List.copyOf(children);
        if (!children.isEmpty() && !block) {
            throw new IllegalArgumentException("a statement without a block cannot have children");
        }
    }

    /** A statement without a block. */
    public static ConfStatement of(String keyword, String... args) {
        return new ConfStatement(null, keyword, List.of(args), false, List.of(), null);
    }

    /** A statement that opens a block. */
    public static ConfStatement block(String keyword, List<String> args, List<ConfNode> children) {
        return new ConfStatement(null, keyword, args, true, children, null);
    }

    /** The argument at {@code index}, or null when there are fewer. */
    public String arg(int index) {
        return index < args.size() ? args.get(index) : null;
    }

    /** Keyword and arguments as written on one line, for messages. */
    public String text() {
        return args.isEmpty() ? keyword : keyword + " " + String.join(" ", args);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConfStatement s && block == s.block && keyword.equals(s.keyword)
                && Objects.equals(condition, s.condition) && args.equals(s.args) && children.equals(s.children);
    }

    @Override
    public int hashCode() {
        return Objects.hash(condition, keyword, args, block, children);
    }
}
