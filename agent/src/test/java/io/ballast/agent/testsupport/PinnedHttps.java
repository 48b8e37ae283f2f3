package io.ballast.agent.testsupport;

import io.ballast.agent.security.TlsIdentity;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** An HttpClient that trusts exactly one certificate, by its SHA-256 fingerprint — as the desktop client does. */
public final class PinnedHttps {

    private PinnedHttps() {
    }

    public static HttpClient client(String fingerprint) {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {new Pin(fingerprint)}, new SecureRandom());
            return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Pin(String fingerprint) implements X509TrustManager {

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain.length == 0 || !TlsIdentity.fingerprint(chain[0]).equals(fingerprint)) {
                throw new CertificateException("certificate does not match the pinned fingerprint " + fingerprint);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("no client certificates");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
