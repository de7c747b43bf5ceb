package org.consularbot.channel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Bot API over real HTTP that enforces Telegram's limit on messages to one group: {@code perMinute} in any 60 s of
 * the clock it is given (the test's), answering 429 with {@code retry_after} beyond it, as Telegram does. It records
 * what each accepted {@code sendMessage} said and when, and how many it refused.
 */
final class GroupRateLimitStub implements AutoCloseable {

    /** A message the group took. */
    record Posted(Instant at, String text) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Clock clock;
    private final int perMinute;
    private final ArrayDeque<Instant> window = new ArrayDeque<>();
    private final List<Posted> posted = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private int refuseNextFor;

    GroupRateLimitStub(Clock clock, int perMinute) {
        this.clock = clock;
        this.perMinute = perMinute;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Posted> posted() {
        return List.copyOf(posted);
    }

    int refused() {
        return refused.get();
    }

    int calls() {
        return calls.get();
    }

    /** The next call is refused with 429 and this retry_after, whatever the count. */
    synchronized void refuseNext(int retryAfterSeconds) {
        refuseNextFor = retryAfterSeconds;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            calls.incrementAndGet();
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            int status;
            String answer;
            synchronized (this) {
                Instant now = clock.instant();
                while (!window.isEmpty() && !window.peekFirst().isAfter(now.minus(Duration.ofMinutes(1)))) {
                    window.removeFirst();
                }
                long retryAfter = refuseNextFor > 0
                        ? refuseNextFor
                        : window.size() >= perMinute
                                ? Math.max(
                                        1,
                                        Duration.between(now, window.peekFirst().plusSeconds(60))
                                                .toSeconds())
                                : 0;
                refuseNextFor = 0;
                if (retryAfter > 0) {
                    refused.incrementAndGet();
                    status = 429;
                    answer = "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
                            + retryAfter + "\",\"parameters\":{\"retry_after\":" + retryAfter + "}}";
                } else {
                    window.addLast(now);
                    posted.add(new Posted(now, body.path("text").asText()));
                    status = 200;
                    answer = "{\"ok\":true,\"result\":{\"message_id\":" + posted.size() + ",\"date\":"
                            + now.getEpochSecond() + ",\"chat\":{\"id\":"
                            + body.path("chat_id").asText()
                            + ",\"type\":\"supergroup\"},\"text\":\"ok\"}}";
                }
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
