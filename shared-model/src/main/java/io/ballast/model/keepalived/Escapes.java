package io.ballast.model.keepalived;

/** The escapes keepalived accepts in quoted strings (shell-like), both ways. */
final class Escapes {

    private Escapes() {
    }

    /** Decodes the escape whose backslash is at {@code at}; appends the character; returns the next index. */
    static int decode(String raw, int at, StringBuilder out) {
        char c = raw.charAt(at + 1);
        int next = at + 2;
        switch (c) {
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'E' -> out.append('\u001b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'v' -> out.append('\u000b');
            case 'c' -> {
                if (next < raw.length()) {
                    out.append((char) (Character.toUpperCase(raw.charAt(next)) ^ 0x40));
                    next++;
                } else {
                    out.append('c');
                }
            }
            case 'x' -> {
                int end = next;
                int value = 0;
                while (end < raw.length() && Character.digit(raw.charAt(end), 16) >= 0) {
                    // keepalived takes any number of hex digits and keeps the low byte
                    value = (value * 16 + Character.digit(raw.charAt(end), 16)) & 0xff;
                    end++;
                }
                if (end == next) {
                    out.append('x');
                } else {
                    out.append((char) value);
                    next = end;
                }
            }
            default -> {
                if (c >= '0' && c <= '7') {
                    int end = at + 1;
                    while (end < raw.length() && end < at + 4 && raw.charAt(end) >= '0' && raw.charAt(end) <= '7') {
                        end++;
                    }
                    out.append((char) (Integer.parseInt(raw.substring(at + 1, end), 8) & 0xff));
                    next = end;
                } else {
                    out.append(c);
                }
            }
        }
        return next;
    }

    /** The text inside double quotes that {@link #decode} reads back as {@code value}. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\%03o", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
