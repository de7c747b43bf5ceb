package org.consularbot.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The smallest Bot API that lets instances run in webhook mode for a load benchmark: answers every method at
 * once with success and records when each chat's first reply arrived. Telegram's own latency and limits are
 * left out on purpose: the benchmark measures the service.
 */
final class StubBotApi implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<Long, Long> firstReplyNanos = new ConcurrentHashMap<>();
    private final Map<Long, Integer> replies = new ConcurrentHashMap<>();
    private final AtomicLong messageIds = new AtomicLong();

    private StubBotApi(HttpServer server) {
        this.server = server;
    }

    static StubBotApi start() {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK: every
        // call would take 40 ms, and the benchmark would measure that (about 120 replies/s over five connections).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
            StubBotApi api = new StubBotApi(server);
            server.createContext("/", api::handle);
            server.setExecutor(Executors.newFixedThreadPool(8, task -> {
                Thread thread = new Thread(task, "stub-bot-api");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        byte[] body = exchange.getRequestBody().readAllBytes();
        String result;
        switch (method) {
            case "getme" ->
                result = "{\"id\":7000003,\"is_bot\":true,\"first_name\":\"Bench\",\"username\":\"BenchBot\"}";
            case "sendmessage" -> {
                JsonNode request = JSON.readTree(body);
                long chat = Long.parseLong(request.path("chat_id").asText("0"));
                firstReplyNanos.putIfAbsent(chat, arrived);
                replies.merge(chat, 1, Integer::sum);
                result = "{\"message_id\":" + messageIds.incrementAndGet() + ",\"date\":"
                        + System.currentTimeMillis() / 1000 + ",\"chat\":{\"id\":" + chat
                        + ",\"type\":\"private\"},\"text\":\"ok\"}";
            }
            default -> result = "true";
        }
        byte[] answer = ("{\"ok\":true,\"result\":" + result + "}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    /** When the first reply to {@code chat} arrived ({@link System#nanoTime()}), if one has. */
    Long firstReply(long chat) {
        return firstReplyNanos.get(chat);
    }

    int replies(long chat) {
        return replies.getOrDefault(chat, 0);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
