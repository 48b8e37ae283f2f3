package io.ballast.agent.dataplane.nftables;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The text of each counter key seen before, found by its kernel bytes: a sample then makes no key
 * strings at all (30,000 a second at 10,000 real servers), and the strings it hands on are the same
 * instances every second, whose hash codes are already computed. Open addressing over one byte arena,
 * so a look-up allocates nothing. Keys of servers that left pile up until {@link #trim} starts afresh.
 */
final class KeyTextCache {

    private byte[] arena = new byte[16 * 1024];
    private int used;
    private int[] offsets = new int[1024];
    private int[] lengths = new int[1024];
    private String[] texts = new String[1024];
    private int size;

    /** The cached text of these key bytes, or null. */
    String get(ByteBuffer key, int at, int length) {
        int mask = texts.length - 1;
        for (int slot = hash(key, at, length) & mask; texts[slot] != null; slot = (slot + 1) & mask) {
            if (lengths[slot] == length && same(key, at, length, offsets[slot])) {
                return texts[slot];
            }
        }
        return null;
    }

    void put(ByteBuffer key, int at, int length, String text) {
        if ((size + 1) * 2 > texts.length) {
            grow();
        }
        if (used + length > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, used + length));
        }
        for (int i = 0; i < length; i++) {
            arena[used + i] = key.get(at + i);
        }
        insert(hash(arena, used, length), used, length, text);
        used += length;
        size++;
    }

    /** Starts afresh when most entries are no longer in the sets (servers removed since they were cached). */
    void trim(int liveKeys) {
        if (size > 2 * liveKeys + 1024) {
            arena = new byte[16 * 1024];
            used = 0;
            offsets = new int[1024];
            lengths = new int[1024];
            texts = new String[1024];
            size = 0;
        }
    }

    int size() {
        return size;
    }

    private void grow() {
        int[] oldOffsets = offsets;
        int[] oldLengths = lengths;
        String[] oldTexts = texts;
        offsets = new int[oldTexts.length * 2];
        lengths = new int[oldTexts.length * 2];
        texts = new String[oldTexts.length * 2];
        for (int i = 0; i < oldTexts.length; i++) {
            if (oldTexts[i] != null) {
                insert(hash(arena, oldOffsets[i], oldLengths[i]), oldOffsets[i], oldLengths[i], oldTexts[i]);
            }
        }
    }

    private void insert(int hash, int offset, int length, String text) {
        int mask = texts.length - 1;
        int slot = hash & mask;
        while (texts[slot] != null) {
            slot = (slot + 1) & mask;
        }
        offsets[slot] = offset;
        lengths[slot] = length;
        texts[slot] = text;
    }

    private boolean same(ByteBuffer key, int at, int length, int offset) {
        for (int i = 0; i < length; i++) {
            if (key.get(at + i) != arena[offset + i]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(ByteBuffer key, int at, int length) {
        int h = 1;
        for (int i = 0; i < length; i++) {
            h = 31 * h + key.get(at + i);
        }
        return spread(h);
    }

    private static int hash(byte[] key, int at, int length) {
        int h = 1;
        for (int i = 0; i < length; i++) {
            h = 31 * h + key[at + i];
        }
        return spread(h);
    }

    /** Addresses differ in their last bytes: mix the high bits down so the low bits (the slot) vary. */
    private static int spread(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        return h ^ (h >>> 13);
    }
}
