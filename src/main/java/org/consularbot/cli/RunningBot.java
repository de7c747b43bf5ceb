package org.consularbot.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.consularbot.channel.telegram.TelegramChannel;
import org.consularbot.channel.telegram.TelegramWebhook;
import org.consularbot.channel.zalo.ZaloChannel;
import org.consularbot.channel.zalo.ZaloSender;
import org.consularbot.channel.zalo.ZaloWebhook;
import org.consularbot.config.BotConfig;
import org.consularbot.config.TelegramConfig;
import org.consularbot.config.WebConfig;
import org.consularbot.config.ZaloConfig;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.Recovery;
import org.consularbot.conversation.ReplySender;
import org.consularbot.conversation.TurnProcessor;
import org.consularbot.handoff.ConsentWithdrawal;
import org.consularbot.handoff.OfficerMessage;
import org.consularbot.handoff.OfficerReach;
import org.consularbot.handoff.SlaWatch;
import org.consularbot.metrics.BotMetrics;
import org.consularbot.store.DiskRoom;
import org.consularbot.store.JdbcOfficerLogins;
import org.consularbot.store.JdbcZaloTokens;
import org.consularbot.store.SingleService;
import org.consularbot.web.ConsoleReach;
import org.consularbot.web.HealthProbe;
import org.consularbot.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot running as a service: database, Telegram channel, the relay (every second: replies due for another
 * attempt, the receipt journal given back to H2 if it closed itself, and messages whose answer failed after they were
 * acknowledged), the database probe that /health and
 * /ready answer from, and the HTTP server in webhook mode. Start-up order matters: the token is checked before
 * anything is sent, replies and messages left over from the last run are finished before new updates come in.
 */
