package io.ballast.model.keepalived;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Syntax tree to keepalived.conf text: one statement per line, blocks indented by four spaces,
 * words quoted only when keepalived would otherwise split or strip them. Includes are written as
 * their include line; {@link #writeIncluded} gives the text of every included file.
 */
public final class KeepalivedWriter {

    private static final String INDENT = "    ";

    private KeepalivedWriter() {
    }

    public static String write(ConfDocument document) {
        return write(document.nodes(), List.of());
    }

    /** Writes {@code nodes}, preceded by {@code headerComments} as {@code #} lines. */
    public static String write(List<ConfNode> nodes, List<String> headerComments) {
        StringBuilder out = new StringBuilder();
        for (String comment : headerComments) {
            out.append(comment.isEmpty() ? "#" : "# " + comment.replace('\n', ' ')).append('\n');
        }
        for (ConfNode node : nodes) {
            write(node, 0, out);
        }
        return out.toString();
    }

    /** Every document reachable through includes (not the root), by name, in reading order. */
    public static Map<String, String> writeIncluded(ConfDocument root) {
        Map<String, String> files = new LinkedHashMap<>();
        collect(root.nodes(), files);
        return files;
    }

    private static void collect(List<ConfNode> nodes, Map<String, String> files) {
        for (ConfNode node : nodes) {
            if (node instanceof ConfInclude include) {
                for (ConfDocument document : include.documents()) {
                    files.put(document.name(), write(document));
                    collect(document.nodes(), files);
                }
            } else if (node instanceof ConfStatement statement) {
                collect(statement.children(), files);
            }
        }
    }

    private static void write(ConfNode node, int depth, StringBuilder out) {
        String indent = INDENT.repeat(depth);
        if (node instanceof ConfDefinition definition) {
            // A definition must start its line (only whitespace may precede '$'): keep the indent, it is allowed.
            out.append(indent).append('$').append(definition.name()).append('=');
            List<String> lines = definition.lines();
            for (int i = 0; i < lines.size(); i++) {
                out.append(lines.get(i)).append(i < lines.size() - 1 ? "\\\n" : "\n");
            }
        } else if (node instanceof ConfInclude include) {
            out.append(indent).append(include.keyword()).append(' ').append(quote(include.pattern(), false)).append('\n');
        } else if (node instanceof ConfStatement statement) {
            out.append(indent);
            if (statement.condition() != null) {
                out.append('@').append(statement.condition()).append(' ');
            }
            out.append(quote(statement.keyword(), statement.condition() == null));
            for (String arg : statement.args()) {
                out.append(' ').append(quote(arg, false));
            }
            if (statement.block()) {
                out.append(" {\n");
                for (ConfNode child : statement.children()) {
                    write(child, depth + 1, out);
                }
                out.append(indent).append("}\n");
            } else {
                out.append('\n');
            }
        }
    }

    /** The word as keepalived must read it back; {@code lineStart} words must not look like '@id', '$X=' or include. */
    static String quote(String word, boolean lineStart) {
        boolean needs = word.isEmpty();
        for (int i = 0; i < word.length() && !needs; i++) {
            char c = word.charAt(i);
            needs = Character.isWhitespace(c) || c == '{' || c == '}' || c == '#' || c == '!' || c == '"'
                    || c == '\'' || c == '\\' || c < 0x20 || c == 0x7f;
        }
        if (lineStart && !needs) {
            needs = word.startsWith("@") || (word.startsWith("$") && word.contains("="))
                    || KeepalivedLexer.INCLUDE_KEYWORDS.contains(word);
        }
        return needs ? "\"" + Escapes.encode(word) + "\"" : word;
    }
}
