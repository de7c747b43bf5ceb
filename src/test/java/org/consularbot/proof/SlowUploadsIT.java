package org.consularbot.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proof: the packaged jar's {@code /health} keeps answering at once while 250 connections upload a Zalo webhook
 * body one byte a second. The Zalo signature covers the body, so the route must read a call that looks signed before
 * it can refuse it (the uploads carry a well-formed, wrong signature; an unsigned one is refused at once); before webhook bodies were bounded (a few readers at once, each within a deadline), such uploads held every
 * server thread and {@code /health} timed out (10 s) for everyone.
 */
class SlowUploadsIT {

    private static final int UPLOADS = 250;
    private static final int HEALTH_CHECKS = 200;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void healthAnswersWithinHalfASecondWhile250SlowUploadsHangOnTheZaloWebhook() throws Exception {
        Path data = Files.createTempDirectory("proof-slow-");
        Map<String, String> env = Map.of(
                "DB_URL", "jdbc:h2:file:" + data.resolve("consular-bot").toAbsolutePath(),
                "ZALO_APP_ID", "1234567890",
                "ZALO_APP_SECRET", "proof-app-secret",
                "ZALO_OA_SECRET_KEY", "proof-oa-secret",
                "ZALO_REFRESH_TOKEN", "proof-refresh",
                // Nothing is sent in this proof; a closed port makes any token refresh fail fast.
                "ZALO_API_URL", "http://127.0.0.1:9",
                "ZALO_OAUTH_URL", "http://127.0.0.1:9");
        List<Socket> uploads = new ArrayList<>();
        try (BotProcess bot = BotProcess.start("slow-uploads", env)) {
            for (int i = 0; i < UPLOADS; i++) {
                uploads.add(startUpload(bot.port()));
            }
            Thread trickle = new Thread(() -> trickle(uploads), "trickle");
            trickle.setDaemon(true);
            trickle.start();
            ProofReport.pause(Duration.ofSeconds(2)); // every upload reaches the server and its route

            long[] millis = new long[HEALTH_CHECKS];
            int answered = 0;
            for (int i = 0; i < HEALTH_CHECKS; i++) {
                long start = System.nanoTime();
                if (health(bot.port()) == 200) {
                    answered++;
                }
                millis[i] = (System.nanoTime() - start) / 1_000_000;
                ProofReport.pause(Duration.ofMillis(100));
            }
            Arrays.sort(millis);
            long p95 = millis[(int) Math.ceil(HEALTH_CHECKS * 0.95) - 1];
            long refused = uploads.stream().filter(SlowUploadsIT::answered).count();
            ProofReport.record(
                    "slow-uploads",
                    UPLOADS + " uploads of a Zalo webhook body at 1 byte/s on the packaged jar",
                    "/health answered " + answered + " of " + HEALTH_CHECKS + ", p95 " + p95 + " ms, max "
                            + millis[HEALTH_CHECKS - 1] + " ms; uploads refused or cut off by then " + refused);

            assertThat(answered).isEqualTo(HEALTH_CHECKS);
            assertThat(p95).as("/health p95, ms").isLessThan(500);
            assertThat(bot.alive()).isTrue();
        } finally {
            for (Socket socket : uploads) {
                socket.close();
            }
        }
    }

    /** Headers announcing a 100 kB body, and its first bytes. */
    private static Socket startUpload(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /webhooks/zalo HTTP/1.1\r\nHost: localhost\r\nX-ZEvent-Signature: mac="
                        + "0".repeat(64) + "\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** One more byte a second on every upload, so none is ever idle long enough to time out. */
    private static void trickle(List<Socket> uploads) {
        while (!Thread.currentThread().isInterrupted()) {
            for (Socket socket : uploads) {
                try {
                    socket.getOutputStream().write(' ');
                    socket.getOutputStream().flush();
                } catch (IOException e) {
                    // the server cut this upload off: that is what it should do
                }
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Whether the server answered the upload (refused it or cut it off) rather than still waiting for it. */
    private static boolean answered(Socket upload) {
        try {
            return upload.getInputStream().available() > 0;
        } catch (IOException e) {
            return true;
        }
    }

    private static int health(int port) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
