package io.ballast.model.keepalived;

import io.ballast.model.keepalived.KeepalivedLexer.Kind;
import io.ballast.model.keepalived.KeepalivedLexer.Line;
import io.ballast.model.keepalived.KeepalivedLexer.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * keepalived.conf text to a syntax tree. Either the whole tree comes back or a
 * {@link KeepalivedSyntaxException} naming the file and line; nothing half-parsed.
 *
 * <p>Layout is free as in keepalived: a block's {@code {} may stand on the keyword's line or on the
 * next one, and {@code }} may share a line with other words. Each included file must be a whole
 * number of blocks (keepalived tolerates a block that opens in one file and closes in another;
 * Ballast refuses it, because such a file cannot be read or written on its own).
 */
public final class KeepalivedParser {

    private static final int MAX_INCLUDE_DEPTH = 16;

    private final IncludeResolver resolver;

    public KeepalivedParser(IncludeResolver resolver) {
        this.resolver = resolver;
    }

    /** Parses a document without includes; an include line is an error naming its line. */
    public static ConfDocument parse(String name, String text) throws KeepalivedSyntaxException {
        return new KeepalivedParser(IncludeResolver.NONE).parseDocument(name, text);
    }

    /** Parses {@code text}, known as {@code name}, following includes through the resolver. */
    public ConfDocument parseDocument(String name, String text) throws KeepalivedSyntaxException {
        return parse(name, text, new ArrayDeque<>());
    }

    private ConfDocument parse(String name, String text, Deque<String> includeChain) throws KeepalivedSyntaxException {
        includeChain.push(name);
        try {
            return new ConfDocument(name, new DocumentBuilder(name, includeChain).build(new KeepalivedLexer(name).lex(text)));
        } finally {
            includeChain.pop();
        }
    }

    /** A block being filled: its statement's head and the nodes collected so far. */
    private record OpenBlock(String condition, String keyword, List<String> args, ConfSource source, List<ConfNode> nodes) {
    }

    private final class DocumentBuilder {
        private final String file;
        private final Deque<String> includeChain;
        private final Deque<OpenBlock> open = new ArrayDeque<>();
        private final List<ConfNode> top = new ArrayList<>();

        DocumentBuilder(String file, Deque<String> includeChain) {
            this.file = file;
            this.includeChain = includeChain;
        }

        List<ConfNode> build(List<Line> lines) throws KeepalivedSyntaxException {
            for (Line line : lines) {
                if (line.definition() != null) {
                    current().add(line.definition());
                } else if (line.includeKeyword() != null) {
                    current().add(include(line));
                } else {
                    statements(line);
                }
            }
            if (!open.isEmpty()) {
                OpenBlock unclosed = open.peekLast();
                OpenBlock innermost = open.peek();
                throw new KeepalivedSyntaxException(file, innermost.source().line(), "the block '" + head(innermost)
                        + "' opened here is never closed (missing '}')"
                        + (unclosed != innermost ? " inside '" + head(unclosed) + "'" : ""));
            }
            return top;
        }

        private void statements(Line line) throws KeepalivedSyntaxException {
            List<Token> tokens = line.tokens();
            String condition = null;
            int i = 0;
            Token first = tokens.get(0);
            if (first.kind() == Kind.WORD && !first.quoted() && first.text().startsWith("@")) {
                condition = first.text().substring(1);
                if (condition.isEmpty() || condition.equals("^")) {
                    throw new KeepalivedSyntaxException(file, line.number(), "'@' must be followed by a config id, as in '@main'");
                }
                i = 1;
                if (tokens.size() == 1) {
                    throw new KeepalivedSyntaxException(file, line.number(), "'@" + condition + "' is not followed by anything");
                }
            }
            List<String> words = new ArrayList<>();
            ConfSource source = new ConfSource(file, line.number());
            for (; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                if (token.kind() == Kind.WORD) {
                    words.add(token.text());
                } else if (token.kind() == Kind.OPEN) {
                    if (words.isEmpty()) {
                        openAfterPreviousStatement(line.number(), condition);
                    } else {
                        open.push(new OpenBlock(condition, words.get(0), List.copyOf(words.subList(1, words.size())),
                                source, new ArrayList<>()));
                        words.clear();
                    }
                    condition = null;
                } else {
                    flush(words, condition, source);
                    condition = null;
                    close(line.number());
                }
            }
            flush(words, condition, source);
        }

        private void flush(List<String> words, String condition, ConfSource source) {
            if (!words.isEmpty()) {
                current().add(new ConfStatement(condition, words.get(0), List.copyOf(words.subList(1, words.size())),
                        false, List.of(), source));
                words.clear();
            }
        }

        // keepalived accepts "keyword" on one line and "{" alone on the next.
        private void openAfterPreviousStatement(int number, String condition) throws KeepalivedSyntaxException {
            List<ConfNode> nodes = current();
            ConfNode previous = nodes.isEmpty() ? null : nodes.get(nodes.size() - 1);
            if (condition != null || !(previous instanceof ConfStatement statement) || statement.block()) {
                throw new KeepalivedSyntaxException(file, number, "'{' does not follow a keyword that could open a block");
            }
            nodes.remove(nodes.size() - 1);
            open.push(new OpenBlock(statement.condition(), statement.keyword(), statement.args(), statement.source(),
                    new ArrayList<>()));
        }

        private void close(int number) throws KeepalivedSyntaxException {
            if (open.isEmpty()) {
                throw new KeepalivedSyntaxException(file, number, "'}' without an opening '{'");
            }
            OpenBlock block = open.pop();
            current().add(new ConfStatement(block.condition(), block.keyword(), block.args(), true, block.nodes(),
                    block.source()));
        }

        private List<ConfNode> current() {
            return open.isEmpty() ? top : open.peek().nodes();
        }

        private ConfInclude include(Line line) throws KeepalivedSyntaxException {
            String pattern = line.includePattern();
            if (includeChain.size() >= MAX_INCLUDE_DEPTH) {
                throw new KeepalivedSyntaxException(file, line.number(), "includes are nested more than "
                        + MAX_INCLUDE_DEPTH + " deep (" + String.join(" → ", reversedChain()) + ")");
            }
            List<ConfText> texts;
            try {
                texts = resolver.resolve(file, pattern);
            } catch (RuntimeException e) {
                throw new KeepalivedSyntaxException(file, line.number(), "include '" + pattern + "' could not be read: "
                        + e.getMessage());
            }
            List<ConfDocument> documents = new ArrayList<>();
            for (ConfText text : texts) {
                if (includeChain.contains(text.name())) {
                    List<String> chain = reversedChain();
                    chain.add(text.name());
                    throw new KeepalivedSyntaxException(file, line.number(), "include '" + pattern
                            + "' leads back to a file that is already being read (" + String.join(" → ", chain) + ")");
                }
                documents.add(parse(text.name(), text.text(), includeChain));
            }
            return new ConfInclude(line.includeKeyword(), pattern, documents, new ConfSource(file, line.number()));
        }

        private List<String> reversedChain() {
            List<String> chain = new ArrayList<>(includeChain);
            java.util.Collections.reverse(chain);
            return chain;
        }

        private String head(OpenBlock block) {
            return block.args().isEmpty() ? block.keyword() : block.keyword() + " " + String.join(" ", block.args());
        }
    }
}
