package io.ballast.agent.dataplane.scheduling;

import java.net.InetAddress;

/** The small hash helpers the kernel's hashing schedulers share, bit for bit. */
final class KernelHashes {

    /** include/linux/hash.h GOLDEN_RATIO_32. */
    private static final int GOLDEN_RATIO_32 = 0x61C88647;

    private KernelHashes() {
    }

    /**
     * {@code ntohl(addr_fold)}: an IPv4 address as a host-order number; an IPv6 address folded by
     * XOR of its four 32-bit words, as ip_vs_sh/dh/mh do.
     */
    static int fold(InetAddress address) {
        byte[] b = address.getAddress();
        int folded = 0;
        for (int i = 0; i < b.length; i += 4) {
            folded ^= ((b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
        }
        return folded;
    }

    /** {@code hash_32(val, bits)}. */
    static int hash32(int value, int bits) {
        return (value * GOLDEN_RATIO_32) >>> (32 - bits);
    }

    static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** {@code fls()}: 1-based position of the highest set bit, 0 for 0. */
    static int fls(int value) {
        return 32 - Integer.numberOfLeadingZeros(value);
    }
}
