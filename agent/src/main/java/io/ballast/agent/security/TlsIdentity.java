package io.ballast.agent.security;

import io.ballast.agent.state.AtomicFiles;
import io.ballast.tls.Fingerprints;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The agent's TLS key and self-signed certificate, made on first start and kept in the state
 * directory (PKCS#12, owner-only, with a random password in a second owner-only file). Clients pin
 * the certificate's SHA-256 fingerprint instead of trusting a CA.
 */
public final class TlsIdentity {

    static final String KEYSTORE = "tls.p12";
    static final String PASSWORD = "tls.p12.password";
    static final String ALIAS = "ballast-agent";

    private final KeyStore keyStore;
    private final char[] password;
    private final X509Certificate certificate;
    private final boolean created;

    private TlsIdentity(KeyStore keyStore, char[] password, boolean created) throws GeneralSecurityException {
        this.keyStore = keyStore;
        this.password = password;
        this.certificate = (X509Certificate) keyStore.getCertificate(ALIAS);
        this.created = created;
    }

    /** Loads the identity from {@code stateDir}, making it first if there is none. */
    public static TlsIdentity loadOrCreate(Path stateDir, String nodeId) throws IOException {
        Path store = stateDir.resolve(KEYSTORE);
        Path passwordFile = stateDir.resolve(PASSWORD);
        try {
            if (Files.exists(store) && Files.exists(passwordFile)) {
                char[] password = Files.readString(passwordFile, StandardCharsets.UTF_8).trim().toCharArray();
                KeyStore ks = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(store)) {
                    ks.load(in, password);
                }
                return new TlsIdentity(ks, password, false);
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
            KeyStore ks = create(nodeId, password);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, password);
            AtomicFiles.write(passwordFile, new String(password).getBytes(StandardCharsets.UTF_8));
            AtomicFiles.write(store, out.toByteArray());
            return new TlsIdentity(ks, password, true);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("the TLS key in " + store + " cannot be loaded or made (" + e.getMessage()
                    + "); move " + KEYSTORE + " and " + PASSWORD + " away to make a new one", e);
        }
    }

    private static KeyStore create(String nodeId, char[] password) throws GeneralSecurityException, OperatorCreationException, IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=ballast-agent " + nodeId.replaceAll("[,=+<>#;\"\\\\]", "_"));
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(3650))), name, pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(ALIAS, pair.getPrivate(), password, new X509Certificate[] {cert});
        return ks;
    }

    public KeyStore keyStore() {
        return keyStore;
    }

    public char[] password() {
        return password.clone();
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** True when this start made the key (the fingerprint is worth printing). */
    public boolean created() {
        return created;
    }

    /** SHA-256 of the DER certificate, as "AB:CD:…" — what clients pin. */
    public String fingerprint() {
        return fingerprint(certificate);
    }

    public static String fingerprint(X509Certificate cert) {
        return Fingerprints.display(Fingerprints.of(cert));
    }
}
