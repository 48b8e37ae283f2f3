package io.ballast.agent.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsIdentityTest {

    @TempDir
    Path dir;

    @Test
    void firstStartMakesAKeyThatLaterStartsReuse() throws Exception {
        TlsIdentity first = TlsIdentity.loadOrCreate(dir, "lb-a");
        TlsIdentity second = TlsIdentity.loadOrCreate(dir, "lb-a");
        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.fingerprint()).isEqualTo(first.fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        for (String file : new String[] {TlsIdentity.KEYSTORE, TlsIdentity.PASSWORD}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file)))).isEqualTo("rw-------");
        }
    }
}
