package org.consularbot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consularbot.config.BotConfig;
import org.consularbot.config.ConsoleConfig;
import org.consularbot.config.WebConfig;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.DaemonThreads;
import org.consularbot.conversation.InboundMessage;
import org.consularbot.conversation.TurnProcessor;
import org.consularbot.faq.CorpusFolder;
import org.consularbot.handoff.Officer;
import org.consularbot.handoff.Ticket;
import org.consularbot.store.JdbcOfficerLogins;
import org.consularbot.web.ConsolePasswords;
import org.consularbot.web.WebServer;
import picocli.CommandLine.ParameterException;

/**
 * {@code bench --console}: the web console under the load. Officers sign in over HTTP and hold the queue
 * page's live feed open (Server-Sent Events) as a browser does, fetching the queue again at each {@code queue} event;
 * citizens ask for an officer at a steady rate through the whole pipeline (turn, store, ticket); the figure is how long
 * from a citizen's message until its ticket is in every officer's queue. A supervisor meanwhile reads the queue, a
 * ticket and the supervisors' page, timed. Tickets seen by everyone are closed, as officers would, so the queue stays
 * the size a busy mission has.
 */
final class ConsoleBench {

    private static final String CHANNEL = "bench";
    private static final String PASSWORD = "bench-password";
    private static final Pattern TICKET = Pattern.compile("data-ticket=\"(\\d+)\"");
    /** A ticket not in every officer's queue this long after its message is counted as not seen. */
    private static final Duration GIVE_UP = Duration.ofSeconds(15);

    /** The figures, in milliseconds. */
    record Result(
            int officers,
            int perMinute,
            int seconds,
            int messages,
            int tickets,
            long expected,
            long seen,
            double p50,
            double p99,
            double max,
            Map<String, double[]> pages) {}

    private final BenchCommand options;

    ConsoleBench(BenchCommand options) {
        this.options = options;
    }

    int run() throws Exception {
        if (options.officers < 1 || options.perMinute < 1 || options.seconds < 1 || options.warmup < 0) {
            throw new ParameterException(
                    options.spec.commandLine(), "--officers, --per-minute and --seconds must be >= 1, --warmup >= 0");
        }
        PrintWriter err = options.spec.commandLine().getErr();
        BotConfig defaults = BotConfig.from(options.settings());
        Path temporary = Files.createTempDirectory("consular-console-bench");
        BotConfig config = new BotConfig(
                "jdbc:h2:file:" + temporary.resolve("bench").toAbsolutePath(),
                defaults.dbUser(),
                defaults.dbPassword(),
                Math.max(8, defaults.dbPoolSize()),
                defaults.faqDir(),
                defaults.retentionDays(),
                0,
                defaults.llm(),
                defaults.handoff());
        Result result;
        try (BotAssembly bot = BotAssembly.open(config, options.corporaLoad(err), options.clock())) {
            result = measure(bot, err);
        } finally {
            CorpusFolder.delete(temporary);
        }
        print(options.spec.commandLine().getOut(), result);
        return 0;
    }

