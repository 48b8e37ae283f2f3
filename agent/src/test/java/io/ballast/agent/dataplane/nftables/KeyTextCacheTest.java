package io.ballast.agent.dataplane.nftables;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class KeyTextCacheTest {

    /** A 16-byte key (the size of an IPv4 counter key) that differs from its neighbours in its last bytes. */
    private static ByteBuffer key(int n) {
        return ByteBuffer.allocate(20).putInt(2, 0xcb00710a).putInt(10, 0xc6336400 + (n >>> 8)).putShort(16, (short) n);
    }

    @Test
    void textComesBackForTheSameBytesWhereverTheyLie() {
        KeyTextCache cache = new KeyTextCache();
        cache.put(key(1), 2, 16, "one");

        ByteBuffer elsewhere = ByteBuffer.allocate(40);
        elsewhere.put(7, key(1).array(), 2, 16);
        assertThat(cache.get(elsewhere, 7, 16)).isSameAs(cache.get(key(1), 2, 16)).isEqualTo("one");
        assertThat(cache.get(key(2), 2, 16)).isNull();
        assertThat(cache.get(key(1), 2, 15)).isNull(); // same bytes, shorter key: another key
    }

    @Test
    void tenThousandKeysAreAllFoundAfterTheTableGrew() {
        KeyTextCache cache = new KeyTextCache();
        for (int i = 0; i < 10_000; i++) {
            cache.put(key(i), 2, 16, "k" + i);
        }

        for (int i = 0; i < 10_000; i++) {
            assertThat(cache.get(key(i), 2, 16)).isEqualTo("k" + i);
        }
        assertThat(cache.size()).isEqualTo(10_000);
    }

    @Test
    void trimForgetsKeysOnlyWhenMostAreGone() {
        KeyTextCache cache = new KeyTextCache();
        for (int i = 0; i < 5_000; i++) {
            cache.put(key(i), 2, 16, "k" + i);
        }

        cache.trim(4_000);
        assertThat(cache.get(key(4_999), 2, 16)).isEqualTo("k4999");
        cache.trim(10);
        assertThat(cache.size()).isZero();
        assertThat(cache.get(key(4_999), 2, 16)).isNull();
    }
}
