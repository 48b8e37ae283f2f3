package io.ballast.agent.dataplane.scheduling;

/**
 * The kernel's {@code hsiphash()} of one 32-bit word on a 64-bit machine, where lib/siphash.c makes
 * HalfSipHash-1-3 "actually be SipHash-1-3" and returns the low 32 bits. ip_vs_mh hashes with it.
 */
final class KernelHsipHash {

    private KernelHsipHash() {
    }

    static int hash(int value, long key0, long key1) {
        // a 4-byte message is only the final block: length in the top byte, the bytes little-endian below
        return (int) sipHashFinalBlock(1, 3, key0, key1, (4L << 56) | (value & 0xFFFFFFFFL));
    }

    /** SipHash-c-d of a message shorter than 8 bytes, given as its final block. */
    static long sipHashFinalBlock(int compressionRounds, int finalizationRounds, long key0, long key1, long block) {
        long[] v = {
            0x736f6d6570736575L ^ key0,
            0x646f72616e646f6dL ^ key1,
            0x6c7967656e657261L ^ key0,
            0x7465646279746573L ^ key1,
        };
        v[3] ^= block;
        for (int i = 0; i < compressionRounds; i++) {
            round(v);
        }
        v[0] ^= block;
        v[2] ^= 0xff;
        for (int i = 0; i < finalizationRounds; i++) {
            round(v);
        }
        return v[0] ^ v[1] ^ v[2] ^ v[3];
    }

    private static void round(long[] v) {
        v[0] += v[1];
        v[1] = Long.rotateLeft(v[1], 13);
        v[1] ^= v[0];
        v[0] = Long.rotateLeft(v[0], 32);
        v[2] += v[3];
        v[3] = Long.rotateLeft(v[3], 16);
        v[3] ^= v[2];
        v[0] += v[3];
        v[3] = Long.rotateLeft(v[3], 21);
        v[3] ^= v[0];
        v[2] += v[1];
        v[1] = Long.rotateLeft(v[1], 17);
        v[1] ^= v[2];
        v[2] = Long.rotateLeft(v[2], 32);
    }
}
