package io.ballast.model.keepalived;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits keepalived.conf text into lines of tokens the way keepalived reads it: {@code #} and
 * {@code !} start a comment anywhere outside quotes, quoted parts ({@code "…"} or {@code '…'}, with
 * shell-like escapes) join the word around them, braces are tokens of their own. Definitions
 * ({@code $NAME=value}, continued by a trailing backslash) and include lines are recognised whole,
 * before braces mean anything, because keepalived handles them before tokenising too.
 */
final class KeepalivedLexer {

    static final Set<String> INCLUDE_KEYWORDS = Set.of("include", "includer", "includem", "includew", "includeb", "includea");

    private static final Pattern DEFINITION = Pattern.compile("^\\s*\\$([A-Za-z_][A-Za-z0-9_]*)=(.*)$");
    private static final Pattern INCLUDE = Pattern.compile("^\\s*(include[rmwba]?)(\\s+(.*))?$");

    enum Kind { WORD, OPEN, CLOSE }

    record Token(Kind kind, String text, boolean quoted) {
    }

    /** One logical line: tokens, or a definition, or an include. */
    record Line(int number, List<Token> tokens, ConfDefinition definition, String includeKeyword, String includePattern) {
    }

    private final String file;

    KeepalivedLexer(String file) {
        this.file = file;
    }

    List<Line> lex(String text) throws KeepalivedSyntaxException {
        String[] physical = text.split("\r?\n", -1);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < physical.length; i++) {
            int number = i + 1;
            String raw = physical[i];
            Matcher definition = DEFINITION.matcher(raw);
            if (definition.matches()) {
                List<String> value = new ArrayList<>();
                String rest = definition.group(2);
                while (rest.endsWith("\\")) {
                    value.add(rest.substring(0, rest.length() - 1));
                    if (++i >= physical.length) {
                        throw new KeepalivedSyntaxException(file, number,
                                "definition of $" + definition.group(1) + " ends with '\\' but the file ends");
                    }
                    rest = physical[i];
                }
                value.add(rest);
                lines.add(new Line(number, List.of(),
                        new ConfDefinition(definition.group(1), value, new ConfSource(file, number)), null, null));
                continue;
            }
            Matcher include = INCLUDE.matcher(raw);
            if (include.matches()) {
                List<Token> words = tokens(include.group(3) == null ? "" : include.group(3), number, false);
                if (words.size() != 1 || words.get(0).kind() != Kind.WORD) {
                    throw new KeepalivedSyntaxException(file, number,
                            "'" + include.group(1) + "' needs exactly one file name or pattern");
                }
                lines.add(new Line(number, List.of(), null, include.group(1), words.get(0).text()));
                continue;
            }
            List<Token> tokens = tokens(raw, number, true);
            if (!tokens.isEmpty()) {
                lines.add(new Line(number, tokens, null, null, null));
            }
        }
        return lines;
    }

    private List<Token> tokens(String raw, int number, boolean bracesAreTokens) throws KeepalivedSyntaxException {
        List<Token> tokens = new ArrayList<>();
        StringBuilder word = null;
        boolean quoted = false;
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '"' || c == '\'') {
                if (word == null) {
                    word = new StringBuilder();
                }
                quoted = true;
                i = readQuoted(raw, i, word, number);
                continue;
            }
            boolean brace = bracesAreTokens && (c == '{' || c == '}');
            if (Character.isWhitespace(c) || c == '#' || c == '!' || brace) {
                if (word != null) {
                    tokens.add(new Token(Kind.WORD, word.toString(), quoted));
                    word = null;
                    quoted = false;
                }
                if (c == '#' || c == '!') {
                    break;
                }
                if (brace) {
                    tokens.add(new Token(c == '{' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), false));
                }
                i++;
                continue;
            }
            if (word == null) {
                word = new StringBuilder();
            }
            word.append(c);
            i++;
        }
        if (word != null) {
            tokens.add(new Token(Kind.WORD, word.toString(), quoted));
        }
        return tokens;
    }

    /** Appends the quoted part starting at {@code start} (the quote) to {@code word}; returns the index after it. */
    private int readQuoted(String raw, int start, StringBuilder word, int number) throws KeepalivedSyntaxException {
        char quote = raw.charAt(start);
        int i = start + 1;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == quote) {
                return i + 1;
            }
            if (c == '\\' && i + 1 < raw.length()) {
                i = Escapes.decode(raw, i, word);
                continue;
            }
            word.append(c);
            i++;
        }
        throw new KeepalivedSyntaxException(file, number, "unterminated quoted string (the " + quote
                + " opened in column " + (start + 1) + " is never closed on this line)");
    }
}
