package io.ballast.agent.dataplane.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class KernelHashesTest {

    private static final long K0 = 0x0706050403020100L;
    private static final long K1 = 0x0f0e0d0c0b0a0908L;

    @Test
    void sipHashPermutationMatchesTheReferenceVectorsOfSipHash24() {
        // the SipHash paper's vectors, key 00..0f: empty message, and the one byte 00
        assertThat(KernelHsipHash.sipHashFinalBlock(2, 4, K0, K1, 0L)).isEqualTo(0x726fdb47dd0e0e31L);
        assertThat(KernelHsipHash.sipHashFinalBlock(2, 4, K0, K1, 1L << 56)).isEqualTo(0x74f839c593dc67fdL);
    }

    @Test
    void addressFoldIsTheHostOrderIpv4AndTheXorOfIpv6Words() throws Exception {
        assertThat(KernelHashes.fold(InetAddress.getByName("192.0.2.1"))).isEqualTo(0xC0000201);
        assertThat(KernelHashes.fold(InetAddress.getByName("2001:db8::1"))).isEqualTo(0x20010db8 ^ 1);
    }

    @Test
    void hash32IsTheGoldenRatioMultiplyShift() {
        assertThat(KernelHashes.hash32(1, 8)).isEqualTo(0x61C88647 >>> 24);
        assertThat(KernelHashes.hash32(0, 8)).isZero();
    }
}
