package io.ballast.app.connection;

import java.security.cert.CertificateException;

/** The agent's certificate is not the pinned one (or nothing is pinned yet). Carries what was presented. */
public final class UntrustedCertificateException extends CertificateException {

    private final String presented;
    private final String expected;

    public UntrustedCertificateException(String presented, String expected) {
        super(expected == null
                ? "the agent's certificate (SHA-256 " + Fingerprints.display(presented) + ") is not trusted yet"
                : "the agent's certificate changed: it presented SHA-256 " + Fingerprints.display(presented)
                        + " but " + Fingerprints.display(expected) + " is pinned; check the director before trusting it");
        this.presented = presented;
        this.expected = expected;
    }

    public String presented() {
        return presented;
    }

    /** The pinned fingerprint, or null on first contact. */
    public String expected() {
        return expected;
    }
}
