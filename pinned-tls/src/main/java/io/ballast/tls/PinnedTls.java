package io.ballast.tls;

import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/** TLS contexts and HTTP clients that trust one pinned certificate and nothing else. */
public final class PinnedTls {

    private PinnedTls() {
    }

    public static SSLContext context(PinnedTrust trust) {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {trust}, new SecureRandom());
            return tls;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM offers no TLS context", e);
        }
    }

    /** An HTTP client for one agent whose certificate has the given fingerprint (hex, with or without colons). */
    public static HttpClient httpClient(String fingerprint, Duration connectTimeout) {
        return HttpClient.newBuilder()
                .sslContext(context(new PinnedTrust(fingerprint, "the agent")))
                .connectTimeout(connectTimeout)
                .build();
    }
}
