package org.consularbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.consularbot.config.WebConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP server on a real port: webhooks reach their channel, and slow senders cannot take it from the others. */
class WebServerTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final AtomicInteger bodiesRead = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private final List<Socket> slowSenders = new ArrayList<>();
    private final WebServer server = WebServer.start(
            new WebConfig("127.0.0.1", 0),
            List.of(new WebServer.Webhook("/webhooks/test", "X-Signature", (signature, body) -> {
                calls.incrementAndGet();
                if (signature == null) {
                    return 401;
                }
                bodiesRead.addAndGet(body.get().length);
                return 200;
            })),
            () -> "metrics",
            () -> new WebServer.Status(false, "{database=unreachable}"),
            this::liveness);
    private volatile boolean alive = true;

    private WebServer.Status liveness() {
        return new WebServer.Status(alive, alive ? "ok" : "database closed");
    }

    @AfterEach
    void close() throws IOException {
        for (Socket socket : slowSenders) {
            socket.close();
        }
        server.close();
    }

    private HttpResponse<String> post(String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/webhooks/test"))
                        .timeout(Duration.ofSeconds(5))
                        .header("X-Signature", "mac=x")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthFailsWhenTheProcessCanNoLongerServe() throws Exception {
        assertThat(get(server.port(), "/health").statusCode()).isEqualTo(200);
        alive = false;
        assertThat(get(server.port(), "/health")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).isEqualTo("database closed");
        });
        assertThat(get(server.adminPort(), "/health").statusCode()).isEqualTo(503);
    }

    @Test
    void readinessAndMetricsAreOnTheAdminListenerOnly() throws Exception {
        assertThat(server.adminPort()).isNotEqualTo(server.port());
        assertThat(get(server.adminPort(), "/metrics").body()).isEqualTo("metrics");
        HttpResponse<String> ready = get(server.adminPort(), "/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("database");
        assertThat(get(server.adminPort(), "/health").statusCode()).isEqualTo(200);
        assertThat(get(server.port(), "/metrics").statusCode()).isEqualTo(404);
        assertThat(get(server.port(), "/ready").statusCode()).isEqualTo(404);
    }

    private int health() throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** Sends a webhook's headers and the first bytes of a 10 kB body, then nothing more. */
    private void startSlowSender() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        slowSenders.add(socket);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /webhooks/test HTTP/1.1\r\nHost: localhost\r\nX-Signature: mac=x\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 10000\r\n\r\n{\"event")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Test
    void aWebhookBodyReachesItsChannel() throws Exception {
        assertThat(post("{\"event_name\":\"user_send_text\"}").statusCode()).isEqualTo(200);
        assertThat(bodiesRead.get()).isEqualTo(31);
    }

    @Test
    void whileSlowSendersHoldEveryBodyReaderANewCallIsToldToRetryAndHealthStillAnswers() throws Exception {
        for (int i = 0; i < WebServer.BODY_READERS + 8; i++) {
            startSlowSender();
        }
        for (int waited = 0; calls.get() < WebServer.BODY_READERS + 8 && waited < 100; waited++) {
            Thread.sleep(50); // until every slow sender's request has reached its handler
        }
        HttpResponse<String> refused = post("{}");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(health()).isEqualTo(200);
        assertThat(bodiesRead.get()).as("no body read").isZero();
    }

    @Test
    void aCallWithoutItsSignatureIsRefusedBeforeItsBodyIsRead() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/webhooks/test"))
                        .timeout(Duration.ofSeconds(5))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(bodiesRead.get()).isZero();
    }
}
