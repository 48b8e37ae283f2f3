package io.ballast.model.keepalived;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IncludePathsTest {

    @Test
    void relativePatternsResolveAgainstTheIncludingFilesDirectory() {
        assertThat(IncludePaths.resolveAgainst("/etc/keepalived/keepalived.conf", "conf.d/*.conf"))
                .isEqualTo("/etc/keepalived/conf.d/*.conf");
        assertThat(IncludePaths.resolveAgainst("/etc/keepalived/conf.d/a.conf", "../rs/./b.conf"))
                .isEqualTo("/etc/keepalived/rs/b.conf");
        assertThat(IncludePaths.resolveAgainst("/etc/keepalived/keepalived.conf", "/srv/lb.conf")).isEqualTo("/srv/lb.conf");
        assertThat(IncludePaths.resolveAgainst("keepalived.conf", "x.conf")).isEqualTo("x.conf");
    }

    @Test
    void globsMatchWithinOneDirectoryLikeGlob3() {
        assertThat(IncludePaths.matches("/k/conf.d/*.conf", "/k/conf.d/web.conf")).isTrue();
        assertThat(IncludePaths.matches("/k/conf.d/*.conf", "/k/conf.d/sub/web.conf")).isFalse();
        assertThat(IncludePaths.matches("/k/conf.d/*.conf", "/k/conf.d/web.conf.bak")).isFalse();
        assertThat(IncludePaths.matches("/k/vs-?.conf", "/k/vs-1.conf")).isTrue();
        assertThat(IncludePaths.matches("/k/vs-[12].conf", "/k/vs-2.conf")).isTrue();
        assertThat(IncludePaths.matches("/k/vs-[!12].conf", "/k/vs-2.conf")).isFalse();
        assertThat(IncludePaths.matches("/k/a.b", "/k/aXb")).isFalse();
    }

    @Test
    void cshBracesExpandIncludingNestedOnes() {
        assertThat(IncludePaths.expandBraces("{foo/{,cat,dog},bar}"))
                .containsExactly("foo/", "foo/cat", "foo/dog", "bar");
        assertThat(IncludePaths.matches("/k/{web,dns}.conf", "/k/dns.conf")).isTrue();
        assertThat(IncludePaths.matches("/k/{web,dns}.conf", "/k/ntp.conf")).isFalse();
    }
}
