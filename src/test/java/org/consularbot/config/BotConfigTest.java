package org.consularbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The settings of a running bot: defaults, the range of each number, and messages that name the key. */
class BotConfigTest {

    private static BotConfig config(String... keyValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return BotConfig.from(Settings.load(env, Path.of("nonexistent.env")));
    }

    private static InvalidSettingException rejected(String key, String value) {
        try {
            config(key, value);
        } catch (InvalidSettingException e) {
            return e;
        }
        throw new AssertionError(key + "=" + value + " was accepted");
    }

    @Test
    void defaultsWhenNothingIsSet() {
        BotConfig config = config();

        assertThat(config.dbUrl()).isEqualTo("jdbc:h2:file:./data/consular-bot").isEqualTo(BotConfig.DEFAULT_DB_URL);
        assertThat(config.dbUser()).isEmpty();
        assertThat(config.dbPassword()).isEmpty();
        assertThat(config.dbPoolSize()).isEqualTo(8);
        assertThat(config.faqDir()).isEmpty();
        assertThat(config.retentionDays()).isEqualTo(90);
        assertThat(config.rateLimitPerMinute()).isEqualTo(20);
    }

    @Test
    void blankValuesAreDefaults() {
        BotConfig config = config("DB_POOL_SIZE", "  ", "RETENTION_DAYS", "", "DB_URL", " ");

        assertThat(config.dbPoolSize()).isEqualTo(8);
        assertThat(config.retentionDays()).isEqualTo(90);
        assertThat(config.dbUrl()).isEqualTo(BotConfig.DEFAULT_DB_URL);
    }

    @Test
    void everySettingIsRead(@TempDir Path faq) {
        BotConfig config = config(
                "DB_URL",
                " jdbc:postgresql://db.example:5432/consular ",
                "DB_USER",
                "consul",
                "DB_PASSWORD",
                "secret",
                "DB_POOL_SIZE",
                " 12 ",
                "FAQ_DIR",
                faq.toString(),
                "RETENTION_DAYS",
                "30",
                "RATE_LIMIT_PER_MINUTE",
                "0");

        assertThat(config.dbUrl()).isEqualTo("jdbc:postgresql://db.example:5432/consular");
        assertThat(config.dbUser()).contains("consul");
        assertThat(config.dbPassword()).contains("secret");
        assertThat(config.dbPoolSize()).isEqualTo(12);
        assertThat(config.faqDir()).contains(faq);
        assertThat(config.retentionDays()).isEqualTo(30);
        assertThat(config.rateLimitPerMinute()).isZero();
    }

    @ParameterizedTest(name = "{0}={1} is accepted")
    @CsvSource({
        "DB_POOL_SIZE, 2", "DB_POOL_SIZE, 64",
        "RETENTION_DAYS, 1", "RETENTION_DAYS, 3650",
        "RATE_LIMIT_PER_MINUTE, 0", "RATE_LIMIT_PER_MINUTE, 10000"
    })
    void theEndsOfEachRangeAreAccepted(String key, int value) {
        BotConfig config = config(key, String.valueOf(value));

        int read = switch (key) {
            case "DB_POOL_SIZE" -> config.dbPoolSize();
            case "RETENTION_DAYS" -> config.retentionDays();
            default -> config.rateLimitPerMinute();
        };
        assertThat(read).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0}={1} is rejected")
    @CsvSource({
        "DB_POOL_SIZE, 0, 2, 64",
        "DB_POOL_SIZE, 1, 2, 64",
        "DB_POOL_SIZE, 65, 2, 64",
        "DB_POOL_SIZE, 1000, 2, 64",
        "RETENTION_DAYS, 0, 1, 3650",
        "RETENTION_DAYS, 3651, 1, 3650",
        "RETENTION_DAYS, -90, 1, 3650",
        "RATE_LIMIT_PER_MINUTE, -1, 0, 10000",
        "RATE_LIMIT_PER_MINUTE, 10001, 0, 10000"
    })
    void numbersOutsideTheRangeAreRejectedNamingKeyRangeAndValue(String key, int value, int min, int max) {
        InvalidSettingException e = rejected(key, String.valueOf(value));

        assertThat(e.key()).isEqualTo(key);
        assertThat(e.getMessage())
                .isEqualTo("setting " + key + " must be from " + min + " to " + max + ", not " + value);
    }

