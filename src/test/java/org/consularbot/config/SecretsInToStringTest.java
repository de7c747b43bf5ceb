package org.consularbot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.consularbot.channel.zalo.ZaloTokens;
import org.consularbot.store.DatabaseSettings;
import org.junit.jupiter.api.Test;

/**
 * Regression (issue 17): the settings records' default toString printed the database password; then (its review) the
 * overrides still printed credentials written into URLs, and a database URL in a start-up error kept its
 * {@code user:password@}.
 */
class SecretsInToStringTest {

    private static final String PASSWORD = "s3cr3t-Pa55";
    private static final String TOKEN = "123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345678";

    /** Every way a URL setting can carry a credential. */
    private static List<String> urlsWithCredentials(String host) {
        return List.of(
                "https://alice:" + PASSWORD + "@" + host + "/v1",
                "https://" + PASSWORD + "@" + host + "/v1",
                "https://" + host + "/v1?api_key=" + PASSWORD,
                "https://" + host + "/v1?key=" + PASSWORD + "&x=1",
                "https://" + host + "/v1?access_token=" + PASSWORD,
                "https://" + host + "/v1?client_secret=" + PASSWORD,
                "https://" + host + "/v1?password=" + PASSWORD);
    }

    private static Settings settings(Map<String, String> env) {
        return Settings.load(env, Path.of("nonexistent.env"));
    }

    @Test
    void theBotConfigNeverPrintsTheDatabasePassword() {
        BotConfig config = BotConfig.from(settings(Map.of(
                "DB_URL",
                "jdbc:postgresql://db.example:5432/bot?password=" + PASSWORD,
                "DB_USER",
                "bot",
                "DB_PASSWORD",
                PASSWORD)));

        assertThat(config.toString()).doesNotContain(PASSWORD).contains("db.example", "as bot", "with a password");
    }

    @Test
    void databaseSettingsNeverPrintThePassword() {
        DatabaseSettings inUrl = new DatabaseSettings(
                "jdbc:h2:mem:x;USER=sa;PASSWORD=" + PASSWORD, Optional.empty(), Optional.empty(), 2);
        DatabaseSettings apart = new DatabaseSettings(
                "jdbc:postgresql://u:" + PASSWORD + "@db/bot", Optional.of("bot"), Optional.of(PASSWORD), 4);

        assertThat(inUrl.toString()).doesNotContain(PASSWORD).contains("jdbc:h2:mem:x", "PASSWORD=***");
        assertThat(apart.toString()).doesNotContain(PASSWORD).contains("with a password", "pool 4");
    }

    @Test
    void theDatabaseUrlInStartUpErrorsHasEveryCredentialMasked() {
        for (String url : List.of(
                "jdbc:postgresql://u:" + PASSWORD + "@db/bot",
                "jdbc:postgresql://" + PASSWORD + "@db/bot",
                "jdbc:postgresql://db/bot?user=me&password=" + PASSWORD,
                "jdbc:postgresql://db/bot?sslpassword=" + PASSWORD,
                "jdbc:h2:mem:x;USER=sa;PASSWORD=" + PASSWORD)) {
            assertThat(new DatabaseSettings(url, Optional.empty(), Optional.empty(), 2).safeUrl())
                    .as(url)
                    .doesNotContain(PASSWORD)
                    .contains("***");
        }
    }

    @Test
    void theLlmSettingsNeverPrintTheKeyNorCredentialsInTheirUrl() {
        List<String> urls = new java.util.ArrayList<>(urlsWithCredentials("llm.example"));
        urls.add("https://llm.example/keys/" + TOKEN + "/v1");
        for (String url : urls) {
            LlmConfig config = LlmConfig.from(settings(
                    Map.of("LLM_PROVIDER", "openai", "LLM_MODEL", "m", "LLM_BASE_URL", url, "LLM_API_KEY", TOKEN)));

            assertThat(config.toString())
                    .as(url)
                    .doesNotContain(PASSWORD)
                    .doesNotContain(TOKEN)
                    .contains("llm.example", "key set");
        }
    }

    @Test
    void theTelegramSettingsNeverPrintTheTokenTheSecretNorCredentialsInTheirUrls() {
        String secret = "webhook-secret-" + PASSWORD;
        List<String> urls = new java.util.ArrayList<>(urlsWithCredentials("bot.example"));
        urls.add("https://bot.example/hook/" + TOKEN);
        urls.add("https://bot.example/hook?s=" + secret);
        for (String url : urls) {
            TelegramConfig config = TelegramConfig.from(settings(Map.of(
                            "TELEGRAM_BOT_TOKEN", TOKEN,
                            "TELEGRAM_WEBHOOK_URL", url,
                            "TELEGRAM_WEBHOOK_SECRET", secret,
                            "TELEGRAM_API_URL", "https://api:" + PASSWORD + "@bot-api.example")))
                    .orElseThrow();

            assertThat(config.toString())
                    .as(url)
                    .doesNotContain(PASSWORD)
                    .doesNotContain(TOKEN.substring(7))
                    .doesNotContain(secret)
                    .contains("bot 123456", "bot.example", "bot-api.example");
        }
    }

    @Test
    void theZaloSettingsNeverPrintTheirSecretsNorCredentialsInTheirUrls() {
        String appSecret = "app-secret-" + PASSWORD;
        String oaSecret = "oa-secret-" + PASSWORD;
        String refresh = "refresh-" + PASSWORD;
        List<String> urls = new java.util.ArrayList<>(urlsWithCredentials("zalo.example"));
        urls.add("https://zalo.example/" + appSecret);
        for (String url : urls) {
            ZaloConfig config = ZaloConfig.from(settings(Map.of(
                            "ZALO_APP_ID", "2553000111",
                            "ZALO_APP_SECRET", appSecret,
                            "ZALO_OA_SECRET_KEY", oaSecret,
                            "ZALO_REFRESH_TOKEN", refresh,
                            "ZALO_API_URL", url,
                            "ZALO_OAUTH_URL", url.replace("zalo.example", "oauth.example"))))
                    .orElseThrow();

            assertThat(config.toString())
                    .as(url)
                    .doesNotContain(PASSWORD)
                    .contains("app 2553000111", "zalo.example", "oauth.example");
        }
    }

    @Test
    void theZaloTokenPairNeverPrintsItsTokens() {
        ZaloTokens.Pair pair = new ZaloTokens.Pair(
                "refresh-" + PASSWORD, Optional.of("access-" + PASSWORD), Optional.of(Instant.EPOCH));

        assertThat(pair.toString()).doesNotContain(PASSWORD).contains("1970-01-01T00:00:00Z");
    }
}