    private Result measure(BotAssembly bot, PrintWriter err) throws Exception {
        ConsolePasswords passwords = new ConsolePasswords();
        JdbcOfficerLogins logins = new JdbcOfficerLogins(bot.database.dataSource());
        String hash = passwords.hash(PASSWORD);
        for (int i = 0; i <= options.officers; i++) {
            String id = i == 0 ? "supervisor" : "officer" + i;
            bot.officers.add(
                    new Officer(id, id, i == 0 ? Officer.Role.SUPERVISOR : Officer.Role.OFFICER),
                    options.clock().instant());
            logins.setPasswordHash(id, hash, options.clock().instant());
        }
        bot.officerChannel(true);
        TurnProcessor citizens = bot.turns(Map.of(CHANNEL, entry -> {})).citizens();
        WebServer web = WebServer.start(
                new WebConfig("127.0.0.1", 0),
                List.of(),
                () -> "",
                () -> new WebServer.Status(true, "ok"),
                () -> new WebServer.Status(true, "ok"),
                Optional.of(ConsoleAssembly.open(bot, ConsoleConfig.DEFAULT, RunningBot.CONSOLE_EVERY, citizens)));
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String base = "http://127.0.0.1:" + web.port();
        Map<Long, Long> sentAt = new ConcurrentHashMap<>();
        List<Map<Long, Long>> seenAt = new ArrayList<>();
        List<Thread> listeners = new ArrayList<>();
        AtomicInteger live = new AtomicInteger();
        try {
            for (int i = 1; i <= options.officers; i++) {
                ConsoleClient officer = new ConsoleClient(http, base);
                if (!officer.signIn("officer" + i, PASSWORD)) {
                    throw new IllegalStateException("officer" + i + " could not sign in");
                }
                Map<Long, Long> seen = new ConcurrentHashMap<>();
                seenAt.add(seen);
                Thread listener = new Thread(() -> listen(officer, seen, live), "bench-officer-" + i);
                listener.setDaemon(true);
                listener.start();
                listeners.add(listener);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (live.get() < options.officers && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            err.printf(
                    Locale.ROOT,
                    "console bench: %d officers on the live feed, %d citizen messages a minute for %d s after %d s of warm-up...%n",
                    live.get(),
                    options.perMinute,
                    options.seconds,
                    options.warmup);
            err.flush();
            ConsoleClient supervisor = new ConsoleClient(http, base);
            supervisor.signIn("supervisor", PASSWORD);
            Map<String, List<Double>> pages = new ConcurrentHashMap<>();
            int warmup = options.perMinute * options.warmup / 60;
            int messages = Math.max(1, options.perMinute * options.seconds / 60);
            Set<Long> counted = ConcurrentHashMap.newKeySet();
            feed(bot, citizens, supervisor, sentAt, counted, seenAt, pages, warmup, messages, err);
            return figures(sentAt, counted, seenAt, pages, messages);
        } finally {
            web.close();
            listeners.forEach(Thread::interrupt);
        }
    }

    /** One officer's page: the live feed, and the queue fetched again at each change, as the page's script does. */
    private static void listen(ConsoleClient officer, Map<Long, Long> seen, AtomicInteger live) {
        try {
            officer.listen(0, event -> {
                if (event.equals("hello")) {
                    live.incrementAndGet();
                } else if (event.equals("queue")) {
                    try {
                        String list = officer.get("/console/queue/list").body();
                        long now = System.nanoTime();
                        Matcher m = TICKET.matcher(list);
                        while (m.find()) {
                            seen.putIfAbsent(Long.parseLong(m.group(1)), now);
                        }
                    } catch (Exception e) {
                        // the next event fetches again
                    }
                }
            });
        } catch (Exception e) {
            // the server stopped: the bench is over
        }
    }

    private void feed(
            BotAssembly bot,
            TurnProcessor citizens,
            ConsoleClient supervisor,
            Map<Long, Long> sentAt,
            Set<Long> counted,
            List<Map<Long, Long>> seenAt,
            Map<String, List<Double>> pages,
            int warmup,
            int messages,
            PrintWriter err)
            throws Exception {
        ScheduledExecutorService citizensThread =
                Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("bench-citizens"));
        AtomicInteger sent = new AtomicInteger();
        long period = 60_000_000L / options.perMinute;
        Set<Long> closed = ConcurrentHashMap.newKeySet();
        citizensThread.scheduleAtFixedRate(
                () -> {
                    int n = sent.incrementAndGet();
                    if (n > warmup + messages) {
                        return;
                    }
                    ConversationKey key = new ConversationKey(CHANNEL, "citizen" + n);
                    long at = System.nanoTime();
                    try {
                        citizens.handle(InboundMessage.text(
                                key,
                                "citizen" + n,
                                "m" + n,
                                "/human",
                                options.clock().instant()));
                        bot.tickets.open().stream()
                                .filter(t -> t.conversation().equals(key))
                                .map(Ticket::id)
                                .findFirst()
                                .ifPresent(id -> {
                                    sentAt.put(id, at);
                                    if (n > warmup) {
                                        counted.add(id);
                                    }
                                });
                    } catch (RuntimeException e) {
                        err.println("a citizen's turn failed: " + e); // and the figures count one ticket fewer
                    }
                },
                0,
                period,
                TimeUnit.MICROSECONDS);
        long end = System.nanoTime()
                + TimeUnit.MICROSECONDS.toNanos(period * (long) (warmup + messages))
                + GIVE_UP.toNanos();
        long lastTicket = 0;
        try {
            while (System.nanoTime() < end) {
                for (Map.Entry<Long, Long> ticket : sentAt.entrySet()) {
                    long id = ticket.getKey();
                    boolean everyone = seenAt.stream().allMatch(seen -> seen.containsKey(id));
                    boolean late = System.nanoTime() - ticket.getValue() > GIVE_UP.toNanos();
                    if ((everyone || late) && closed.add(id)) {
                        bot.desk().close("supervisor", id);
                    }
                    lastTicket = Math.max(lastTicket, id);
                }
                if (sent.get() > warmup + messages && closed.size() >= sentAt.size()) {
                    break;
                }
                if (sent.get() <= warmup) {
                    Thread.sleep(100);
                    continue; // pages are timed after the warm-up too
                }
                time(pages, "queue", supervisor, "/console");
                if (lastTicket > 0) {
                    time(pages, "ticket", supervisor, "/console/tickets/" + lastTicket);
                }
                time(pages, "supervisor", supervisor, "/console/supervisor");
                Thread.sleep(100);
            }
        } finally {
            citizensThread.shutdownNow();
        }
    }

    private static void time(Map<String, List<Double>> pages, String page, ConsoleClient client, String path)
            throws Exception {
        long start = System.nanoTime();
        int status = client.get(path).statusCode();
        if (status != 200) {
            throw new IllegalStateException(path + " answered " + status);
        }
        pages.computeIfAbsent(page, k -> new CopyOnWriteArrayList<>()).add((System.nanoTime() - start) / 1e6);
    }

    private Result figures(
            Map<Long, Long> sentAt,
            Set<Long> counted,
            List<Map<Long, Long>> seenAt,
            Map<String, List<Double>> pages,
            int messages) {
        List<Double> delays = new ArrayList<>();
        for (Map<Long, Long> seen : seenAt) {
            for (long id : counted) {
                Long when = seen.get(id);
                if (when != null) {
                    delays.add(Math.max(0, when - sentAt.get(id)) / 1e6);
                }
            }
        }
        delays.sort(null);
        Map<String, double[]> served = new TreeMap<>();
        pages.forEach((page, times) -> {
            List<Double> sorted = new ArrayList<>(times);
            sorted.sort(null);
            served.put(page, new double[] {sorted.size(), at(sorted, 0.5), at(sorted, 0.99), at(sorted, 1.0)});
        });
        return new Result(
                options.officers,
                options.perMinute,
                options.seconds,
                messages,
                counted.size(),
                (long) counted.size() * seenAt.size(),
                delays.size(),
                at(delays, 0.5),
                at(delays, 0.99),
                at(delays, 1.0),
                served);
    }

    private static double at(List<Double> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    private void print(PrintWriter out, Result r) {
        if (options.json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode node = mapper.createObjectNode()
                    .put("officers", r.officers())
                    .put("per_minute", r.perMinute())
                    .put("seconds", r.seconds())
                    .put("messages", r.messages())
                    .put("tickets", r.tickets())
                    .put("expected", r.expected())
                    .put("seen", r.seen())
                    .put("p50_ms", AskCommand.round(r.p50()))
                    .put("p99_ms", AskCommand.round(r.p99()))
                    .put("max_ms", AskCommand.round(r.max()));
            ObjectNode served = node.putObject("pages");
            r.pages()
                    .forEach((page, f) -> served.putObject(page)
                            .put("requests", (long) f[0])
                            .put("p50_ms", AskCommand.round(f[1]))
                            .put("p99_ms", AskCommand.round(f[2]))
                            .put("max_ms", AskCommand.round(f[3])));
            out.println(node);
        } else {
            out.printf(
                    Locale.ROOT,
                    "console: %d officers, %d citizen messages a minute for %d s (%d messages, %d tickets)%n",
                    r.officers(),
                    r.perMinute(),
                    r.seconds(),
                    r.messages(),
                    r.tickets());
            out.printf(
                    Locale.ROOT,
                    "  message to every officer's queue: %d of %d seen   p50 %.0f ms   p99 %.0f ms   max %.0f ms%n",
                    r.seen(),
                    r.expected(),
                    r.p50(),
                    r.p99(),
                    r.max());
            r.pages()
                    .forEach((page, f) -> out.printf(
                            Locale.ROOT,
                            "  page %-10s %5d requests   p50 %.1f ms   p99 %.1f ms   max %.1f ms%n",
                            page,
                            (long) f[0],
                            f[1],
                            f[2],
                            f[3]));
        }
        out.flush();
    }
}
