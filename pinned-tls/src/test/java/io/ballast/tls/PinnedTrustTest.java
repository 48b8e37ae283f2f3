package io.ballast.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PinnedTrustTest {

    /** What `openssl x509 -noout -fingerprint -sha256 -in agent-cert.pem` prints for the test certificate. */
    private static final String OPENSSL_FINGERPRINT =
            "48:A1:F0:E1:CB:78:7C:41:59:5F:7B:2C:A4:B8:E8:EA:F2:11:79:B6:76:0E:3D:5C:6F:F5:2D:77:99:7A:9E:CF";
    private static final String HEX = "0123456789abcdef".repeat(4);

    private static X509Certificate[] chain;

    @BeforeAll
    static void loadCertificate() throws Exception {
        try (InputStream pem = PinnedTrustTest.class.getResourceAsStream("agent-cert.pem")) {
            chain = new X509Certificate[] {(X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem)};
        }
    }

    @Test
    void fingerprintOfACertificateIsWhatOpensslPrints() {
        assertThat(Fingerprints.display(Fingerprints.of(chain[0]))).isEqualTo(OPENSSL_FINGERPRINT);
    }

    @Test
    void colonSeparatedUpperCaseAndPlainHexAreTheSameFingerprint() {
        String colons = Fingerprints.display(HEX);
        assertThat(colons).startsWith("01:23:45").hasSize(95);
        assertThat(Fingerprints.normalise(colons)).isEqualTo(HEX);
        assertThat(Fingerprints.normalise("SHA256=" + HEX.toUpperCase())).isEqualTo(HEX);
        assertThat(Fingerprints.normalise(" sha256/" + colons + " ")).isEqualTo(HEX);
    }

    @Test
    void shortOrNonHexTextIsRefusedWithASentence() {
        assertThatThrownBy(() -> Fingerprints.normalise("abc")).hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> Fingerprints.normalise(" ")).hasMessageContaining("empty");
    }

    @Test
    void pinnedCertificateIsTrustedInEitherSpelling() throws CertificateException {
        new PinnedTrust(OPENSSL_FINGERPRINT, "the agent").checkServerTrusted(chain, "EC");
        new PinnedTrust(Fingerprints.normalise(OPENSSL_FINGERPRINT), "the agent").checkServerTrusted(chain, "EC");
    }

    @Test
    void anotherCertificateIsRefusedNamingBothFingerprints() {
        PinnedTrust trust = new PinnedTrust(HEX, "the peer director");
        assertThatThrownBy(() -> trust.checkServerTrusted(chain, "EC"))
                .isInstanceOfSatisfying(UntrustedCertificateException.class, e -> {
                    assertThat(e.presented()).isEqualTo(Fingerprints.normalise(OPENSSL_FINGERPRINT));
                    assertThat(e.expected()).isEqualTo(HEX);
                })
                .hasMessageStartingWith("the peer director's certificate changed")
                .hasMessageContaining(OPENSSL_FINGERPRINT);
    }

    @Test
    void firstContactTrustsNothingButRemembersWhatWasPresented() {
        PinnedTrust trust = new PinnedTrust(null, "the agent");
        assertThat(trust.presentedFingerprint()).isNull();
        assertThatThrownBy(() -> trust.checkServerTrusted(chain, "EC"))
                .isInstanceOf(UntrustedCertificateException.class)
                .hasMessageContaining("is not trusted yet");
        assertThat(trust.presentedFingerprint()).isEqualTo(Fingerprints.normalise(OPENSSL_FINGERPRINT));
    }

    @Test
    void emptyChainAndClientCertificatesAreRefused() {
        PinnedTrust trust = new PinnedTrust(HEX, "the agent");
        assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[0], "EC"))
                .hasMessage("the agent presented no certificate");
        assertThatThrownBy(() -> trust.checkClientTrusted(chain, "EC")).hasMessageContaining("by token");
    }
}
