package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.consularbot.advisory.Subscriber;
import org.consularbot.channel.zalo.StubZaloServer;
import org.consularbot.config.BotConfig;
import org.consularbot.config.Settings;
import org.consularbot.config.WebConfig;
import org.consularbot.config.ZaloConfig;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.faq.TestCorpora;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Zalo channel end to end: signed webhook calls to the service's HTTP server (port 0), answers going out
 * through a stub of Zalo's OA API and OAuth (port 0); forged and stale calls refused; redeliveries answered once;
 * the reply window; consent withdrawal; the rotating refresh token surviving a restart.
 */
class ZaloEndToEndTest {

    static final String APP = "2553000111";
    static final String OA_SECRET = "oa-secret-for-tests";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private StubZaloServer zalo;
    private RunningBot bot;
    private String db;

    @BeforeEach
    void start() throws Exception {
        zalo = new StubZaloServer();
        db = "jdbc:h2:mem:zalo" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        bot = startBot(Map.of());
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        zalo.close();
    }

    private RunningBot startBot(Map<String, String> extra) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of(
                "DB_URL",
                db,
                "ZALO_APP_ID",
                APP,
                "ZALO_APP_SECRET",
                "app-secret",
                "ZALO_OA_SECRET_KEY",
                OA_SECRET,
                "ZALO_REFRESH_TOKEN",
                "r1",
                "ZALO_API_URL",
                zalo.url(),
                "ZALO_OAUTH_URL",
                zalo.url(),
                "HTTP_PORT",
                "0",
                "ADMIN_PORT",
                "0",
                "RATE_LIMIT_PER_MINUTE",
                "0"));
        env.putAll(extra);
        Settings settings = Settings.load(TestCorpora.withModelCache(env), Path.of("target/no-such.env"));
        Clock clock = Clock.systemUTC();
        return RunningBot.start(
                BotConfig.from(settings),
                Optional.empty(),
                ZaloConfig.from(settings),
                WebConfig.from(settings),
                new CorpusSource(settings, clock),
                new PrintWriter(new StringWriter()),
                clock,
                Duration.ZERO);
    }

    static String event(String name, String sender, String msgId, String text, Instant at) {
        ObjectNode event = JSON.createObjectNode()
                .put("event_name", name)
                .put("app_id", APP)
                .put("timestamp", String.valueOf(at.toEpochMilli()));
        event.putObject("sender").put("id", sender);
        event.putObject("recipient").put("id", "3662000000000000001");
        if (name.equals("follow") || name.equals("unfollow")) {
            event.putObject("follower").put("id", sender);
        } else {
            event.putObject("message").put("text", text).put("msg_id", msgId);
        }
        return event.toString();
    }

    static String sign(String body, String secret) throws Exception {
        String timestamp = JSON.readTree(body).path("timestamp").asText();
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest((APP + body + timestamp + secret).getBytes(StandardCharsets.UTF_8));
        return "mac=" + HexFormat.of().formatHex(digest);
    }

    private int post(String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + bot.webPort().orElseThrow() + "/webhooks/zalo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("X-ZEvent-Signature", signature);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private List<String> awaitTexts(String user, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (zalo.textsTo(user).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(300); // and nothing more arrives
        return zalo.textsTo(user);
    }

    @Test
    void aSignedQuestionIsAnsweredThroughTheOaApi() throws Exception {
        String body = event(
                "user_send_text", "6142000000000000001", "msg-1", "ho chieu het han lam lai o dau", Instant.now());

        assertThat(post(body, sign(body, OA_SECRET))).isEqualTo(200);

        assertThat(awaitTexts("6142000000000000001", 1))
                .singleElement()
                .satisfies(text -> assertThat(text).contains("hộ chiếu", "Nguồn:"));
        assertThat(zalo.sent.get(0).accessToken()).isEqualTo("access-2");
        assertThat(zalo.refreshes).singleElement().satisfies(form -> {
            assertThat(form)
                    .containsEntry("app_id", APP)
                    .containsEntry("grant_type", "refresh_token")
                    .containsEntry("refresh_token", "r1");
            assertThat(form).containsEntry("secret_key", "app-secret");
        });
    }

    @Test
    void forgedTamperedAndStaleCallsAreRefusedAndNothingIsStored() throws Exception {
        String user = "6142000000000000002";
        String body = event("user_send_text", user, "msg-2", "toi bi bat", Instant.now());
        String stale = event(
                "user_send_text", user, "msg-3", "toi bi bat", Instant.now().minus(Duration.ofMinutes(10)));

        assertThat(post(body, sign(body, "not-the-oa-secret"))).isEqualTo(401);
        assertThat(post(body, null)).isEqualTo(401);
        assertThat(post(body.replace("toi bi bat", "toi bi cuop"), sign(body, OA_SECRET)))
                .isEqualTo(401);
        assertThat(post(stale, sign(stale, OA_SECRET))).isEqualTo(401);
        assertThat(post("{not json", "mac=" + "0".repeat(64))).isEqualTo(400);

        assertThat(awaitTexts(user, 0)).isEmpty();
        assertThat(bot.assembly().store.find(new ConversationKey("zalo", user))).isEmpty();
    }

    /**
     * Sends the headers of a call and the first bytes of its body, then nothing more (the connection stays open), and
     * returns the status line the service answers, or a timeout.
     */
    private String statusOfACallWhoseBodyNeverEnds(String signatureHeader) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", bot.webPort().orElseThrow())) {
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /webhooks/zalo HTTP/1.1\r\nHost: localhost\r\n" + signatureHeader
                            + "Content-Type: application/json\r\nContent-Length: 10000\r\n\r\n{\"event_name\":")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            try {
                String status = in.readLine();
                return status + " after " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms";
            } catch (SocketTimeoutException e) {
                return "no answer within 2 s";
            }
        }
    }

    @Test
    // Regression (issue 17 review): the Zalo route read the whole body before looking at the signature, so an
    // unsigned call trickling its body held a body reader (and a server thread) for up to 10 s.
    void aCallWithoutAWellFormedSignatureIsRefusedBeforeItsBodyIsRead() throws Exception {
        assertThat(statusOfACallWhoseBodyNeverEnds("")).startsWith("HTTP/1.1 401");
        assertThat(statusOfACallWhoseBodyNeverEnds("X-ZEvent-Signature: mac=00\r\n"))
                .startsWith("HTTP/1.1 401");
        assertThat(statusOfACallWhoseBodyNeverEnds("X-ZEvent-Signature: hello\r\n"))
                .startsWith("HTTP/1.1 401");
    }

    @Test
    void aRedeliveredEventIsAnsweredOnce() throws Exception {
        String user = "6142000000000000003";
        String body = event("user_send_text", user, "msg-4", "/help", Instant.now());

        assertThat(post(body, sign(body, OA_SECRET))).isEqualTo(200);
        assertThat(post(body, sign(body, OA_SECRET))).isEqualTo(200);

        assertThat(awaitTexts(user, 1)).hasSize(1);
    }

    @Test
    void aNewFollowerIsWelcomedAndAWithdrawalDeletesTheirConversation() throws Exception {
        String user = "6142000000000000004";
        String follow = event("follow", user, null, null, Instant.now());
        assertThat(post(follow, sign(follow, OA_SECRET))).isEqualTo(200);
        assertThat(awaitTexts(user, 1))
                .singleElement()
                .satisfies(text -> assertThat(text).contains("Xin chào", TestCorpora.HOTLINE));

        String withdraw = event("user_withdraw", user, "w-1", "", Instant.now());
        assertThat(post(withdraw, sign(withdraw, OA_SECRET))).isEqualTo(200);

        assertThat(bot.assembly().store.find(new ConversationKey("zalo", user))).isEmpty();
        assertThat(bot.assembly().store.keptCounts()).containsKey("conversations.opened");
        assertThat(bot.assembly().tickets.eventsWithoutTicket()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("consent-withdrawn");
            assertThat(e.detail()).doesNotContain(user);
        });
    }

    @Test
    void aFollowerConfirmsTheSubscriptionByWritingUnfollowingWithdrawsItAndAWithdrawalDeletesIt() throws Exception {
        String user = "6142000000000000019";
        Subscriber subscriber = new Subscriber("zalo", user);
        String follow = event("follow", user, null, null, Instant.now());
        assertThat(post(follow, sign(follow, OA_SECRET))).isEqualTo(200);
        assertThat(awaitTexts(user, 1))
                .singleElement()
                .satisfies(text -> assertThat(text).contains("/subscribe"));
        assertThat(bot.assembly().subscriptions.find(subscriber))
                .as("following alone is no consent")
                .isEmpty();

        int n = 0;
        for (String text : List.of("/subscribe", "Hàn Quốc", "Seoul")) {
            String body = event("user_send_text", user, "sub-" + ++n, text, Instant.now());
            assertThat(post(body, sign(body, OA_SECRET))).isEqualTo(200);
            awaitTexts(user, 1 + n);
        }

        assertThat(zalo.textsTo(user).get(3)).contains("Đã đăng ký", "Hàn Quốc (Seoul)");
        assertThat(bot.assembly().subscriptions.find(subscriber).orElseThrow().active())
                .isTrue();

        String unfollow = event("unfollow", user, null, null, Instant.now());
        assertThat(post(unfollow, sign(unfollow, OA_SECRET))).isEqualTo(200);
        assertThat(bot.assembly().subscriptions.find(subscriber).orElseThrow().active())
                .as("the OA can no longer write: withdrawn")
                .isFalse();
        assertThat(bot.assembly().subscriptions.find(subscriber).orElseThrow().withdrawnAt())
                .isPresent();

        String withdraw = event("user_withdraw", user, "w-19", "", Instant.now());
        assertThat(post(withdraw, sign(withdraw, OA_SECRET))).isEqualTo(200);
        assertThat(bot.assembly().subscriptions.find(subscriber)).isEmpty();
    }

    @Test
    void aReplyOutsideTheWindowIsHeldTheOfficersAreToldAndItGoesWhenTheCitizenWritesAgain() throws Exception {
        bot.close();
        bot = startBot(Map.of("ZALO_WINDOW_HOURS", "1", "ZALO_WEBHOOK_MAX_AGE_SECONDS", "86400"));
        String user = "6142000000000000005";
        String old =
                event("user_send_text", user, "msg-5", "/help", Instant.now().minus(Duration.ofHours(2)));

        assertThat(post(old, sign(old, OA_SECRET))).isEqualTo(200);
        assertThat(awaitTexts(user, 0))
                .as("held: the window closed an hour ago")
                .isEmpty();
        assertThat(bot.assembly().officerOutbox.unsent(10))
                .anySatisfy(m -> assertThat(m.text()).contains("reply window is closed"));

        String fresh = event("user_send_text", user, "msg-6", "/lang en", Instant.now());
        assertThat(post(fresh, sign(fresh, OA_SECRET))).isEqualTo(200);

        List<String> texts = awaitTexts(user, 2);
        assertThat(texts).hasSize(2);
        assertThat(texts.get(0)).as("the held reply first").contains("Cách dùng");
    }

    @Test
    void theRotatedRefreshTokenIsStoredAndUsedAfterARestart() throws Exception {
        zalo.expiresInSeconds = 60; // expires within the refresh margin: every send refreshes
        String user = "6142000000000000006";
        String first = event("user_send_text", user, "msg-7", "/help", Instant.now());
        post(first, sign(first, OA_SECRET));
        awaitTexts(user, 1);

        bot.close();
        bot = startBot(Map.of()); // ZALO_REFRESH_TOKEN is still r1 in the environment: the stored r2 must win
        String second = event("user_send_text", user, "msg-8", "/start", Instant.now());
        post(second, sign(second, OA_SECRET));

        assertThat(awaitTexts(user, 2)).hasSize(2);
        assertThat(zalo.refreshes).extracting(form -> form.get("refresh_token")).containsExactly("r1", "r2");
    }
}
