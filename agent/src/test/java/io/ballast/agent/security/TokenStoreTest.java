package io.ballast.agent.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {

    @TempDir
    Path dir;

    @Test
    void onlyASaltedHashOfTheTokenIsStoredOwnerOnly() throws Exception {
        String token = TokenStore.createRandom(dir);
        String stored = Files.readString(dir.resolve(TokenStore.FILE));
        assertThat(stored).doesNotContain(token).startsWith("pbkdf2-sha256:");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(TokenStore.FILE))))
                .isEqualTo("rw-------");
        TokenStore loaded = TokenStore.load(dir).orElseThrow();
        assertThat(loaded.matches(token)).isTrue();
        assertThat(loaded.matches(token + "x")).isFalse();
        assertThat(loaded.tokenId()).startsWith("token:").hasSize(14).doesNotContain(token);
    }

    @Test
    void provisionedTokenReplacesTheOldOne() throws Exception {
        String old = TokenStore.createRandom(dir);
        TokenStore.provision(dir, "operator-chosen-token-123");
        TokenStore loaded = TokenStore.load(dir).orElseThrow();
        assertThat(loaded.matches("operator-chosen-token-123")).isTrue();
        assertThat(loaded.matches(old)).isFalse();
    }

    @Test
    void twoStoresOfTheSameTokenUseDifferentSalts() throws Exception {
        TokenStore.provision(dir, "operator-chosen-token-123");
        String first = Files.readString(dir.resolve(TokenStore.FILE));
        TokenStore.provision(dir, "operator-chosen-token-123");
        assertThat(Files.readString(dir.resolve(TokenStore.FILE))).isNotEqualTo(first);
    }
}
