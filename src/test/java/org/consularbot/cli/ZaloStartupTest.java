package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code serve} with Zalo stops at start-up, exit 1, naming the setting; secrets are never printed. */
class ZaloStartupTest {

    @TempDir
    Path tmp;

    private ChatDb db;

    @BeforeEach
    void database() {
        db = new ChatDb(tmp);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            ZALO_APP_ID                  | abc              | must be the numeric app id
            ZALO_API_URL                 | ftp://zalo       | must be an http(s) URL
            ZALO_WEBHOOK_MAX_AGE_SECONDS | 1                | must be from 10 to 86400, not 1
            ZALO_FREE_REPLIES            | 0                | must be from 1 to 1000, not 0
            """)
    void anInvalidZaloSettingStopsStartUpNamingTheKey(String key, String value, String problem) {
        CliRun run = CliRun.run(
                db.env(
                        "ZALO_APP_ID",
                        "2553",
                        "ZALO_APP_SECRET",
                        "s3cret-app",
                        "ZALO_OA_SECRET_KEY",
                        "s3cret-oa",
                        key,
                        value),
                "serve");

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("setting " + key + " " + problem).doesNotContain("s3cret");
    }

    @Test
    void theSecretsAreRequiredWithTheAppId() {
        CliRun run = CliRun.run(db.env("ZALO_APP_ID", "2553"), "serve");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("setting ZALO_APP_SECRET must be set when ZALO_APP_ID is");
    }
}
