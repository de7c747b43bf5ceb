package org.consularbot.channel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Telegram Bot API peer for end-to-end tests: the npm package telegram-test-api behind our launcher
 * ({@code src/test/telegram-emulator}, installed by the Maven build), started on 127.0.0.1 at a free port. Tests
 * act as Telegram users through its client API and read what the bot sent. The emulator dies with the JVM: it
 * exits when its stdin, held here, closes.
 */
public final class TelegramEmulator implements AutoCloseable {

    private static final Path HOME = Path.of("src/test/telegram-emulator");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TelegramEmulator(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static TelegramEmulator start() {
        if (!Files.isDirectory(HOME.resolve("node_modules/telegram-test-api"))) {
            throw new IllegalStateException("the Telegram emulator is not installed: run `npm ci` in " + HOME
                    + " (the Maven build does it in generate-test-resources)");
        }
        try {
            Process process = new ProcessBuilder("node", "launcher.mjs")
                    .directory(HOME.toFile())
                    .redirectError(ProcessBuilder.Redirect.appendTo(
                            Path.of("target/telegram-emulator.log").toFile()))
                    .start();
            BufferedReader ready =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = ready.readLine();
            if (line == null) {
                throw new IllegalStateException(
                        "the Telegram emulator exited at start; see target/telegram-emulator.log");
            }
            return new TelegramEmulator(
                    process, JSON.readTree(line).path("port").asInt());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start node for the Telegram emulator", e);
        }
    }

    /** The Bot API base URL to give the bot ({@code TELEGRAM_API_URL}). */
    public String apiUrl() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * The settings of a bot that long-polls this emulator as {@code token} and keeps its data at {@code dbUrl}, with a
     * 1 s poll so that a test never waits long on one; a mutable map, for the test to add its own settings.
     */
    public Map<String, String> pollingBotSettings(String token, String dbUrl) {
        return new HashMap<>(Map.of(
                "DB_URL",
                dbUrl,
                "TELEGRAM_BOT_TOKEN",
                token,
                "TELEGRAM_API_URL",
                apiUrl(),
                "TELEGRAM_POLL_TIMEOUT_SECONDS",
                "1"));
    }

    /**
     * A citizen writes text in a private chat (chat id = user id, as Telegram does); returns the update's id, which
     * the bot acknowledges by polling with an offset past it.
     */
    public long userSays(String token, long userId, String text) {
        String route = text.startsWith("/") ? "/sendCommand" : "/sendMessage";
        return post(
                        route,
                        JSON.createObjectNode()
                                .put("botToken", token)
                                .put("text", text)
                                .<ObjectNode>set("from", user(userId))
                                .set("chat", privateChat(userId)))
                .path("result")
                .path("update_id")
                .asLong(-1);
    }

    /**
     * The highest offset the bot has polled with: Telegram takes every update below it as received and never sends
     * it again.
     */
    public long acknowledgedBelow(String token) {
        return post("/test/acknowledged", JSON.createObjectNode().put("token", token))
                .path("result")
                .path("offset")
                .asLong(0);
    }

    /** A citizen presses the inline button carrying {@code data} under the bot's newest message that has it. */
    public void userPresses(String token, long userId, String data) {
        userPresses(token, userId, userId, data);
    }

    /** A user presses a button under the bot's newest message in {@code chatId} (a group) that carries {@code data}. */
    public void userPresses(String token, long userId, long chatId, String data) {
        post(
                "/sendCallback",
                JSON.createObjectNode()
                        .put("botToken", token)
                        .put("chatId", chatId)
                        .put("data", data)
                        .set("from", user(userId)));
    }

    /** Any raw update, as Telegram would deliver it (stickers, edits, group messages). */
    public void inject(String token, JsonNode update) {
        post("/test/inject-update", JSON.createObjectNode().put("token", token).set("update", update));
    }

    /** Waits until the bot has sent {@code count} new messages to the chat (or 15 s pass) and returns them. */
    public List<JsonNode> botMessages(String token, long chatId, int count) {
        List<JsonNode> messages = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (messages.size() < count && System.nanoTime() < deadline) {
            JsonNode answer = post(
                    "/getUpdates",
                    JSON.createObjectNode()
                            .put("token", token)
                            .put("chatId", chatId)
                            .put("timeout", 1));
            answer.path("result").forEach(update -> messages.add(withId(update)));
        }
        return messages;
    }

    /** The bot's request body, with the message id the emulator gave it as {@code message_id}. */
    private static JsonNode withId(JsonNode update) {
        ObjectNode message = update.path("message").deepCopy();
        message.put("message_id", update.path("messageId").asLong());
        return message;
    }

    /** Every message the bot sent to the chat that nobody has read yet, after waiting {@code quiet} for stragglers. */
    public List<JsonNode> moreBotMessages(String token, long chatId, Duration quiet) {
        sleep(quiet);
        List<JsonNode> messages = new ArrayList<>();
        post("/getUpdates", JSON.createObjectNode().put("token", token).put("chatId", chatId))
                .path("result")
                .forEach(update -> messages.add(update.path("message")));
        return messages;
    }

    /** The Bot API calls the bot made, of one method (any case), oldest first, with their JSON bodies. */
    public List<JsonNode> calls(String method) {
        List<JsonNode> calls = new ArrayList<>();
        post("/test/calls", JSON.createObjectNode().put("method", method))
                .path("result")
                .forEach(calls::add);
        return calls;
    }

    /** The next {@code count} calls of {@code method} fail with Telegram's error for {@code status}. */
    public void failNext(String method, int status, int retryAfterSeconds, int count) {
        ObjectNode body = JSON.createObjectNode()
                .put("method", method)
                .put("status", status)
                .put("count", count);
        if (retryAfterSeconds > 0) {
            body.put("retry_after", retryAfterSeconds);
        }
        post("/test/fail-next", body);
    }

    /** Until {@code count} have failed, each call of {@code method} fails with {@code status} with chance {@code probability}. */
    public void failRandomly(String method, int status, double probability, int count) {
        post(
                "/test/fail-next",
                JSON.createObjectNode()
                        .put("method", method)
                        .put("status", status)
                        .put("count", count)
                        .put("probability", probability));
    }

    /** The next {@code count} calls of {@code method} are answered normally, {@code millis} late. */
    public void delayNext(String method, int millis, int count) {
        post(
                "/test/delay-next",
                JSON.createObjectNode().put("method", method).put("ms", millis).put("count", count));
    }

    /** Clears every fault and delay rule still waiting. */
    public void stopFailing() {
        post("/test/reset-faults", JSON.createObjectNode());
    }

    private static ObjectNode user(long id) {
        return JSON.createObjectNode()
                .put("id", id)
                .put("is_bot", false)
                .put("first_name", "Citizen" + id)
                .put("language_code", "vi");
    }

    private static ObjectNode privateChat(long id) {
        return JSON.createObjectNode().put("id", id).put("type", "private").put("first_name", "Citizen" + id);
    }

    private JsonNode post(String route, JsonNode body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl() + route))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "emulator " + route + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // the process is being stopped anyway
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
