package io.ballast.tls;

import java.security.cert.CertificateException;

/** A server's certificate is not the pinned one (or nothing is pinned yet). Carries what was presented. */
public final class UntrustedCertificateException extends CertificateException {

    private final String presented;
    private final String expected;

    public UntrustedCertificateException(String whose, String presented, String expected) {
        super(expected == null
                ? whose + "'s certificate (SHA-256 " + Fingerprints.display(presented) + ") is not trusted yet"
                : whose + "'s certificate changed: it presented SHA-256 " + Fingerprints.display(presented)
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
