package io.ballast.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one certificate: an agent's self-signed one, known by its SHA-256 fingerprint.
 * With no pin (first contact) it trusts nothing but remembers what it was shown, so the desktop client
 * can show the fingerprint to the operator and ask before trusting it.
 * Host names are deliberately not checked: the agents' certificates name only localhost, and the pin is
 * stronger than a name on a self-signed certificate.
 */
public final class PinnedTrust extends X509ExtendedTrustManager {

    private final String pinned;
    private final String whose;
    private final AtomicReference<String> presented = new AtomicReference<>();

    /**
     * @param pinnedFingerprint hex, with or without colons; null for first contact
     * @param whose             names the other side in errors, e.g. "the agent" or "the peer director"
     */
    public PinnedTrust(String pinnedFingerprint, String whose) {
        this.pinned = pinnedFingerprint == null ? null : Fingerprints.normalise(pinnedFingerprint);
        this.whose = whose;
    }

    /** The fingerprint of the last certificate the server presented, or null. */
    public String presentedFingerprint() {
        return presented.get();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException(whose + " presented no certificate");
        }
        String fingerprint = Fingerprints.of(chain[0]);
        presented.set(fingerprint);
        if (pinned == null || !pinned.equals(fingerprint)) {
            throw new UntrustedCertificateException(whose, fingerprint, pinned);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("client certificates are not accepted: agents authenticate clients by token");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
