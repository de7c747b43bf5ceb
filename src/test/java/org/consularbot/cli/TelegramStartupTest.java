package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.consularbot.channel.telegram.TelegramEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code serve} stops at start-up, exit 1, naming the setting, when Telegram cannot work; the token never shows. */
class TelegramStartupTest {

    private static final String TOKEN = "7000002:AAsecretPARTofTheToken_9876543210";
    static TelegramEmulator telegram;

    @TempDir
    Path tmp;

    private ChatDb db;

    @BeforeAll
    static void emulator() {
        telegram = TelegramEmulator.start();
    }

    @AfterAll
    static void stop() {
        telegram.close();
    }

    @BeforeEach
    void database() {
        db = new ChatDb(tmp);
    }

    @Test
    void aTokenTelegramRefusesStopsStartUpWithoutPrintingIt() {
        telegram.failNext("getMe", 401, 0, 1);

        CliRun run = CliRun.run(db.env("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_API_URL", telegram.apiUrl()), "serve");

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("setting TELEGRAM_BOT_TOKEN was refused by Telegram (401");
        assertThat(run.out() + run.err()).doesNotContain("AAsecretPARTofTheToken");
    }

    @Test
    void anUnreachableBotApiStopsStartUpNamingTheUrl() {
        CliRun run = CliRun.run(db.env("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_API_URL", "http://127.0.0.1:1"), "serve");

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("setting TELEGRAM_API_URL cannot be reached (http://127.0.0.1:1)");
        assertThat(run.out() + run.err()).doesNotContain("AAsecretPARTofTheToken");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            TELEGRAM_BOT_TOKEN             | not-a-token                  | does not look like a bot token from BotFather
            TELEGRAM_API_URL               | ftp://example.org            | must be an http(s) URL with a host
            TELEGRAM_API_URL               | https://api.example.org/x    | must be scheme, host and port only (no path)
            TELEGRAM_WEBHOOK_URL           | http://bot.example.org/hook  | must be https
            TELEGRAM_WEBHOOK_SECRET        | short                        | must be 16 to 256 of A-Z, a-z, 0-9, _ and -
            TELEGRAM_MAX_SENDS_PER_SECOND  | 0                            | must be from 1 to 1000, not 0
            TELEGRAM_CHAT_SEND_INTERVAL_MS | soon                         | must be a whole number from 0 to 60000
            TELEGRAM_POLL_TIMEOUT_SECONDS  | 90                           | must be from 0 to 50, not 90
            HTTP_PORT                      | 70000                        | must be from 0 to 65535, not 70000
            """)
    void anInvalidTelegramSettingStopsStartUpNamingTheKey(String key, String value, String problem) {
        Map<String, String> env = key.equals("TELEGRAM_BOT_TOKEN")
                ? db.env(key, value)
                : db.env(
                        "TELEGRAM_BOT_TOKEN",
                        TOKEN,
                        key,
                        value,
                        "TELEGRAM_API_URL",
                        key.equals("TELEGRAM_API_URL") ? value : telegram.apiUrl());

        CliRun run = CliRun.run(env, "serve");

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("setting " + key + " " + problem);
        assertThat(db.exists()).as("the database is not touched").isFalse();
    }

    @Test
    void aWebhookWithoutASecretIsRefused() {
        CliRun run = CliRun.run(
                db.env(
                        "TELEGRAM_BOT_TOKEN",
                        TOKEN,
                        "TELEGRAM_WEBHOOK_URL",
                        "https://bot.example.org/webhooks/telegram"),
                "serve");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("setting TELEGRAM_WEBHOOK_SECRET must be set when TELEGRAM_WEBHOOK_URL is");
    }

    @Test
    void serveWithNoChannelSaysWhatToSet() {
        CliRun run = CliRun.run(db.env(), "serve");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("no channel is configured: set TELEGRAM_BOT_TOKEN");
    }
}
