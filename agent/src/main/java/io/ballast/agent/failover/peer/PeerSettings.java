package io.ballast.agent.failover.peer;

import io.ballast.tls.Fingerprints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a director reaches its peers' APIs, from the agent config's {@code failoverSettings}:
 * <ul>
 * <li>{@code peerTokenFile} — a file holding the bearer token the peers accept (all directors of a
 *     cluster are provisioned with the same token through {@code --token-file}); without it there is
 *     no peer watch, and the agent says so once</li>
 * <li>{@code peerFingerprint.<directorId>} — the SHA-256 fingerprint of that peer's certificate
 *     ("AB:CD:…", as the agent prints on first start); a peer without one is not contacted</li>
 * <li>{@code peerPollMillis} — how often each peer's status is read (default 250)</li>
 * <li>{@code peerLostAfterMillis} — a peer that has not answered for this long, three polls in a row, has left (default 750)</li>
 * <li>{@code syncSettleMillis} — with connection sync on, how long a standby waits after becoming
 *     backup (conntrackd asks the master for a full resync then) before it counts as ready (default 2000)</li>
 * </ul>
 */
public record PeerSettings(Optional<String> token, Map<String, String> fingerprints, long pollMillis,
                           long lostAfterMillis, long syncSettleMillis) {

    public static PeerSettings from(Map<String, String> settings, Path configDir) throws IOException {
        Optional<String> token = Optional.empty();
        String tokenFile = settings.get("peerTokenFile");
        if (tokenFile != null) {
            Path file = configDir == null ? Path.of(tokenFile) : configDir.resolve(tokenFile);
            token = Optional.of(Files.readString(file).trim());
        }
        Map<String, String> fingerprints = new HashMap<>();
        settings.forEach((key, value) -> {
            if (key.startsWith("peerFingerprint.")) {
                fingerprints.put(key.substring("peerFingerprint.".length()), fingerprint(key, value));
            }
        });
        return new PeerSettings(token, Map.copyOf(fingerprints), number(settings, "peerPollMillis", 250),
                number(settings, "peerLostAfterMillis", 750), number(settings, "syncSettleMillis", 2000));
    }

    /** Checked at start, so a mistyped pin is a config error with its key, not a peer that silently never answers. */
    private static String fingerprint(String key, String text) {
        try {
            return Fingerprints.normalise(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("failoverSettings." + key + ": " + e.getMessage());
        }
    }

    private static long number(Map<String, String> settings, String key, long fallback) {
        String text = settings.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value < 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("failoverSettings." + key + " must be a positive number of milliseconds,"
                    + " not '" + text + "'");
        }
    }
}