final class RunningBot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunningBot.class);
    /** How often unsent replies, unanswered messages and the officers' outbox are looked at. */
    private static final Duration RELAY_EVERY = Duration.ofSeconds(1);
    /** A message acknowledged but unanswered this long had its answer fail; the relay answers it. */
    private static final Duration STALE_AFTER = Duration.ofSeconds(30);

    private static final Duration SLA_EVERY = Duration.ofSeconds(30);
    private static final Duration TOKENS_EVERY = Duration.ofMinutes(30);
    private static final Duration CORPUS_EVERY = Duration.ofSeconds(5);
    /** Claims on officers' actions held here are renewed this often: well within their 30 s, on every instance. */
    private static final Duration OFFICER_CLAIMS_EVERY = Duration.ofSeconds(5);

    /** How often open console pages are checked for changes: a citizen's message shows within about this. */
    static final Duration CONSOLE_EVERY = Duration.ofMillis(500);

    private final BotAssembly assembly;
    private final Optional<TelegramChannel> telegram;
    private final Optional<ZaloChannel> zalo;
    private final BackgroundJobs jobs = new BackgroundJobs();
    private final String botName;
    private WebServer web;
    private HealthProbe databaseProbe;
    private BotAssembly.Turns turns;
    /** Read by /ready on the web server's threads. */
    private volatile boolean closed;

    private boolean officerGroup;
    /** This service's place on an H2 file, held until it closes. */
    private Optional<SingleService> single = Optional.empty();

    private RunningBot(
            BotAssembly assembly, Optional<TelegramChannel> telegram, Optional<ZaloChannel> zalo, String botName) {
        this.assembly = assembly;
        this.telegram = telegram;
        this.zalo = zalo;
        this.botName = botName;
    }

    /** Telegram only (tests and the simple case). */
    static RunningBot start(
            BotConfig config,
            TelegramConfig telegramConfig,
            WebConfig webConfig,
            CorpusSource corpora,
            PrintWriter err,
            Clock clock,
            Duration typingAfter)
            throws Exception {
        return start(
                config, Optional.of(telegramConfig), Optional.empty(), webConfig, corpora, err, clock, typingAfter);
    }

    /**
     * The service on the configured channels (at least one).
     *
     * @param typingAfter how long a turn may take before "typing…" shows (1 s in service)
     */
    static RunningBot start(
            BotConfig config,
            Optional<TelegramConfig> telegramConfig,
            Optional<ZaloConfig> zaloConfig,
            WebConfig webConfig,
            CorpusSource corpora,
            PrintWriter err,
            Clock clock,
            Duration typingAfter)
            throws Exception {
        // Before the database is opened: a second service's start-up would release the first one's claims.
        Optional<SingleService> single = SingleService.hold(config.dbUrl());
        BotAssembly assembly;
        try {
            assembly = BotAssembly.open(config, corpora, err, clock);
        } catch (RuntimeException e) {
            single.ifPresent(SingleService::close);
            throw e;
        }
        Optional<TelegramChannel> telegram = telegramConfig.map(c -> new TelegramChannel(c, clock, typingAfter));
        RunningBot bot;
        try {
            String name = telegram.isPresent() ? telegram.get().connect() : "zalo";
            Optional<ZaloChannel> zalo = zaloConfig.map(c -> new ZaloChannel(
                    c,
                    new JdbcZaloTokens(assembly.database.dataSource()),
                    new ZaloSender.ReplyWindow() {
                        @Override
                        public Optional<Instant> lastCitizenMessage(ConversationKey key) {
                            return assembly.store.history().lastCitizenMessage(key);
                        }

                        @Override
                        public int repliesSentSince(ConversationKey key, Instant since) {
                            return assembly.store.history().repliesSentSince(key, since);
                        }
                    },
                    notice -> assembly.officerOutbox.enqueue(
                            Optional.empty(), OfficerMessage.Kind.NOTICE, notice, List.of(), clock.instant()),
                    clock));
            bot = new RunningBot(assembly, telegram, zalo, name);
            bot.officerGroup =
                    telegramConfig.flatMap(TelegramConfig::officerChatId).isPresent();
            bot.single = single;
        } catch (RuntimeException e) {
            telegram.ifPresent(TelegramChannel::close);
            assembly.close();
            single.ifPresent(SingleService::close);
            throw e;
        }
        try {
            bot.run(webConfig);
        } catch (RuntimeException e) {
            bot.close();
            throw e;
        }
        return bot;
    }

    private void run(WebConfig webConfig) {
        JdbcOfficerLogins logins = new JdbcOfficerLogins(assembly.database.dataSource());
        // In the group every listed officer is reached; through the web console alone, only those signed in now (a
        // password set is no promise that anybody reads).
        assembly.officerReach(
                officerGroup
                        ? OfficerReach.EVERYONE
                        : new ConsoleReach(logins, webConfig.console().idleTimeout()));
        Map<String, ReplySender> senders = new HashMap<>();
        telegram.ifPresent(t -> senders.put(TelegramChannel.NAME, t.sender()));
        zalo.ifPresent(z -> senders.put(ZaloChannel.NAME, z.sender()));
        turns = assembly.turns(senders);
        TurnProcessor processor = turns.citizens();
        Recovery.Report recovered = turns.recovery().recover();
        log.info(
                "recovered from the last run: {} replies resent, {} messages answered",
                recovered.repliesResent(),
                recovered.messagesAnswered());
        telegram.ifPresent(t -> t.startReceiving(
                processor,
                () -> groupNotice(assembly.serving().hotline()),
                new TelegramChannel.Officers(
                        assembly.desk(),
                        assembly.officerOutbox,
                        assembly.officers,
                        assembly.leadership("telegram-poller"),
                        assembly.officerInbox,
                        instanceName())));
        SlaWatch sla = assembly.slaWatch();
        Optional<CorpusWatcher> corpusWatcher = assembly.corpusWatcher();
        // Cards, relays and SLA alarms are posted by one instance only, or two instances would post each twice.
        BooleanSupplier officersRelay = assembly.leadership("officers-relay");
        Optional<TelegramWebhook> telegramWebhook = telegram.flatMap(TelegramChannel::webhook);
        ConsentWithdrawal withdrawals = new ConsentWithdrawal(
                assembly.locks(), assembly.store, assembly.tickets, assembly.subscriptions, assembly.clock());
        Optional<ZaloWebhook> zaloWebhook =
                zalo.map(z -> z.webhook(processor, turns.delivery(), withdrawals::withdraw, withdrawals::unfollowed));
        // Listen first, then tell Telegram where: no update is posted to a port nobody serves.
        List<WebServer.Webhook> webhooks = new ArrayList<>();
        telegramWebhook.ifPresent(hook -> webhooks.add(
                new WebServer.Webhook(TelegramWebhook.PATH, TelegramWebhook.SECRET_HEADER, hook::receive)));
        zaloWebhook.ifPresent(hook ->
                webhooks.add(new WebServer.Webhook(ZaloWebhook.PATH, ZaloWebhook.SIGNATURE_HEADER, hook::receive)));
        BotMetrics metrics = assembly.metrics();
        // The routes answer from the probe's last result, never by asking the database themselves: one that cannot
        // open again took 10 s to say so, longer than a supervisor waits.
        databaseProbe = new HealthProbe(
                "database",
                assembly.database.embedded() ? "closed" : "unreachable",
                assembly.database::reachable,
                // A full disk closes or hangs H2: say so, so that the operator frees room instead of restarting.
                DiskRoom.besideDatabase(assembly.database.url())
                        .<Supplier<Optional<String>>>map(room -> room::shortage)
                        .orElse(Optional::empty),
                HealthProbe.Schedule.DEFAULT,
                assembly.clock());
        databaseProbe.start();
        web = WebServer.start(
                webConfig,
                webhooks,
                metrics::scrape,
                this::readiness,
                this::liveness,
                Optional.of(ConsoleAssembly.open(assembly, webConfig.console(), CONSOLE_EVERY, processor)));
        telegram.filter(t -> t.webhook().isPresent()).ifPresent(TelegramChannel::registerWebhook);
        // Named jobs on the one relay thread: they never run at the same time, and a failing one does not stop the
        // rest.
        every(RELAY_EVERY, RELAY_EVERY, "outbox relay", () -> turns.delivery().sendDue());
        every(RELAY_EVERY, RELAY_EVERY, "receipt journal", assembly.receiptReplay::afterReopen);
        every(RELAY_EVERY, RELAY_EVERY, "stale messages", () -> turns.recovery().answerStale(STALE_AFTER));
        telegram.ifPresent(t -> every(RELAY_EVERY, RELAY_EVERY, "officers' relay", () -> {
            if (officersRelay.getAsBoolean()) {
                t.drainOfficerMessages();
            }
        }));
        // Every instance, leading or not: the officers' actions it received are its own to carry out while it lives.
        telegram.ifPresent(
                t -> every(OFFICER_CLAIMS_EVERY, OFFICER_CLAIMS_EVERY, "officers' claims", t::renewOfficerClaims));
        every(SLA_EVERY, SLA_EVERY, "SLA watch", () -> {
            if (officersRelay.getAsBoolean()) {
                sla.check();
            }
        });
        zalo.ifPresent(z -> every(RELAY_EVERY, TOKENS_EVERY, "Zalo tokens", z::keepTokensFresh));
        corpusWatcher.ifPresent(
                w -> jobs.every(BackgroundJobs.Lane.CORPUS, CORPUS_EVERY, CORPUS_EVERY, "FAQ edits", w::check));
    }

    /** Runs {@code job} on the relay's thread after {@code first}, then {@code every} after each run ends. */
    private void every(Duration first, Duration every, String name, Runnable job) {
        jobs.every(BackgroundJobs.Lane.RELAY, first, every, name, job);
    }

    /**
     * Liveness: on the embedded database, whether it answers and the disk under it takes a write (H2 that closed itself
     * and cannot open again leaves a process that can only fail, a restart by the supervisor is the way out; on a full
     * disk nothing can be stored, and the process recovers by itself once there is room). PostgreSQL is another
     * process: its outages are for /ready, or every instance would be restarted while it restarts.
     */
    private WebServer.Status liveness() {
        return assembly.database.embedded() ? databaseProbe.last().health() : new WebServer.Status(true, "ok");
    }

    /** Ready when the database answered at the last probe and the channels run; else 503 naming what is wrong. */
    private WebServer.Status readiness() {
        HealthProbe.Reading database = databaseProbe.last();
        Map<String, String> problems = new LinkedHashMap<>();
        if (!database.passed()) {
            problems.put("database", database.detail());
        }
        if (closed) {
            problems.put("channels", "stopped");
        }
        return problems.isEmpty()
                ? new WebServer.Status(true, "ready (" + database.checked() + ")")
                : new WebServer.Status(false, problems.toString());
    }

    /**
     * This process's name in the claims it holds on officers' actions: the host and process id for whoever reads the
     * table, and a random part, so that a restarted process (a container reuses its pid) never takes a dead one's
     * claims for its own.
     */
    static String instanceName() {
        String host = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("host");
        return host + "/" + ProcessHandle.current().pid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    static String groupNotice(String hotline) {
        return "Để bảo vệ thông tin cá nhân, tôi chỉ trả lời trong tin nhắn riêng: hãy nhắn riêng cho tôi. "
                + "Khẩn cấp: " + hotline + " (24/7).\n"
                + "To protect your privacy I only answer in a private chat: please message me directly. "
                + "Emergency: " + hotline + " (24/7).";
    }

    String botName() {
        return botName;
    }

    /** The HTTP site's port: webhooks and /health (empty only before it started). */
    Optional<Integer> webPort() {
        return Optional.ofNullable(web).map(WebServer::port);
    }

    /** The admin listener's port: /health, /ready, /metrics (empty only before it started). */
    Optional<Integer> adminPort() {
        return Optional.ofNullable(web).map(WebServer::adminPort);
    }

    BotAssembly assembly() {
        return assembly;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        jobs.shutdown();
        if (web != null) {
            web.close();
        }
        if (databaseProbe != null) {
            databaseProbe.close();
        }
        telegram.ifPresent(TelegramChannel::close);
        zalo.ifPresent(ZaloChannel::close);
        try {
            // A send in flight must be marked sent before the database closes, or it goes out again at the next start.
            jobs.awaitRelay(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (turns != null) {
            try {
                turns.delivery().recordDeliveredEarlier();
            } catch (RuntimeException e) {
                log.warn(
                        "replies delivered while the database was away could not be recorded; they may go out again: {}",
                        e.getMessage());
            }
        }
        assembly.close();
        single.ifPresent(SingleService::close);
    }
}
