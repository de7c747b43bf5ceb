package org.consularbot.proof;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load benchmark of the FAQ path on PostgreSQL with one or more instances: this process is the load (Telegram
 * posting updates to the instances' webhooks, round robin, at a fixed rate, each from a new citizen) and a stub
 * Bot API that records when each reply arrives. Latency = the update's scheduled post time to its reply reaching
 * the stub, so a slow instance cannot hide its queue (no coordinated omission). Telegram's pacing is lifted:
 * Telegram's own limits and latency are not the service's. Run (docs/benchmarks.md): {@code mvn -q -DskipTests
 * package} then {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.consularbot.proof.WebhookLoadBench -Dexec.args="--instances 2 --rate 300 --seconds 30"}.
 */
public final class WebhookLoadBench {

    private static final String SECRET = "bench-secret-0123456789";
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private WebhookLoadBench() {}

    public static void main(String[] args) throws Exception {
        int instances = option(args, "--instances", 1);
        int rate = option(args, "--rate", 300);
        int seconds = option(args, "--seconds", 30);
        int warmUpSeconds = option(args, "--warmup-seconds", 20);
        try (ProofPostgres postgres = ProofPostgres.start();
                StubBotApi telegram = StubBotApi.start()) {
            Map<String, String> env = new HashMap<>(Map.of(
                    "DB_URL",
                    postgres.jdbcUrl(),
                    "TELEGRAM_BOT_TOKEN",
                    "7000003:AAbenchTOKEN_0123456789",
                    "TELEGRAM_API_URL",
                    telegram.url(),
                    "TELEGRAM_WEBHOOK_URL",
                    "http://127.0.0.1/webhooks/telegram",
                    "TELEGRAM_WEBHOOK_SECRET",
                    SECRET,
                    "TELEGRAM_MAX_SENDS_PER_SECOND",
                    "1000",
                    "TELEGRAM_CHAT_SEND_INTERVAL_MS",
                    "0"));
            if (option(args, "--pool", 0) > 0) {
                env.put("DB_POOL_SIZE", String.valueOf(option(args, "--pool", 0)));
            }
            List<BotProcess> bots = new ArrayList<>();
            try {
                for (int i = 1; i <= instances; i++) {
                    bots.add(BotProcess.start("bench-instance-" + i, env));
                }
                run(bots, telegram, 1_000_000, Math.min(rate, 150), warmUpSeconds); // JIT, pools, caches
                ProofReport.pause(Duration.ofSeconds(3));
                Result result = run(bots, telegram, 5_000_000, rate, seconds);
                System.out.printf(
                        Locale.ROOT,
                        "{\"instances\":%d,\"rate\":%d,\"seconds\":%d,\"sent\":%d,\"refused\":%d,\"answered\":%d,"
                                + "\"lost\":%d,\"duplicated\":%d,\"replies_per_s\":%.0f,\"p50_ms\":%.1f,\"p99_ms\":%.1f,\"max_ms\":%.1f}%n",
                        instances,
                        rate,
                        seconds,
                        result.sent,
                        result.refused,
                        result.answered,
                        result.sent - result.answered,
                        result.duplicated,
                        result.answered / result.busySeconds,
                        result.percentile(0.50),
                        result.percentile(0.99),
                        result.percentile(1.0));
            } finally {
                bots.forEach(BotProcess::close); // before the database they use
            }
        }
    }

    private static Result run(List<BotProcess> bots, StubBotApi telegram, long firstChat, int rate, int seconds)
            throws Exception {
        int count = rate * seconds;
        long[] scheduled = new long[count];
        AtomicInteger refused = new AtomicInteger();
        List<CompletableFuture<?>> posts = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            scheduled[i] = start + TimeUnit.SECONDS.toNanos(i) / rate;
            long wait = scheduled[i] - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            BotProcess bot = bots.get(i % bots.size());
            long chat = firstChat + i;
            HttpRequest post = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + bot.port() + "/webhooks/telegram"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                    .POST(HttpRequest.BodyPublishers.ofString(update(chat, i)))
                    .build();
            posts.add(
                    HTTP.sendAsync(post, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
                        if (error != null || response.statusCode() != 200) {
                            refused.incrementAndGet();
                        }
                        return null;
                    }));
        }
        CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && telegram.firstReply(firstChat + count - 1) == null) {
            ProofReport.pause(Duration.ofMillis(100));
        }
        ProofReport.pause(CitizenLoad.PAST_LEASES); // stragglers, and duplicates a lease would only let out later
        double[] latencies = new double[count];
        int answered = 0;
        int duplicated = 0;
        long lastReply = start;
        for (int i = 0; i < count; i++) {
            Long reply = telegram.firstReply(firstChat + i);
            latencies[i] = reply == null ? Double.POSITIVE_INFINITY : (reply - scheduled[i]) / 1e6;
            if (reply != null) {
                answered++;
                lastReply = Math.max(lastReply, reply);
                duplicated += telegram.replies(firstChat + i) - 1;
            }
        }
        Arrays.sort(latencies);
        return new Result(count, refused.get(), answered, duplicated, (lastReply - start) / 1e9, latencies);
    }

    private record Result(
            int sent, int refused, int answered, int duplicated, double busySeconds, double[] sortedLatencies) {
        double percentile(double q) {
            int index = (int) Math.min(sortedLatencies.length - 1, Math.ceil(q * sortedLatencies.length) - 1);
            return sortedLatencies[Math.max(index, 0)];
        }
    }

    private static String update(long chat, int i) {
        String text =
                CitizenLoad.QUESTIONS.get(i % CitizenLoad.QUESTIONS.size()).replace("\"", "\\\"");
        return "{\"update_id\":" + chat + ",\"message\":{\"message_id\":" + (i + 1) + ",\"date\":"
                + System.currentTimeMillis() / 1000
                + ",\"from\":{\"id\":" + chat
                + ",\"is_bot\":false,\"first_name\":\"Citizen\",\"language_code\":\"vi\"},"
                + "\"chat\":{\"id\":" + chat + ",\"type\":\"private\",\"first_name\":\"Citizen\"},\"text\":\"" + text
                + "\"}}";
    }

    private static int option(String[] args, String name, int defaultValue) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return defaultValue;
    }
}
