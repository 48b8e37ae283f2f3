package io.ballast.model.keepalived;

import io.ballast.model.keepalived.ImportIssue.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The state one import shares between its parts: the options and the issues found so far. */
final class ImportContext {

    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{?[A-Za-z_]");

    private final ImportOptions options;
    private final List<ImportIssue> issues = new ArrayList<>();

    ImportContext(ImportOptions options) {
        this.options = options;
    }

    ImportReport report() {
        return new ImportReport(issues);
    }

    void issue(ConfNode node, String keyword, Kind kind, String reason) {
        ConfSource source = node.source();
        issues.add(new ImportIssue(source == null ? "?" : source.file(), source == null ? 0 : source.line(),
                keyword, kind, reason));
    }

    void issue(ConfStatement statement, Kind kind, String reason) {
        issue(statement, statement.keyword(), kind, reason);
    }

    /** "line 12", or "line 12 of conf.d/web.conf" when {@code node} is in another file than {@code from}. */
    static String where(ConfNode node, ConfNode from) {
        ConfSource source = node.source();
        if (source == null) {
            return "another line";
        }
        boolean sameFile = from != null && from.source() != null && from.source().file().equals(source.file());
        return "line " + source.line() + (sameFile ? "" : " of " + source.file());
    }

    void notMapped(ConfStatement statement, String reason) {
        issue(statement, Kind.NOT_MAPPED, reason);
    }

    /**
     * The statements keepalived would read here: includes expanded in place, lines for another
     * config id skipped; definitions, substitutions, sequences and (without a config id) conditional
     * lines are reported and left out.
     */
    List<ConfStatement> visible(List<ConfNode> nodes) {
        List<ConfStatement> out = new ArrayList<>();
        for (ConfNode node : nodes) {
            if (node instanceof ConfDefinition definition) {
                issue(definition, "$" + definition.name(), Kind.UNSUPPORTED, "parameter definitions are not substituted"
                        + " by Ballast; every line that uses $" + definition.name() + " is reported and left out");
            } else if (node instanceof ConfInclude include) {
                if (include.documents().isEmpty()) {
                    issue(include, include.keyword(), Kind.NOT_MAPPED, "'" + include.pattern() + "' matched no file");
                }
                for (ConfDocument document : include.documents()) {
                    out.addAll(visible(document.nodes()));
                }
            } else if (node instanceof ConfStatement statement && readable(statement)) {
                out.add(statement);
            }
        }
        return out;
    }

    private boolean readable(ConfStatement statement) {
        if (statement.condition() != null) {
            if (options.configId() == null) {
                issue(statement, Kind.UNSUPPORTED, "the line is conditional (@" + statement.condition()
                        + "); import again with the config id of the machine this file is for");
                return false;
            }
            boolean negated = statement.condition().startsWith("^");
            String id = negated ? statement.condition().substring(1) : statement.condition();
            if (id.equals(options.configId()) == negated) {
                return false;
            }
        }
        if (statement.keyword().startsWith("~")) {
            issue(statement, Kind.UNSUPPORTED, "sequence and list blocks (~SEQ, ~LST) are not expanded by Ballast");
            return false;
        }
        if (SUBSTITUTION.matcher(statement.text()).find()) {
            issue(statement, Kind.UNSUPPORTED, "the line uses parameter substitution ($…), which Ballast does not perform");
            return false;
        }
        if (statement.keyword().equals("include") || KeepalivedLexer.INCLUDE_KEYWORDS.contains(statement.keyword())) {
            issue(statement, Kind.UNSUPPORTED, "a conditional include is not followed (keepalived does not follow it either)");
            return false;
        }
        return true;
    }

    /** The integer argument at {@code index} within [min, max], or null after reporting the line. */
    Integer integer(ConfStatement statement, int index, long min, long max) {
        String text = statement.arg(index);
        if (text == null) {
            issue(statement, Kind.INVALID, "needs a number");
            return null;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return (int) value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        issue(statement, Kind.INVALID, "'" + text + "' is not a whole number between " + min + " and " + max);
        return null;
    }

    /** A keepalived TIMER (seconds, fractions allowed) in milliseconds, or null after reporting the line. */
    Integer millis(ConfStatement statement, int index) {
        String text = statement.arg(index);
        try {
            BigDecimal seconds = new BigDecimal(text);
            if (seconds.signum() >= 0 && seconds.compareTo(BigDecimal.valueOf(2_000_000)) < 0) {
                return seconds.movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP).intValueExact();
            }
        } catch (RuntimeException e) {
            // reported below
        }
        issue(statement, Kind.INVALID, "'" + text + "' is not a time in seconds (such as 3 or 0.5)");
        return null;
    }

    /** keepalived's BOOL: absent, on|off|true|false|yes|no; null after reporting a bad word. */
    Boolean bool(ConfStatement statement, int index) {
        String text = statement.arg(index);
        if (text == null) {
            return true;
        }
        switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "on", "true", "yes" -> {
                return true;
            }
            case "off", "false", "no" -> {
                return false;
            }
            default -> {
                issue(statement, Kind.INVALID, "'" + text + "' is not one of on, off, true, false, yes, no");
                return null;
            }
        }
    }
}
