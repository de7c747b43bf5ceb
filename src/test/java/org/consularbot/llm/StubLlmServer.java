package org.consularbot.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on port 0 speaking the OpenAI chat-completions API ({@code POST /v1/chat/completions}) and
 * Ollama's ({@code POST /api/chat}), recording every request body. By default it answers like a faithful model
 * (first sentence of passage [1], cited); tests make it slow, fail, or talk nonsense.
 */
public final class StubLlmServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    public final List<String> requests = new CopyOnWriteArrayList<>();
    volatile int status = 200;
    volatile Duration delay = Duration.ZERO;
    volatile String rawBody;
    private final HttpServer server;

    public StubLlmServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "stub-llm");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/v1/chat/completions", exchange -> answer(exchange, false));
        server.createContext("/api/chat", exchange -> answer(exchange, true));
        server.start();
    }

    public String openAiBaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    String ollamaBaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange, boolean ollama) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(body);
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String response;
        if (rawBody != null) {
            response = rawBody;
        } else if (status != 200) {
            response = "{\"error\":{\"message\":\"internal error\",\"type\":\"server_error\"}}";
        } else {
            String user = "";
            for (JsonNode message : JSON.readTree(body).path("messages")) {
                if (message.path("role").asText().equals("user")) {
                    user = message.path("content").asText();
                }
            }
            String content = FaithfulModel.firstSentenceOfPassageOne(user) + " [1]";
            ObjectNode out = JSON.createObjectNode();
            if (ollama) {
                out.put("model", "stub")
                        .put("created_at", "2026-11-29T10:00:00Z")
                        .put("done", true)
                        .put("done_reason", "stop");
                out.putObject("message").put("role", "assistant").put("content", content);
            } else {
                out.put("id", "chatcmpl-1")
                        .put("object", "chat.completion")
                        .put("created", 1_790_000_000L)
                        .put("model", "stub");
                ObjectNode choice =
                        out.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
                choice.putObject("message").put("role", "assistant").put("content", content);
                out.putObject("usage")
                        .put("prompt_tokens", 10)
                        .put("completion_tokens", 10)
                        .put("total_tokens", 20);
            }
            response = out.toString();
        }
        byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            // the client gave up (timeout test)
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
