package io.ballast.model.keepalived;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Path arithmetic and glob matching for include patterns, on plain strings ('/'-separated). */
public final class IncludePaths {

    private IncludePaths() {
    }

    /** The pattern made absolute (or relative to the same root) against the including file's directory. */
    public static String resolveAgainst(String includingFile, String pattern) {
        if (pattern.startsWith("/")) {
            return normalise(pattern);
        }
        int slash = includingFile.lastIndexOf('/');
        String dir = slash < 0 ? "" : includingFile.substring(0, slash + 1);
        return normalise(dir + pattern);
    }

    /** True when {@code path} matches the (already resolved) glob {@code pattern}. */
    public static boolean matches(String pattern, String path) {
        for (String alternative : expandBraces(pattern)) {
            if (toRegex(alternative).matcher(path).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Csh-style brace expansion: "a{b,c}d" gives "abd" and "acd"; nested braces expand too. */
    static List<String> expandBraces(String pattern) {
        int open = pattern.indexOf('{');
        if (open < 0) {
            return List.of(pattern);
        }
        int depth = 0;
        int close = -1;
        List<Integer> commas = new ArrayList<>();
        for (int i = open; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    close = i;
                    break;
                }
            } else if (c == ',' && depth == 1) {
                commas.add(i);
            }
        }
        if (close < 0) {
            return List.of(pattern);
        }
        List<String> result = new ArrayList<>();
        String head = pattern.substring(0, open);
        String tail = pattern.substring(close + 1);
        int start = open + 1;
        commas.add(close);
        for (int comma : commas) {
            for (String expanded : expandBraces(head + pattern.substring(start, comma) + tail)) {
                result.add(expanded);
            }
            start = comma + 1;
        }
        return result;
    }

    private static Pattern toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        regex.append("\\[");
                    } else {
                        String set = glob.substring(i + 1, close);
                        if (set.startsWith("!")) {
                            set = "^" + set.substring(1);
                        }
                        regex.append('[').append(set.replace("\\", "\\\\")).append(']');
                        i = close;
                    }
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static String normalise(String path) {
        boolean absolute = path.startsWith("/");
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") && !parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return (absolute ? "/" : "") + String.join("/", parts);
    }
}
