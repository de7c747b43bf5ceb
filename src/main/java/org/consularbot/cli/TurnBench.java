package org.consularbot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.consularbot.config.BotConfig;
import org.consularbot.conversation.ReplySender;
import org.consularbot.conversation.TurnProcessor;
import org.consularbot.eval.TurnBenchmark;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.CorpusFolder;
import picocli.CommandLine.ParameterException;

/** {@code bench --turns N}: full turns through the core and a real database, with the figures the issue asks for. */
final class TurnBench {

    private static final String CHANNEL = "bench";
    private final BenchCommand options;

    TurnBench(BenchCommand options) {
        this.options = options;
    }

    int run() throws Exception {
        if (options.turns < 100 || options.threads < 1 || options.conversations < options.threads) {
            throw new ParameterException(
                    options.spec.commandLine(), "--turns must be >= 100, --threads >= 1, --conversations >= --threads");
        }
        int threads = options.threads;
        int conversations = options.conversations - options.conversations % threads;
        PrintWriter err = options.spec.commandLine().getErr();
        Corpus corpus = options.corporaLoad(err);
        BotConfig defaults = BotConfig.from(options.settings());
        Path temporary = options.dbUrl == null ? Files.createTempDirectory("consular-bench") : null;
        String url =
                temporary != null ? "jdbc:h2:file:" + temporary.resolve("bench").toAbsolutePath() : options.dbUrl;
        // No rate limit: the benchmark is one script sending for thousands of citizens.
        BotConfig config = new BotConfig(
                url,
                defaults.dbUser(),
                defaults.dbPassword(),
                Math.max(threads, defaults.dbPoolSize()),
                defaults.faqDir(),
                defaults.retentionDays(),
                0,
                defaults.llm(),
                defaults.handoff());
        AtomicLong sent = new AtomicLong();
        ReplySender counting = entry -> sent.incrementAndGet();
        List<String> messages = options.messages(corpus);
        TurnBenchmark.Result result;
        try (BotAssembly bot = BotAssembly.open(config, corpus, options.clock())) {
            err.printf(
                    Locale.ROOT,
                    "benchmarking %d turns over %d chats, %d threads, on %s...%n",
                    options.turns,
                    conversations,
                    threads,
                    bot.database.url());
            err.flush();
            TurnProcessor processor = bot.turns(Map.of(CHANNEL, counting)).citizens();
            int warmup = Math.max(threads, Math.min(2000, options.turns / 5) / threads * threads);
            result = TurnBenchmark.run(
                    processor,
                    CHANNEL,
                    messages,
                    warmup,
                    options.turns,
                    conversations,
                    threads,
                    options.clock(),
                    bot.store::conversationCount);
        } finally {
            if (temporary != null) {
                CorpusFolder.delete(temporary);
            }
        }
        print(
                options.spec.commandLine().getOut(),
                result,
                url.startsWith("jdbc:h2:") ? "h2" : "postgresql",
                sent.get());
        return 0;
    }

    private void print(PrintWriter out, TurnBenchmark.Result r, String database, long sent) {
        if (options.json) {
            ObjectNode node = new ObjectMapper().createObjectNode();
            node.put("database", database)
                    .put("turns", r.turns())
                    .put("threads", r.threads())
                    .put("conversations_stored", r.conversations())
                    .put("turns_per_s", Math.round(r.turnsPerSecond()))
                    .put("p50_ms", AskCommand.round(r.p50Millis()))
                    .put("p99_ms", AskCommand.round(r.p99Millis()))
                    .put("max_ms", AskCommand.round(r.maxMillis()))
                    .put("heap_used_mb", r.heapUsedMb())
                    .put("heap_max_mb", r.heapMaxMb())
                    .put("replies_sent", sent);
            out.println(node);
        } else {
            out.printf(
                    Locale.ROOT,
                    "%s: %d turns, %d threads: %.0f turns/s   p50 %.2f ms   p99 %.2f ms   max %.1f ms%n",
                    database,
                    r.turns(),
                    r.threads(),
                    r.turnsPerSecond(),
                    r.p50Millis(),
                    r.p99Millis(),
                    r.maxMillis());
            out.printf(
                    Locale.ROOT,
                    "  %d conversations stored; heap in use after GC %d MB of %d MB max; %d replies sent%n",
                    r.conversations(),
                    r.heapUsedMb(),
                    r.heapMaxMb(),
                    sent);
        }
        out.flush();
    }
}
