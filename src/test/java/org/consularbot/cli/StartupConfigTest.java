package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.consularbot.faq.TestCorpora;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Start-up of chat and purge stops, with exit code 1 and a message naming what is wrong, before any citizen is answered. */
class StartupConfigTest {

    private static final String DOWN = "jdbc:postgresql://127.0.0.1:1/consular";

    @TempDir
    Path tmp;

    private ChatDb db;

    @BeforeEach
    void database() {
        db = new ChatDb(tmp);
    }

    @ParameterizedTest(name = "{1}={2} stops {0}")
    @CsvSource(delimiter = '|', textBlock = """
            chat  | RATE_LIMIT_PER_MINUTE | abc            | must be a whole number from 0 to 10000, not 'abc'
            chat  | RATE_LIMIT_PER_MINUTE | -1             | must be from 0 to 10000, not -1
            chat  | RETENTION_DAYS        | 0              | must be from 1 to 3650, not 0
            chat  | DB_POOL_SIZE          | 1000           | must be from 2 to 64, not 1000
            chat  | DB_URL                | jdbc:mysql://x | must be an H2 (jdbc:h2:...) or PostgreSQL
            purge | RATE_LIMIT_PER_MINUTE | abc            | must be a whole number from 0 to 10000, not 'abc'
            purge | RETENTION_DAYS        | 0              | must be from 1 to 3650, not 0
            purge | RETENTION_DAYS        | 3651           | must be from 1 to 3650, not 3651
            purge | DB_POOL_SIZE          | 1000           | must be from 2 to 64, not 1000
            chat  | DB_POOL_SIZE          | 1              | must be from 2 to 64, not 1
            purge | DB_URL                | jdbc:mysql://x | must be an H2 (jdbc:h2:...) or PostgreSQL
            """)
    void anInvalidSettingStopsStartUpNamingTheKey(String command, String key, String value, String problem) {
        CliRun run = CliRun.runWithInput(db.env(key, value), "toi bi bat\n", command);

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).as(run.toString()).contains("setting " + key + " " + problem);
        assertThat(run.out()).as("nothing is said to the citizen").isEmpty();
        assertThat(db.exists()).as("the database is not touched").isFalse();
    }

    @Test
    void noCommandChecksTheSettingsToo() {
        CliRun run = CliRun.runWithInput(db.env("RATE_LIMIT_PER_MINUTE", "abc"), "toi bi bat\n");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("RATE_LIMIT_PER_MINUTE");
        assertThat(run.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"chat", "purge"})
    void anUnreachableDatabaseStopsStartUpWithAClearMessage(String command) {
        CliRun run = CliRun.runWithInput(db.env("DB_URL", DOWN), "toi bi bat\n", command);

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: cannot open the database at " + DOWN);
        assertThat(run.err().strip().lines()).as("one line, no stack trace").hasSize(1);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aPasswordInTheUrlIsNotEchoed() {
        String secret = "s3cr3t-Pw";
        CliRun run = CliRun.runWithInput(
                db.env("DB_URL", DOWN + "?user=consul&password=" + secret, "DB_PASSWORD", secret), "hi\n", "chat");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("cannot open the database at " + DOWN + "?user=consul&password=***");
        assertThat(run.out() + run.err()).doesNotContain(secret);
    }

    @Test
    void aPasswordBeforeTheHostIsNotEchoed() {
        String secret = "s3cr3t-Pw";
        CliRun run = CliRun.runWithInput(
                db.env("DB_URL", "jdbc:postgresql://consul:" + secret + "@127.0.0.1:1/consular"), "hi\n", "chat");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("DB_URL").contains("DB_USER").contains("DB_PASSWORD");
        assertThat(run.out() + run.err()).doesNotContain(secret);
    }

    @Test
    void theSmallestPoolSizeAllowedWorks() {
        CliRun chat = CliRun.runWithInput(db.env("DB_POOL_SIZE", "2"), "toi bi bat\n", "chat");
        CliRun purge = CliRun.runWithInput(db.env("DB_POOL_SIZE", "2"), "", "purge");

        assertThat(chat.exit()).as(chat.toString()).isZero();
        assertThat(chat.out()).contains(TestCorpora.HOTLINE);
        assertThat(purge.exit()).as(purge.toString()).isZero();
    }

    @Test
    void theRateLimitSettingIsUsedButNeverHoldsBackAnEmergency() {
        // RATE_LIMIT_PER_MINUTE=1: the welcome (/start) uses the one message of the minute.
        CliRun run = CliRun.runWithInput(
                db.env("RATE_LIMIT_PER_MINUTE", "1"), "ho chieu het han lam lai o dau\ntoi bi bat\n", "chat");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out())
                .startsWith("Xin chào!")
                .contains("Bạn đang gửi nhiều tin nhắn liên tiếp")
                .doesNotContain("Nguồn: https://chiakhoaphapluat");
        assertThat(run.out()).contains("🆘 KHẨN CẤP").contains(TestCorpora.HOTLINE);
    }

    @Test
    void noRateLimitWithZero() {
        CliRun run = CliRun.runWithInput(
                db.env("RATE_LIMIT_PER_MINUTE", "0"), "ho chieu het han lam lai o dau\n".repeat(25), "chat");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out().split("Nguồn:", -1)).hasSize(26);
        assertThat(run.out()).doesNotContain("Bạn đang gửi nhiều tin nhắn liên tiếp");
    }
}
