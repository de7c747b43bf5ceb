package org.consularbot.channel.zalo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A stand-in for Zalo's OA API and OAuth on 127.0.0.1, port 0: records every message sent and every token refresh;
 * refresh tokens rotate (r1 → r2 → r3 …) and a used one is refused, as Zalo's are single-use.
 */
public final class StubZaloServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A message the bot sent: to whom, what, with which access token. */
    public record Sent(String userId, String text, String accessToken) {}

    public final List<Sent> sent = new CopyOnWriteArrayList<>();
    public final List<Map<String, String>> refreshes = new CopyOnWriteArrayList<>();
    private final AtomicInteger generation = new AtomicInteger(1);
    private final HttpServer server;
    public volatile long expiresInSeconds = 90_000;
    /** How long a refresh takes to answer: long enough, and instances asking at once overlap. */
    public volatile Duration refreshDelay = Duration.ZERO;

    public StubZaloServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v3.0/oa/message/cs", this::message);
        server.createContext("/v4/oa/access_token", this::token);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<String> textsTo(String userId) {
        return sent.stream()
                .filter(s -> s.userId().equals(userId))
                .map(Sent::text)
                .toList();
    }

    private void message(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        String token = exchange.getRequestHeaders().getFirst("access_token");
        if (token == null || !token.startsWith("access-")) {
            answer(exchange, "{\"error\":-216,\"message\":\"Access token is invalid\"}");
            return;
        }
        sent.add(new Sent(
                body.path("recipient").path("user_id").asText(),
                body.path("message").path("text").asText(),
                token));
        answer(exchange, "{\"error\":0,\"message\":\"Success\",\"data\":{\"message_id\":\"m" + sent.size() + "\"}}");
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = Arrays.stream(
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        p -> p[0], p -> URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8)));
        form.put("secret_key", String.valueOf(exchange.getRequestHeaders().getFirst("secret_key")));
        refreshes.add(form);
        try {
            Thread.sleep(refreshDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int current = generation.get();
        if (!("r" + current).equals(form.get("refresh_token"))) {
            answer(exchange, "{\"error\":-14014,\"error_name\":\"Invalid refresh token\"}");
            return;
        }
        int next = generation.incrementAndGet();
        answer(
                exchange,
                "{\"access_token\":\"access-" + next + "\",\"refresh_token\":\"r" + next + "\",\"expires_in\":\""
                        + expiresInSeconds + "\"}");
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
