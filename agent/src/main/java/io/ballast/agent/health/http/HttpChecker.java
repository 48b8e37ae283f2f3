package io.ballast.agent.health.http;

import io.ballast.agent.health.Checker;
import io.ballast.agent.health.Probe;
import io.ballast.agent.health.ProbeTarget;
import io.ballast.model.Addresses;
import io.ballast.model.CheckType;
import io.ballast.model.HealthCheck;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * HTTP and HTTPS GET checks through the shared {@link HttpProbeClient}: the status must be one of
 * the expected ones (200 when none are listed) and, when a regex is given, the body must contain a
 * match. One instance per scheme; both share the client.
 */
public final class HttpChecker implements Checker {

    private final CheckType type;
    private final HttpProbeClient client;
    private boolean closed;

    private HttpChecker(CheckType type, HttpProbeClient client) {
        this.type = type;
        this.client = client.retain();
    }

    /** The http and https checkers, sharing one client; it closes when both are closed. */
    public static List<Checker> pair() {
        HttpProbeClient client = new HttpProbeClient();
        return List.of(new HttpChecker(CheckType.HTTP, client), new HttpChecker(CheckType.HTTPS, client));
    }

    @Override
    public CheckType type() {
        return type;
    }

    @Override
    public Probe prepare(ProbeTarget target) {
        HealthCheck check = target.check();
        URI uri = uri(target, check.path());
        Pattern body = null;
        if (check.bodyRegex() != null) {
            try {
                body = Pattern.compile(check.bodyRegex());
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("the health check's bodyRegex /" + check.bodyRegex()
                        + "/ is not a valid regular expression: " + e.getDescription());
            }
        }
        List<Integer> expected = check.expectStatus().isEmpty() ? List.of(200) : check.expectStatus();
        return new HttpProbe(client, uri, blankToNull(check.host()), expected, body);
    }

    private URI uri(ProbeTarget target, String path) {
        String scheme = type == CheckType.HTTPS ? "https" : "http";
        String fullPath = path == null || path.isBlank() ? "/" : path.startsWith("/") ? path : "/" + path;
        String text = scheme + "://" + Addresses.endpoint(target.addressText(), target.port()) + fullPath;
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the health check's path '" + path
                    + "' is not a valid URL path (" + e.getReason() + ")");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            client.close();
        }
    }
}
