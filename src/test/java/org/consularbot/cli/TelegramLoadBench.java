package org.consularbot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.consularbot.channel.telegram.TelegramEmulator;
import org.consularbot.proof.CitizenLoad;

/**
 * Load through the real Telegram path: emulated users (telegram-test-api) each send their messages one after the
 * other, waiting for each reply, while the service answers by long polling on an H2 file database. Reports
 * replies per second and latency from the user's send to the reply reaching the emulator, and checks that every
 * message got exactly one reply. Run (docs/benchmarks.md):
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.consularbot.cli.TelegramLoadBench
 * -Dexec.args="--messages 2000 --users 100"}; {@code --chat-interval-ms} and {@code --max-per-second} set the pacing.
 */
public final class TelegramLoadBench {

    private static final List<String> QUESTIONS = CitizenLoad.QUESTIONS;

    private TelegramLoadBench() {}

    public static void main(String[] args) throws Exception {
        int messages = option(args, "--messages", 2000);
        int users = option(args, "--users", 100);
        int chatInterval = option(args, "--chat-interval-ms", 1000);
        int perSecond = option(args, "--max-per-second", 30);
        int perUser = Math.max(1, messages / users);
        Path dir = Files.createTempDirectory("telegram-bench");
        try (TelegramEmulator telegram = TelegramEmulator.start();
                RunningBot bot = TelegramEndToEndTest.startBot(
                        telegram,
                        Map.of(
                                "DB_URL", "jdbc:h2:file:" + dir.resolve("bot").toAbsolutePath(),
                                "TELEGRAM_CHAT_SEND_INTERVAL_MS", String.valueOf(chatInterval),
                                "TELEGRAM_MAX_SENDS_PER_SECOND", String.valueOf(perSecond)))) {
            warmUp(telegram);
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(users);
            long start = System.nanoTime();
            List<Future<Integer>> answered = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                long citizen = 800_000 + u;
                answered.add(pool.submit(() -> converse(telegram, citizen, perUser, latencies)));
            }
            int replies = 0;
            for (Future<Integer> f : answered) {
                replies += f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
            int extra = 0;
            for (int u = 0; u < users; u++) {
                extra += telegram.moreBotMessages(TelegramEndToEndTest.TOKEN, 800_000 + u, Duration.ZERO)
                        .size();
            }
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf(
                    Locale.ROOT,
                    "{\"messages\":%d,\"users\":%d,\"replies\":%d,\"missing\":%d,\"extra\":%d,"
                            + "\"chat_interval_ms\":%d,\"max_per_second\":%d,\"seconds\":%.1f,\"replies_per_s\":%.0f,"
                            + "\"p50_ms\":%.0f,\"p99_ms\":%.0f,\"max_ms\":%.0f}%n",
                    users * perUser,
                    users,
                    replies,
                    users * perUser - replies,
                    extra,
                    chatInterval,
                    perSecond,
                    seconds,
                    replies / seconds,
                    percentile(sorted, 0.50),
                    percentile(sorted, 0.99),
                    percentile(sorted, 1.0));
            if (replies != users * perUser || extra != 0) {
                System.err.println("FAILED: every message must get exactly one reply");
                System.exit(1);
            }
        }
    }

    private static int converse(TelegramEmulator telegram, long citizen, int count, List<Long> latencies) {
        int answered = 0;
        for (int i = 0; i < count; i++) {
            long sent = System.nanoTime();
            telegram.userSays(
                    TelegramEndToEndTest.TOKEN, citizen, QUESTIONS.get((int) ((citizen + i) % QUESTIONS.size())));
            List<JsonNode> reply = telegram.botMessages(TelegramEndToEndTest.TOKEN, citizen, 1);
            if (!reply.isEmpty()) {
                latencies.add(System.nanoTime() - sent);
                answered += reply.size();
            }
        }
        return answered;
    }

    private static void warmUp(TelegramEmulator telegram) {
        for (int i = 0; i < 50; i++) {
            telegram.userSays(TelegramEndToEndTest.TOKEN, 700_000 + i, QUESTIONS.get(i % QUESTIONS.size()));
            telegram.botMessages(TelegramEndToEndTest.TOKEN, 700_000 + i, 1);
        }
    }

    private static double percentile(List<Long> sortedNanos, double q) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.min(sortedNanos.size() - 1, Math.ceil(q * sortedNanos.size()) - 1);
        return sortedNanos.get(Math.max(index, 0)) / 1e6;
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
