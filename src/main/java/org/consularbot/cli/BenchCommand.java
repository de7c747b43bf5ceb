package org.consularbot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.consularbot.config.Settings;
import org.consularbot.eval.Benchmark;
import org.consularbot.eval.EvalQuery;
import org.consularbot.eval.EvalSet;
import org.consularbot.eval.SyntheticCorpus;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.FaqEntry;
import org.consularbot.faq.FaqMatchers;
import org.consularbot.faq.Folding;
import org.consularbot.faq.Language;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench}: match latency and throughput of the default matcher and the BM25 baseline. */
@Command(
        name = "bench",
        description = "Benchmark match latency (p50/p99) and queries/s, default vs bm25; "
                + "with --turns, full conversation turns through the core and the database; with --console, "
                + "the officers' web console under load.")
final class BenchCommand implements Callable<Integer> {

    @Option(
            names = "--turns",
            paramLabel = "N",
            description = "Benchmark N full turns (store, match, outbox, send) instead of matching alone.")
    Integer turns;

    @Option(
            names = "--console",
            description = "Benchmark the officers' web console: officers on its live feed while citizens ask for them.")
    boolean console;

    @Option(
            names = "--officers",
            defaultValue = "20",
            paramLabel = "N",
            description = "With --console: officers signed in on the live feed (default ${DEFAULT-VALUE}).")
    int officers;

    @Option(
            names = "--per-minute",
            defaultValue = "200",
            paramLabel = "N",
            description = "With --console: citizen messages a minute (default ${DEFAULT-VALUE}).")
    int perMinute;

    @Option(
            names = "--seconds",
            defaultValue = "60",
            paramLabel = "N",
            description = "With --console: how long citizens write (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(
            names = "--warmup",
            defaultValue = "10",
            paramLabel = "SECONDS",
            description = "With --console: the same load first for this long, not counted (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
            names = "--conversations",
            defaultValue = "10000",
            paramLabel = "N",
            description = "With --turns: spread over N chats (default ${DEFAULT-VALUE}).")
    int conversations;

    @Option(
            names = "--threads",
            defaultValue = "4",
            paramLabel = "N",
            description = "With --turns: concurrent chats at a time (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(
            names = "--db-url",
            paramLabel = "URL",
            description =
                    "With --turns: JDBC URL to measure (default: a new H2 file in a temporary folder; DB_USER/DB_PASSWORD apply).")
    String dbUrl;

    @Option(
            names = "--entries",
            defaultValue = "1000",
            paramLabel = "N",
            description = "Grow the corpus synthetically to N entries (default ${DEFAULT-VALUE}).")
    int entries;

    @Option(
            names = "--queries",
            paramLabel = "FILE",
            description = "TSV of messages to time (default: the corpus questions, also without diacritics).")
    Path queries;

    @Option(
            names = "--measure",
            defaultValue = "5000",
            paramLabel = "N",
            description = "Timed messages per matcher (default ${DEFAULT-VALUE}).")
    int measured;

    @Option(names = "--json", description = "Print one JSON line.")
    boolean json;

    @Option(names = "--faq-dir", paramLabel = "DIR", description = "Corpus folder (default: FAQ_DIR, else bundled).")
    Path faqDir;

    @Spec
    CommandSpec spec;

    private final CorpusSource corpora;
    private final Settings settings;
    private final Clock clock;

    BenchCommand(CorpusSource corpora, Settings settings, Clock clock) {
        this.corpora = corpora;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        if (console) {
            return new ConsoleBench(this).run();
        }
        if (turns != null) {
            return new TurnBench(this).run();
        }
        if (entries < 1 || measured < 100) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--entries must be >= 1 and --measure >= 100");
        }
        long start = System.nanoTime();
        Corpus corpus =
                SyntheticCorpus.grow(corpora.load(faqDir, spec.commandLine().getErr()), entries, 42);
        long loaded = (System.nanoTime() - start) / 1_000_000;
        List<String> messages = messages(corpus);
        PrintWriter err = spec.commandLine().getErr();
        err.printf(
                Locale.ROOT,
                "benchmarking %d entries, %d distinct messages, %d timed per matcher...%n",
                corpus.entries().size(),
                messages.size(),
                measured);
        Benchmark.Result vietnamese =
                Benchmark.run(() -> FaqMatchers.vietnameseAware(corpus), messages, measured, measured);
        err.println("  default done");
        err.flush();
        Benchmark.Result bm25 = Benchmark.run(() -> FaqMatchers.bm25Baseline(corpus), messages, measured, measured);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode node = mapper.createObjectNode();
            node.put("entries", corpus.entries().size());
            put(node.putObject("default"), vietnamese, loaded);
            put(node.putObject("bm25"), bm25, loaded);
            out.println(node);
        } else {
            out.printf(
                    Locale.ROOT,
                    "%d entries (corpus loaded in %d ms)%n",
                    corpus.entries().size(),
                    loaded);
            for (Benchmark.Result r : List.of(vietnamese, bm25)) {
                out.printf(
                        Locale.ROOT,
                        "  %-8s ready %5d ms   p50 %.3f ms   p99 %.3f ms   %.0f queries/s%n",
                        r.matcher(),
                        r.readyMillis(),
                        r.p50Millis(),
                        r.p99Millis(),
                        r.queriesPerSecond());
            }
        }
        out.flush();
        return 0;
    }

    Corpus corporaLoad(PrintWriter err) throws Exception {
        return corpora.load(faqDir, err);
    }

    Settings settings() {
        return settings;
    }

    Clock clock() {
        return clock;
    }

    private static void put(ObjectNode node, Benchmark.Result r, long loaded) {
        node.put("p50_ms", AskCommand.round(r.p50Millis()));
        node.put("p99_ms", AskCommand.round(r.p99Millis()));
        node.put("qps", Math.round(r.queriesPerSecond()));
        node.put("ready_ms", loaded + r.readyMillis());
    }

    List<String> messages(Corpus corpus) throws IOException {
        List<String> messages = new ArrayList<>();
        if (queries != null) {
            EvalSet.read(queries).stream().map(EvalQuery::question).forEach(messages::add);
            return messages;
        }
        for (FaqEntry entry :
                corpus.entries().subList(0, Math.min(200, corpus.entries().size()))) {
            for (Language language : Language.values()) {
                for (String question : entry.questions(language)) {
                    messages.add(question);
                    messages.add(Folding.fold(question)); // as typed without a Vietnamese keyboard
                }
            }
        }
        return messages;
    }
}
