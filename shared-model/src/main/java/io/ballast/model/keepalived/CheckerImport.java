package io.ballast.model.keepalived;

import io.ballast.model.CheckType;
import io.ballast.model.FailAction;
import io.ballast.model.HealthCheck;
import io.ballast.model.keepalived.ImportIssue.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One keepalived checker block (TCP_CHECK, HTTP_GET, SSL_GET, MISC_CHECK) to a Ballast health check. */
final class CheckerImport {

    static final Set<String> SUPPORTED = Set.of("TCP_CHECK", "HTTP_GET", "SSL_GET", "MISC_CHECK");
    static final Set<String> UNSUPPORTED = Set.of("SMTP_CHECK", "DNS_CHECK", "BFD_CHECK", "UDP_CHECK", "PING_CHECK",
            "FILE_CHECK");

    private final ImportContext context;

    CheckerImport(ImportContext context) {
        this.context = context;
    }

    /** The health check the block describes, with {@code inherited} as defaults; null if it cannot be used. */
    HealthCheck read(ConfStatement checker, CheckerSettings inherited) {
        CheckerSettings settings = inherited.copy();
        boolean misc = checker.keyword().equals("MISC_CHECK");
        boolean http = checker.keyword().equals("HTTP_GET") || checker.keyword().equals("SSL_GET");
        Integer port = null;
        Integer miscTimeoutMs = null;
        List<String> command = List.of();
        UrlCheck url = null;
        for (ConfStatement s : context.visible(checker.children())) {
            if (settings.take(s, context)) {
                continue;
            }
            switch (s.keyword()) {
                case "connect_port" -> port = context.integer(s, 0, 1, 65535);
                case "connect_ip" -> context.notMapped(s, "Ballast checks the real server's own address; the check"
                        + " will go to the real server instead");
                case "bindto", "bind_if", "bind_port", "fwmark" -> context.notMapped(s,
                        "Ballast chooses the source of its checks itself; the option is dropped");
                case "url" -> {
                    if (!http) {
                        unknown(s, checker);
                    } else if (url == null) {
                        url = readUrl(s);
                    } else {
                        context.issue(s, Kind.APPROXIMATED, "Ballast checks one URL per service; only the first url block"
                                + " (" + ImportContext.where(url.block, s) + ") is kept");
                    }
                }
                case "http_protocol", "fast_recovery", "enable_sni" -> context.notMapped(s, http
                        ? "Ballast's HTTP check speaks HTTP/1.1 with SNI and recovers after 'rise' successes; dropped"
                        : "not an option of " + checker.keyword());
                case "misc_path" -> command = misc ? splitCommand(s) : unknownAndEmpty(s, checker);
                case "misc_timeout" -> {
                    if (misc) {
                        Integer seconds = context.integer(s, 0, 1, 86_400);
                        miscTimeoutMs = seconds == null ? null : seconds * 1000;
                    } else {
                        unknown(s, checker);
                    }
                }
                case "misc_dynamic" -> context.issue(s, Kind.UNSUPPORTED,
                        "Ballast does not set weights from a script's exit code; the script only decides healthy or not");
                case "user" -> context.notMapped(s, "the agent runs check scripts as its own unprivileged user");
                default -> unknown(s, checker);
            }
        }
        if (misc && command.isEmpty()) {
            context.issue(checker, Kind.INVALID, "MISC_CHECK without misc_path checks nothing; the checker is dropped");
            return null;
        }
        int interval = settings.delayLoopMs != null ? settings.delayLoopMs : CheckerSettings.DEFAULT_DELAY_LOOP_MS;
        int timeout;
        if (misc) {
            // keepalived lets a check script run for up to delay_loop unless misc_timeout says otherwise.
            timeout = miscTimeoutMs != null ? miscTimeoutMs : interval;
        } else {
            timeout = settings.connectTimeoutMs != null ? settings.connectTimeoutMs : CheckerSettings.DEFAULT_CONNECT_TIMEOUT_MS;
        }
        int retry = settings.retry != null ? settings.retry : (misc ? 0 : 1);
        CheckType type = switch (checker.keyword()) {
            case "HTTP_GET" -> CheckType.HTTP;
            case "SSL_GET" -> CheckType.HTTPS;
            case "MISC_CHECK" -> CheckType.SCRIPT;
            default -> CheckType.TCP;
        };
        String path = null;
        String host = null;
        List<Integer> status = List.of();
        String regex = null;
        if (http) {
            if (url == null) {
                context.issue(checker, Kind.APPROXIMATED, "no url block: Ballast will request '/'");
                url = new UrlCheck(checker, "/", null, StatusCodes.expand("200-299"), null);
            }
            path = url.path;
            host = url.virtualhost != null ? url.virtualhost : settings.virtualhost;
            status = url.status;
            regex = url.regex;
        }
        // keepalived retries 'retry' times after a failure, so a server is down after retry + 1 failures;
        // a single success brings it back.
        return new HealthCheck(type, interval, timeout, 1, retry + 1, port, path, host, status, regex, command,
                Boolean.TRUE.equals(settings.inhibitOnFailure) ? FailAction.QUIESCE : FailAction.REMOVE);
    }

    private record UrlCheck(ConfStatement block, String path, String virtualhost, List<Integer> status, String regex) {
    }

    private UrlCheck readUrl(ConfStatement url) {
        String path = "/";
        String virtualhost = null;
        List<Integer> status = null;
        String regex = null;
        for (ConfStatement s : context.visible(url.children())) {
            switch (s.keyword()) {
                case "path" -> path = s.arg(0) == null ? "/" : s.arg(0);
                case "virtualhost" -> virtualhost = s.arg(0);
                case "status_code" -> {
                    try {
                        status = StatusCodes.parse(s.args());
                    } catch (IllegalArgumentException e) {
                        context.issue(s, Kind.INVALID, e.getMessage());
                    }
                }
                case "digest" -> context.issue(s, Kind.APPROXIMATED, "the page digest is ignored: Ballast checks the"
                        + " status code (and a body regex if you add one) instead");
                case "regex" -> regex = s.arg(0);
                case "regex_no_match" -> context.issue(s, Kind.UNSUPPORTED,
                        "Ballast cannot fail a check on a match; the regex is used as a required match instead");
                case "regex_options", "regex_stack", "regex_min_offset", "regex_max_offset" -> context.notMapped(s,
                        "Ballast matches the regex (Java syntax) anywhere in the body; the option is dropped");
                default -> context.notMapped(s, "unknown keyword in url; dropped");
            }
        }
        return new UrlCheck(url, path, virtualhost,
                status != null ? status : StatusCodes.expand("200-299"), regex);
    }

    /** misc_path "/path/script arg 'arg with space'": keepalived splits on spaces, single quotes group. */
    private List<String> splitCommand(ConfStatement s) {
        String line = String.join(" ", s.args());
        List<String> argv = new ArrayList<>();
        StringBuilder word = null;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (word != null) {
                    argv.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            argv.add(word.toString());
        }
        if (quoted) {
            context.issue(s, Kind.INVALID, "a single quote in the command is never closed");
            return List.of();
        }
        return argv;
    }

    private List<String> unknownAndEmpty(ConfStatement s, ConfStatement checker) {
        unknown(s, checker);
        return List.of();
    }

    private void unknown(ConfStatement s, ConfStatement checker) {
        context.notMapped(s, "not an option Ballast knows in " + checker.keyword() + "; dropped");
    }
}
