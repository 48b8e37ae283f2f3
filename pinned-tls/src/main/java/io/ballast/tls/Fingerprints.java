package io.ballast.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** SHA-256 certificate fingerprints: computed, normalised, and shown the way operators compare them. */
public final class Fingerprints {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    private Fingerprints() {
    }

    /**
     * Lower-case hex without separators. Accepts "AB:CD:…" as openssl prints it, plain hex, spaces,
     * and an optional "sha256/" or "SHA256=" prefix.
     */
    public static String normalise(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the certificate fingerprint is empty; paste the agent's SHA-256 fingerprint");
        }
        String hex = text.trim().toLowerCase(Locale.ROOT)
                .replaceFirst("^sha-?256\\s*[=:/]\\s*", "")
                .replaceAll("[\\s:]", "");
        if (!HEX64.matcher(hex).matches()) {
            throw new IllegalArgumentException("'" + text.trim()
                    + "' is not a SHA-256 fingerprint: expected 64 hex digits, with or without colons");
        }
        return hex;
    }

    /** AB:CD:… upper case, as `openssl x509 -fingerprint -sha256` prints it. */
    public static String display(String fingerprint) {
        String hex = normalise(fingerprint).toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(95);
        for (int i = 0; i < hex.length(); i += 2) {
            if (i > 0) {
                out.append(':');
            }
            out.append(hex, i, i + 2);
        }
        return out.toString();
    }

    public static String of(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("could not compute the certificate's SHA-256 fingerprint", e);
        }
    }
}
