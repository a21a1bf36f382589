package io.jenkins.plugins.dataops.engine.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretScrubberTest {
    @Test
    void shouldMaskPasswordsInJdbcUrlsOfEveryDriverSyntax() {
        assertThat(SecretScrubber.url("jdbc:postgresql://db/x?user=a&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/x?user=a&password=****&ssl=true");
        assertThat(SecretScrubber.url("jdbc:sqlserver://s:1433;database=d;Password=s3cret;encrypt=true"))
                .isEqualTo("jdbc:sqlserver://s:1433;database=d;Password=****;encrypt=true");
        assertThat(SecretScrubber.url("jdbc:h2:file:./x;PWD=s3cret")).isEqualTo("jdbc:h2:file:./x;PWD=****");
        assertThat(SecretScrubber.hasPassword("jdbc:postgresql://db/x?user=a")).isFalse();
    }

    @Test
    void shouldMaskKeyStoreAndSslPasswordsInJdbcUrls() {
        assertThat(SecretScrubber.url("jdbc:postgresql://db/x?sslpassword=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/x?sslpassword=****&ssl=true");
        assertThat(SecretScrubber.url("jdbc:sqlserver://s:1433;trustStorePassword=s3cret;keyStoreSecret=k3y;x=1"))
                .isEqualTo("jdbc:sqlserver://s:1433;trustStorePassword=****;keyStoreSecret=****;x=1");
        assertThat(SecretScrubber.hasPassword("jdbc:postgresql://db/x?sslpassword=s3cret"))
                .isTrue();
    }

    @Test
    void shouldRemoveASecretFromAnyText() {
        assertThat(SecretScrubber.scrub("login failed for s3cret", "s3cret")).isEqualTo("login failed for ****");
        assertThat(SecretScrubber.scrub(null, "s3cret")).isEmpty();
        assertThat(SecretScrubber.scrub("nothing", "")).isEqualTo("nothing");
    }

    @Test
    void shouldNeverShowThePasswordOfATarget() {
        DatabaseTarget target = new DatabaseTarget("qat", "jdbc:postgresql://db/x?password=inline", "u", "pw");

        assertThat(target.toString())
                .doesNotContain("inline")
                .doesNotContain("pw]")
                .contains("password=****");
    }
}
