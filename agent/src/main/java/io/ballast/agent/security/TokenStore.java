package io.ballast.agent.security;

import io.ballast.agent.state.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The API's bearer token, kept only as a PBKDF2 hash with a random salt ({@code token.hash}, owner-only).
 * Line format: {@code pbkdf2-sha256:<iterations>:<salt b64>:<hash b64>:<token id>}. The token id is
 * the first 8 hex digits of SHA-256 of the token: it names the token in events without revealing it.
 *
 * <p>Checking a 120 000-iteration hash costs milliseconds, too much per request; a token that passed
 * once is remembered (as its SHA-256, in memory only) so later requests compare in constant time.
 */
public final class TokenStore {

    static final String FILE = "token.hash";
    private static final int ITERATIONS = 120_000;

    private final byte[] salt;
    private final byte[] hash;
    private final String tokenId;
    private volatile byte[] verifiedDigest;

    private TokenStore(byte[] salt, byte[] hash, String tokenId) {
        this.salt = salt;
        this.hash = hash;
        this.tokenId = tokenId;
    }

    /** Loads the stored hash; empty when no token was ever made. */
    public static Optional<TokenStore> load(Path stateDir) throws IOException {
        Path file = stateDir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String[] parts = Files.readString(file, StandardCharsets.UTF_8).trim().split(":");
        if (parts.length != 5 || !parts[0].equals("pbkdf2-sha256") || Integer.parseInt(parts[1]) != ITERATIONS) {
            throw new IOException(file + " is not a token hash this agent understands; delete it and provision a token again");
        }
        Base64.Decoder b64 = Base64.getDecoder();
        return Optional.of(new TokenStore(b64.decode(parts[2]), b64.decode(parts[3]), parts[4]));
    }

    /** Makes a random token, stores its hash and returns the token (shown once, never stored). */
    public static String createRandom(Path stateDir) throws IOException {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        provision(stateDir, token);
        return token;
    }

    /** Stores the hash of a token given by the operator (e.g. from --token-file). */
    public static TokenStore provision(Path stateDir, String token) throws IOException {
        if (token.length() < 16) {
            throw new IOException("the token must be at least 16 characters long");
        }
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        byte[] hash = pbkdf2(token, salt);
        String id = idOf(token);
        Base64.Encoder b64 = Base64.getEncoder();
        String line = "pbkdf2-sha256:" + ITERATIONS + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash) + ":" + id;
        AtomicFiles.write(stateDir.resolve(FILE), (line + "\n").getBytes(StandardCharsets.UTF_8));
        return new TokenStore(salt, hash, id);
    }

    /** True when {@code presented} is the token. */
    public boolean matches(String presented) {
        byte[] digest = sha256(presented);
        byte[] known = verifiedDigest;
        if (known != null) {
            return MessageDigest.isEqual(known, digest);
        }
        if (MessageDigest.isEqual(hash, pbkdf2(presented, salt))) {
            verifiedDigest = digest;
            return true;
        }
        return false;
    }

    /** Names the token in events and logs: "token:" and 8 hex digits of its SHA-256. */
    public String tokenId() {
        return "token:" + tokenId;
    }

    static String idOf(String token) {
        return HexFormat.of().formatHex(sha256(token)).substring(0, 8);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    private static byte[] pbkdf2(String token, byte[] salt) {
        try {
            PBEKeySpec spec = new PBEKeySpec(token.toCharArray(), salt, ITERATIONS, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM has no PBKDF2WithHmacSHA256", e);
        }
    }
}