    @ParameterizedTest(name = "RATE_LIMIT_PER_MINUTE={0} is not a number")
    @ValueSource(strings = {"abc", "20.5", "1e3", "20/min", "99999999999", "twenty"})
    void notAWholeNumberIsRejectedQuotingTheValue(String value) {
        InvalidSettingException e = rejected("RATE_LIMIT_PER_MINUTE", value);

        assertThat(e.key()).isEqualTo("RATE_LIMIT_PER_MINUTE");
        assertThat(e.getMessage())
                .isEqualTo("setting RATE_LIMIT_PER_MINUTE must be a whole number from 0 to 10000, not '" + value + "'");
    }

    @ParameterizedTest(name = "DB_URL={0} is accepted")
    @ValueSource(
            strings = {
                "jdbc:h2:file:/var/lib/consular-bot/db",
                "jdbc:h2:mem:x",
                "jdbc:postgresql://db:5432/consular",
                "jdbc:postgresql://db/consular?user=consul&password=x",
                "jdbc:postgresql://[::1]:5432/consular"
            })
    void h2AndPostgresqlUrlsAreAccepted(String url) {
        assertThat(config("DB_URL", url).dbUrl()).isEqualTo(url);
    }

    @ParameterizedTest(name = "DB_URL={0} is rejected")
    @ValueSource(strings = {"jdbc:mysql://x", "postgresql://db/consular", "jdbc:sqlite:bot.db", "./data/bot"})
    void otherDatabasesAreRejectedNamingTheKey(String url) {
        InvalidSettingException e = rejected("DB_URL", url);

        assertThat(e.key()).isEqualTo("DB_URL");
        assertThat(e.getMessage()).startsWith("setting DB_URL must be an H2 (jdbc:h2:...) or PostgreSQL");
    }

    @Test
    void aDelayedH2WriteIsRejected() {
        InvalidSettingException e = rejected("DB_URL", "jdbc:h2:file:./data/bot;WRITE_DELAY=500");

        assertThat(e.key()).isEqualTo("DB_URL");
        assertThat(e.getMessage()).contains("WRITE_DELAY");
        assertThat(config("DB_URL", "jdbc:h2:file:./data/bot;WRITE_DELAY=0").dbUrl())
                .endsWith("WRITE_DELAY=0");
    }

    @Test
    void credentialsBeforeTheHostAreRejectedWithoutEchoingThem() {
        InvalidSettingException e = rejected("DB_URL", "jdbc:postgresql://consul:hunter2@db:5432/consular");

        assertThat(e.key()).isEqualTo("DB_URL");
        assertThat(e.getMessage()).contains("DB_USER").contains("DB_PASSWORD").doesNotContain("hunter2");
        // An @ after the host (a parameter value) is not credentials.
        assertThat(config("DB_URL", "jdbc:postgresql://db/consular?user=a@b").dbUrl())
                .endsWith("user=a@b");
    }

    @Test
    void theFirstBadSettingIsReportedEvenWhenOthersAreFine() {
        assertThatThrownBy(() -> config("DB_POOL_SIZE", "8", "RETENTION_DAYS", "0", "RATE_LIMIT_PER_MINUTE", "20"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("RETENTION_DAYS");
    }

    @Test
    void theAdminListenerIsOnLoopbackApartFromTheSite() {
        WebConfig defaults = WebConfig.from(Settings.load(Map.of(), Path.of("nonexistent.env")));
        assertThat(defaults)
                .extracting(WebConfig::host, WebConfig::port, WebConfig::adminHost, WebConfig::adminPort)
                .containsExactly("127.0.0.1", 8080, "127.0.0.1", 8081);
        assertThatThrownBy(() -> WebConfig.from(
                        Settings.load(Map.of("HTTP_PORT", "9000", "ADMIN_PORT", "9000"), Path.of("nonexistent.env"))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("ADMIN_PORT")
                .hasMessageContaining("HTTP_PORT");
        assertThatThrownBy(() ->
                        WebConfig.from(Settings.load(Map.of("ADMIN_HOST", "not a host!"), Path.of("nonexistent.env"))))
                .hasMessageContaining("ADMIN_HOST");
    }
}
