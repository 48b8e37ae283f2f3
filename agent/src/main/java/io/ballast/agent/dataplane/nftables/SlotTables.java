package io.ballast.agent.dataplane.nftables;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The slot lists behind the nft dispatch maps. A new connection picks slot {@code numgen inc mod N}
 * (round robin) or {@code jhash … mod N} (hashing); each slot names one real server, so weights become
 * how many slots a server owns.
 */
public final class SlotTables {

    /** Maglev table sizes (primes), as IPVS's mh; the smallest that gives each server ≥ 8 entries is used. */
    private static final int[] MAGLEV_SIZES = {251, 509, 1021, 2039, 4093, 8191, 16381, 32749, 65521};

    private SlotTables() {
    }

    /**
     * Weighted slots interleaved like IPVS wrr (highest weights first in each round), weights reduced by
     * their gcd and, past {@code maxSlots} in total, scaled down (a server keeps at least one slot).
     *
     * @return positions into {@code weights}; empty if no weight is positive
     */
    public static List<Integer> weighted(int[] weights, int maxSlots) {
        int[] w = reduce(weights, maxSlots);
        int max = Arrays.stream(w).max().orElse(0);
        List<Integer> slots = new ArrayList<>();
        for (int current = max; current >= 1; current--) {
            for (int i = 0; i < w.length; i++) {
                if (w[i] >= current) {
                    slots.add(i);
                }
            }
        }
        return slots;
    }

    /**
     * A Maglev lookup table (Eisenbud et al., NSDI 2016) over the servers with positive weight: each
     * server fills entries along its own permutation, so adding or removing one server moves only about
     * 1/N of the clients. Servers are identified by {@code names} so the table is the same on every director.
     *
     * @return for each entry, a position into {@code names}; empty if no weight is positive
     */
    public static int[] maglev(List<String> names, int[] weights, int maxTurnsPerRound) {
        int[] w = reduce(weights, Integer.MAX_VALUE);
        int backends = (int) Arrays.stream(w).filter(x -> x > 0).count();
        if (backends == 0) {
            return new int[0];
        }
        int size = MAGLEV_SIZES[MAGLEV_SIZES.length - 1];
        for (int candidate : MAGLEV_SIZES) {
            if (candidate >= backends * 8) {
                size = candidate;
                break;
            }
        }
        long[] offset = new long[w.length];
        long[] skip = new long[w.length];
        for (int i = 0; i < w.length; i++) {
            offset[i] = hash(names.get(i), 0x5bd1e995) % size;
            skip[i] = hash(names.get(i), 0x27d4eb2f) % (size - 1) + 1;
            w[i] = Math.min(w[i], maxTurnsPerRound);
        }
        int[] entry = new int[size];
        Arrays.fill(entry, -1);
        long[] next = new long[w.length];
        int filled = 0;
        while (true) {
            for (int i = 0; i < w.length; i++) {
                for (int turn = 0; turn < w[i]; turn++) {
                    int c = (int) ((offset[i] + next[i] * skip[i]) % size);
                    while (entry[c] >= 0) {
                        next[i]++;
                        c = (int) ((offset[i] + next[i] * skip[i]) % size);
                    }
                    entry[c] = i;
                    next[i]++;
                    if (++filled == size) {
                        return entry;
                    }
                }
            }
        }
    }

    private static int[] reduce(int[] weights, int maxTotal) {
        int g = 0;
        long sum = 0;
        for (int weight : weights) {
            if (weight > 0) {
                g = gcd(g, weight);
            }
        }
        int[] w = new int[weights.length];
        for (int i = 0; i < weights.length; i++) {
            w[i] = weights[i] > 0 ? weights[i] / g : 0;
            sum += w[i];
        }
        if (sum > maxTotal) {
            for (int i = 0; i < w.length; i++) {
                if (w[i] > 0) {
                    w[i] = (int) Math.max(1, Math.round((double) w[i] * maxTotal / sum));
                }
            }
        }
        return w;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static long hash(String name, int salt) {
        CRC32 crc = new CRC32();
        crc.update(new byte[] {(byte) salt, (byte) (salt >> 8), (byte) (salt >> 16), (byte) (salt >> 24)});
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
