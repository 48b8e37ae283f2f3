package io.ballast.app.connection;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one certificate: the agent's self-signed one, known by its SHA-256 fingerprint.
 * With no pin (first contact) it trusts nothing but remembers what it was shown, so the client
 * can show the fingerprint to the operator and ask before trusting it.
 * Host names are deliberately not checked: the pin is stronger than a name on a self-signed certificate.
 */
public final class PinningTrustManager extends X509ExtendedTrustManager {

    private final String pinned;
    private final AtomicReference<String> presented = new AtomicReference<>();

    /** @param pinnedFingerprint hex, with or without colons; null for first contact */
    public PinningTrustManager(String pinnedFingerprint) {
        this.pinned = pinnedFingerprint == null ? null : Fingerprints.normalise(pinnedFingerprint);
    }

    /** The fingerprint of the last certificate the server presented, or null. */
    public String presentedFingerprint() {
        return presented.get();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the agent presented no certificate");
        }
        String fingerprint = Fingerprints.of(chain[0]);
        presented.set(fingerprint);
        if (pinned == null) {
            throw new UntrustedCertificateException(fingerprint, null);
        }
        if (!pinned.equals(fingerprint)) {
            throw new UntrustedCertificateException(fingerprint, pinned);
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
        throw new CertificateException("the desktop client does not accept client certificates");
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
