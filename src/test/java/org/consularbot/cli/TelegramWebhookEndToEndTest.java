package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consularbot.channel.telegram.TelegramUpdateJson.privateMessage;
import static org.consularbot.cli.TelegramEndToEndTest.TOKEN;
import static org.consularbot.cli.TelegramEndToEndTest.buttons;
import static org.consularbot.cli.TelegramEndToEndTest.only;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.consularbot.channel.telegram.TelegramEmulator;
import org.consularbot.channel.telegram.TelegramUpdateJson;
import org.consularbot.channel.telegram.TelegramWebhook;
import org.consularbot.conversation.ConversationKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhook mode end to end: the service registers its webhook with the secret, then real update JSON is posted to
 * its HTTP server (port 0) with the right secret, a wrong one, none, and a broken body.
 */
class TelegramWebhookEndToEndTest {

    private static final String SECRET = "webhook-secret-0123456789abcdef";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static TelegramEmulator telegram;
    static RunningBot bot;

    @BeforeAll
    static void start() throws Exception {
        telegram = TelegramEmulator.start();
        bot = TelegramEndToEndTest.startBot(
                telegram,
                Map.of(
                        "TELEGRAM_WEBHOOK_URL",
                        "http://127.0.0.1/webhooks/telegram",
                        "TELEGRAM_WEBHOOK_SECRET",
                        SECRET,
                        "HTTP_PORT",
                        "0",
                        "ADMIN_PORT",
                        "0"));
    }

    @AfterAll
    static void stop() {
        if (bot != null) {
            bot.close();
        }
        if (telegram != null) {
            telegram.close();
        }
    }

    @Test
    void theWebhookIsRegisteredWithItsSecret() {
        JsonNode call = telegram.calls("setWebhook").get(0).path("body");

        assertThat(call.path("url").asText()).isEqualTo("http://127.0.0.1/webhooks/telegram");
        assertThat(call.path("secret_token").asText()).isEqualTo(SECRET);
    }

    @Test
    void anUpdateWithTheSecretIsStoredAndAnswered() throws Exception {
        long citizen = 61_001;
        HttpResponse<String> response = post(update(900_001, citizen, "ho chieu het han lam lai o dau"), SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(buttons(only(telegram.botMessages(TOKEN, citizen, 1))))
                .first()
                .isEqualTo("fb:+:passport.issue.renew-abroad");
    }

    @Test
    void theSameUpdateDeliveredTwiceIsAnsweredOnce() throws Exception {
        long citizen = 61_002;
        String update = update(900_002, citizen, "/help");

        assertThat(post(update, SECRET).statusCode()).isEqualTo(200);
        assertThat(post(update, SECRET).statusCode()).isEqualTo(200);

        assertThat(telegram.botMessages(TOKEN, citizen, 1)).hasSize(1);
        assertThat(telegram.moreBotMessages(TOKEN, citizen, Duration.ofSeconds(1)))
                .isEmpty();
    }

    @Test
    void aWrongOrMissingSecretIs401AndNothingIsStored() throws Exception {
        long citizen = 61_003;
        String update = update(900_003, citizen, "toi bi bat");

        assertThat(post(update, "not-the-secret-at-all-000000").statusCode()).isEqualTo(401);
        assertThat(post(update, null).statusCode()).isEqualTo(401);

        assertThat(telegram.moreBotMessages(TOKEN, citizen, Duration.ofMillis(500)))
                .isEmpty();
        assertThat(bot.assembly().store.find(new ConversationKey("telegram", String.valueOf(citizen))))
                .isEmpty();
    }

    @Test
    void aBodyThatIsNotAnUpdateIs400() throws Exception {
        assertThat(post("{not json", SECRET).statusCode()).isEqualTo(400);
        assertThat(post("[1,2,3]", SECRET).statusCode()).isEqualTo(400);
        assertThat(post("{\"message\":{\"text\":\"no update id\"}}", SECRET).statusCode())
                .isEqualTo(400);
    }

    @Test
    void healthReadinessAndMetricsAnswerOnTheAdminListenerAndOnlyHealthOnTheSite() throws Exception {
        assertThat(get("/health").statusCode()).isEqualTo(200);
        assertThat(site("/health").statusCode()).isEqualTo(200);
        assertThat(site("/metrics").statusCode())
                .as("the bot's figures are not behind the proxy")
                .isEqualTo(404);
        assertThat(site("/ready").statusCode()).isEqualTo(404);
        assertThat(get("/ready")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).startsWith("ready (database checked ");
        });
        post(update(900_010, 61_010, "ho chieu het han lam lai o dau"), SECRET);
        telegram.botMessages(TOKEN, 61_010, 1);

        // The turn is counted once its reply is sent, so the emulator may hold the reply a moment before the count.
        String[] expected = {
            "consular_messages_answered_total{channel=\"telegram\",outcome=\"answer\"}",
            "consular_replies_total{channel=\"telegram\",result=\"delivered\"}",
            "consular_turn_seconds",
            "consular_outbox_backlog",
            "consular_tickets_open"
        };
        assertThat(metricsOnceTheyHold(expected)).contains(expected);
    }

    private static String metricsOnceTheyHold(String... expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String metrics = get("/metrics").body();
        while (!Arrays.stream(expected).allMatch(metrics::contains) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            metrics = get("/metrics").body();
        }
        return metrics;
    }

    /** From the admin listener. */
    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + bot.adminPort().orElseThrow() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> site(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String update(long updateId, long citizen, String text) {
        return TelegramUpdateJson.update(updateId, privateMessage(citizen, text).put("message_id", updateId))
                .toString();
    }

    private static HttpResponse<String> post(String body, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + TelegramWebhook.PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (secret != null) {
            request.header(TelegramWebhook.SECRET_HEADER, secret);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String base() {
        return "http://127.0.0.1:" + bot.webPort().orElseThrow();
    }
}
