package io.ballast.app.connection;

import io.ballast.tls.Fingerprints;
import java.net.URI;

/**
 * How to reach one agent: its base address, the bearer token and the pinned certificate fingerprint.
 * {@link #toString()} never shows the token.
 */
public record AgentEndpoint(URI baseUri, String token, String fingerprint) {

    /** Accepts "host:port", "https://host:port" or "https://[v6]:port/"; always HTTPS. */
    public static AgentEndpoint of(String address, String token, String fingerprint) {
        String text = address.trim();
        if (text.startsWith("http://")) {
            throw new IllegalArgumentException("'" + text + "': agents speak HTTPS only; use https://");
        }
        if (!text.startsWith("https://")) {
            text = "https://" + text;
        }
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + address + "' is not an agent address like 192.0.2.11:9443", e);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("'" + address + "' has no host; write it like 192.0.2.11:9443");
        }
        return new AgentEndpoint(uri, token, fingerprint == null || fingerprint.isBlank() ? null : Fingerprints.normalise(fingerprint));
    }

    public AgentEndpoint withFingerprint(String newFingerprint) {
        return new AgentEndpoint(baseUri, token, Fingerprints.normalise(newFingerprint));
    }

    public URI resolve(String pathAndQuery) {
        return URI.create(baseUri + pathAndQuery);
    }

    @Override
    public String toString() {
        return baseUri.toString();
    }
}
