package io.ballast.agent.dataplane.scheduling;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * ip_vs_mh: Maglev consistent hashing. Each destination walks its own permutation of a prime-sized
 * lookup table (offset and skip from hsiphash of its address and port), taking free slots in turns
 * proportional to its weight, until the table is full; the client's address (and source port with
 * mh-port) picks a slot. When one of N servers leaves, only about 1/N of the slots change owner.
 *
 * <p>The slot count is the Maglev paper's 65,537 by default; the kernel's own default
 * (CONFIG_IP_VS_MH_TAB_INDEX=12) is 4,093, which {@link #KERNEL_DEFAULT_TABLE_SIZE} names for
 * comparisons with a real IPVS.
 */
final class MaglevHashing implements ConnectionScheduler {

    static final int DEFAULT_TABLE_SIZE = 65_537;
    static final int KERNEL_DEFAULT_TABLE_SIZE = 4_093;

    // generate_hash_secret() in ip_vs_mh.c: fixed keys, so every director builds the same table
    private static final long HASH1_KEY = 2654435761L;
    private static final long HASH2_KEY = 2654446892L;

    private final int tableSize;
    private final int tableBits;
    private final Destination[] lookup;
    private final boolean fallback;
    private final boolean hashPort;

    MaglevHashing(List<? extends Destination> destinations, int tableSize, boolean fallback, boolean hashPort) {
        if (tableSize < 3 || !java.math.BigInteger.valueOf(tableSize).isProbablePrime(30)) {
            throw new IllegalArgumentException("mh lookup table size " + tableSize + " must be a prime");
        }
        this.tableSize = tableSize;
        this.tableBits = (31 - Integer.numberOfLeadingZeros(tableSize)) / 2;
        this.lookup = new Destination[tableSize];
        this.fallback = fallback;
        this.hashPort = hashPort;
        destinationsChanged(destinations);
    }

    int tableSize() {
        return tableSize;
    }

    /** The owner of each slot, for tests that measure how many slots move. */
    Destination[] lookupTable() {
        return lookup.clone();
    }

    @Override
    public void destinationsChanged(List<? extends Destination> destinations) {
        Arrays.fill(lookup, null);
        int gcd = 0;
        int maxWeight = 0;
        for (Destination d : destinations) {
            int lw = d.lastWeight();
            if (lw > 0) {
                gcd = gcd > 0 ? KernelHashes.gcd(lw, gcd) : lw;
            }
            maxWeight = Math.max(maxWeight, lw);
        }
        if (gcd < 1 || destinations.size() > tableSize) {
            return;
        }
        // ip_vs_mh_shift_weight: keep weight/gcd within the table's "highest bits"
        int rshift = Math.max(0, KernelHashes.fls(maxWeight / gcd) - tableBits);
        int n = destinations.size();
        int[] perm = new int[n];
        int[] skip = new int[n];
        int[] turns = new int[n];
        for (int i = 0; i < n; i++) {
            Destination d = destinations.get(i);
            int offset = Integer.remainderUnsigned(hashKey(d.address(), d.port(), HASH1_KEY, 0), tableSize);
            skip[i] = Integer.remainderUnsigned(hashKey(d.address(), d.port(), HASH2_KEY, 0), tableSize - 1) + 1;
            perm[i] = offset;
            int lw = d.lastWeight();
            int t = (lw / gcd) >> rshift;
            turns[i] = t != 0 ? t : (lw != 0 ? 1 : 0);
        }
        populate(destinations, perm, skip, turns);
    }

    // ip_vs_mh_populate
    private void populate(List<? extends Destination> destinations, int[] perm, int[] skip, int[] turns) {
        BitSet taken = new BitSet(tableSize);
        int filled = 0;
        int turnCount = 0;
        int p = 0;
        while (true) {
            p = 0;
            while (p < destinations.size()) {
                if (turns[p] < 1) {
                    p++;
                    continue;
                }
                int c = perm[p];
                while (taken.get(c)) {
                    perm[p] += skip[p];
                    if (perm[p] >= tableSize) {
                        perm[p] -= tableSize;
                    }
                    c = perm[p];
                }
                taken.set(c);
                lookup[c] = destinations.get(p);
                if (++filled == tableSize) {
                    return;
                }
                if (++turnCount >= turns[p]) {
                    turnCount = 0;
                    p++;
                }
            }
        }
    }

    @Override
    public Destination select(List<? extends Destination> destinations, ScheduledFlow flow) {
        int port = hashPort ? flow.clientPort() : 0;
        int ihash = slot(flow, port, 0);
        Destination d = lookup[ihash];
        if (!fallback) {
            return d == null || unavailable(d) ? null : d;
        }
        if (d == null) {
            return null;
        }
        if (!unavailable(d)) {
            return d;
        }
        for (int offset = 0; offset < tableSize; offset++) {
            int roffset = (offset + ihash) % tableSize;
            Destination candidate = lookup[slot(flow, port, roffset)];
            if (candidate == null) {
                break;
            }
            if (!unavailable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private int slot(ScheduledFlow flow, int port, int offset) {
        return Integer.remainderUnsigned(hashKey(flow.clientAddress(), port, HASH1_KEY, offset), tableSize);
    }

    private static boolean unavailable(Destination d) {
        return d.weight() <= 0 || d.overloaded();
    }

    private static int hashKey(java.net.InetAddress address, int port, long key, int offset) {
        int v = offset + port + KernelHashes.fold(address);
        return KernelHsipHash.hash(v, key, key);
    }
}
