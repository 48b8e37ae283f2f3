package io.ballast.agent.testsupport;

import io.ballast.tls.PinnedTls;
import java.net.http.HttpClient;
import java.time.Duration;

/** An HttpClient that trusts exactly one certificate, by its SHA-256 fingerprint — as the desktop client does. */
public final class PinnedHttps {

    private PinnedHttps() {
    }

    public static HttpClient client(String fingerprint) {
        return PinnedTls.httpClient(fingerprint, Duration.ofSeconds(5));
    }
}
