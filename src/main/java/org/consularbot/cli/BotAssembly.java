package org.consularbot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.ToDoubleFunction;
import org.consularbot.advisory.SignupExchange;
import org.consularbot.config.BotConfig;
import org.consularbot.config.HandoffConfig;
import org.consularbot.config.InvalidSettingException;
import org.consularbot.config.LlmConfig;
import org.consularbot.conversation.BotTexts;
import org.consularbot.conversation.CitizenRateLimiter;
import org.consularbot.conversation.ConversationLocks;
import org.consularbot.conversation.Dialogue;
import org.consularbot.conversation.FallbackAnswerer;
import org.consularbot.conversation.InProcessLocks;
import org.consularbot.conversation.Knowledge;
import org.consularbot.conversation.OfficerTurnTexts;
import org.consularbot.conversation.OfficerTurns;
import org.consularbot.conversation.Recovery;
import org.consularbot.conversation.ReplyDelivery;
import org.consularbot.conversation.ReplySender;
import org.consularbot.conversation.TurnProcessor;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.CorpusLoader;
import org.consularbot.faq.FaqMatchers;
import org.consularbot.faq.Language;
import org.consularbot.faq.PassageIndex;
import org.consularbot.faq.PhrasingEditor;
import org.consularbot.handoff.CitizenLine;
import org.consularbot.handoff.DutyRoster;
import org.consularbot.handoff.HandoffService;
import org.consularbot.handoff.Officer;
import org.consularbot.handoff.OfficerDesk;
import org.consularbot.handoff.OfficerReach;
import org.consularbot.handoff.SlaWatch;
import org.consularbot.llm.ChatModels;
import org.consularbot.llm.ExtractiveFallback;
import org.consularbot.llm.LlmFallback;
import org.consularbot.llm.LlmStats;
import org.consularbot.metrics.BotMetrics;
import org.consularbot.store.Database;
import org.consularbot.store.DatabaseSettings;
import org.consularbot.store.JdbcConversationStore;
import org.consularbot.store.JdbcOfficerDirectory;
import org.consularbot.store.JdbcOfficerInbox;
import org.consularbot.store.JdbcOfficerOutbox;
import org.consularbot.store.JdbcSubscriptions;
import org.consularbot.store.JdbcTicketStore;
import org.consularbot.store.PostgresConversationLocks;
import org.consularbot.store.PostgresLeadership;
import org.consularbot.store.ReceiptJournal;
import org.consularbot.store.ReceiptReplay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires a running bot from its configuration: corpus, database, store, dialogue, turn processor. The one place
 * that knows which implementation goes behind each port; commands ask it for what they need.
 */
final class BotAssembly implements AutoCloseable {

    final BotConfig config;
    final Corpus corpus;
    final Database database;
    final JdbcConversationStore store;
    private final Clock clock;
    final JdbcTicketStore tickets;
    final JdbcOfficerDirectory officers;
    final JdbcOfficerOutbox officerOutbox;
    final JdbcOfficerInbox officerInbox;
    /** Citizens' consent to advisories, written by the subscription exchange inside their turns. */
    final JdbcSubscriptions subscriptions;
    /** How long a question of the subscription exchange stays open; after it, the citizen's words are questions again. */
    static final Duration SUBSCRIBE_TIMEOUT = Duration.ofMinutes(30);
    /** Gives H2 the receipt journal again when it closed itself and opened again while the service runs. */
    final ReceiptReplay receiptReplay;

    private final CitizenLine citizenLine;
    /** The texts of officer turns (taken, closed, outside hours...): read from the corpus serving at each turn. */
    final OfficerTurnTexts officerTexts;

    /** Outlives the fallbacks corpus reloads replace, so /metrics keeps counting the one serving. */
    private final LlmStats llmStats = new LlmStats();

    private final DutyRoster roster;
    private final BotMetrics metrics;
    /** Threads that may hold a conversation lock at once: chat lanes, relay, webhook threads. */
    private static final int LOCK_CONNECTIONS = 32;

    /** On PostgreSQL, the advisory locks' own pool; none on H2. */
    private final Optional<Database> lockDatabase;

    private final ConversationLocks locks;
    private final HandoffService handoff;
    private final Turns turns;
    private final List<PostgresLeadership> leaderships = new CopyOnWriteArrayList<>();
    /** What delivers to officers and whom it reaches: everyone by default (the terminal trial's console). */
    private volatile OfficerReach officerReach = OfficerReach.EVERYONE;

    private static final Logger log = LoggerFactory.getLogger(BotAssembly.class);
    /** Messages written beside an H2 file before they are acknowledged (H2 may lose them when killed). */
    private final Optional<ReceiptJournal> receipts;
    /**
     * What every dialogue reads, once per turn: the serving corpus with its matcher, texts and fallback, replaced whole
     * by each valid edit.
     */
    private volatile Knowledge knowledge;
    /** Loads staff's edits with the same model cache the first load used. */
    private final CorpusLoader loader;

    /**
     * Builds everything in the order each part needs the others: stores, roster, knowledge, metrics, locks, delivery,
     * officers' turns, the handoff, then citizens' turns. Channels join later ({@link #turns}), once connected.
     */
    private BotAssembly(BotConfig config, Corpus corpus, Database database, Clock clock, CorpusLoader loader) {
        this.config = config;
        this.loader = loader;
        this.corpus = corpus;
        this.clock = clock;
        this.database = database;
        this.receipts = ReceiptJournal.besideDatabase(config.dbUrl(), clock);
        this.store = new JdbcConversationStore(database.dataSource(), clock, receipts);
        this.tickets = new JdbcTicketStore(database.dataSource());
        this.officers = new JdbcOfficerDirectory(database.dataSource());
        this.officerOutbox = new JdbcOfficerOutbox(database.dataSource());
        this.officerInbox = new JdbcOfficerInbox(database.dataSource(), receipts);
        this.subscriptions = new JdbcSubscriptions(database.dataSource());
        this.receiptReplay = new ReceiptReplay(database, receipts, store, officerInbox);
        this.officerTexts = new OfficerTurnTexts(this::serving);
        this.roster = roster(config, corpus.mission().timeZone());
        this.knowledge = knowledgeOf(corpus);
        this.metrics = metrics(config, store, tickets, officerOutbox, llmStats, clock);
        // Opened last: nothing after it can fail, so close() always closes it.
        this.lockDatabase = config.dbUrl().startsWith("jdbc:postgresql:")
                ? Optional.of(Database.open(
                        new DatabaseSettings(config.dbUrl(), config.dbUser(), config.dbPassword(), LOCK_CONNECTIONS)))
                : Optional.empty();
        this.locks = lockDatabase
                .<ConversationLocks>map(db -> new PostgresConversationLocks(db.dataSource()))
                .orElseGet(InProcessLocks::new);
        ReplyDelivery delivery = new ReplyDelivery(store.outbox(), store, locks, Map.of(), clock);
        delivery.observe(metrics);
        OfficerTurns officerTurns = new OfficerTurns(store, locks, delivery, clock);
        this.citizenLine = new CitizenLine(officerTurns, officerTexts);
        this.handoff = new HandoffService(
                tickets,
                officers,
                officerOutbox,
                roster,
                citizenLine,
                conversationId -> store.history().recentTexts(conversationId, 10),
                new OfficerReach() {
                    @Override
                    public boolean channel() {
                        return officerReach.channel();
                    }

                    @Override
                    public List<Officer> reachable(List<Officer> listed, Instant now) {
                        return officerReach.reachable(listed, now);
                    }
                },
                clock);
        Dialogue dialogue = new Dialogue(
                this::knowledge,
                handoff,
                new SignupExchange(subscriptions, SUBSCRIBE_TIMEOUT),
                new CitizenRateLimiter(config.rateLimitPerMinute(), clock),
                clock);
        TurnProcessor citizens = new TurnProcessor(store, locks, dialogue, delivery);
        citizens.observe(metrics);
        this.turns = new Turns(citizens, delivery, new Recovery(store, delivery, citizens, clock), officerTurns);
    }

    /** Loads the corpus and opens the database; fails with a message naming what is wrong. */
    static BotAssembly open(BotConfig config, CorpusSource corpora, PrintWriter err, Clock clock) throws Exception {
        Corpus corpus = corpora.load(config.faqDir().orElse(null), err);
        return open(config, corpus, clock, corpora.loader());
    }

    /** An assembly serving a corpus loaded already; edits are reloaded without a model cache. */
    static BotAssembly open(BotConfig config, Corpus corpus, Clock clock) {
        return open(config, corpus, clock, new CorpusLoader(clock));
    }

    private static BotAssembly open(BotConfig config, Corpus corpus, Clock clock, CorpusLoader loader) {
        Database database = Database.open(
                new DatabaseSettings(config.dbUrl(), config.dbUser(), config.dbPassword(), config.dbPoolSize()));
        BotAssembly assembly;
        try {
            assembly = new BotAssembly(config, corpus, database, clock, loader);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        try {
            int restored = assembly.store.restoreReceipts();
            if (restored > 0) {
                log.warn(
                        "the database had lost {} acknowledged messages when last stopped; restored from the receipt journal",
                        restored);
            }
            int actions = assembly.officerInbox.restoreReceipts();
            if (actions > 0) {
                log.warn(
                        "the database had lost {} acknowledged officers' actions when last stopped; restored from the receipt journal",
                        actions);
            }
            if (database.embedded()) { // one process only: the last run's claims are nobody's now
                assembly.officerInbox.releaseClaims();
            }
        } catch (RuntimeException e) {
            assembly.close();
            throw e;
        }
        return assembly;
    }

    /**
     * Serves a new corpus (validated already) from now on: new matcher, new passages, new fallback (its cache starts
     * empty), for every turn, officer text and notice.
     */
    void reload(Corpus next) {
        knowledge = knowledgeOf(next);
    }

    /** What the bot knows now; read at every turn. */
    Knowledge knowledge() {
        return knowledge;
    }

    private Knowledge knowledgeOf(Corpus source) {
        return Knowledge.of(source, FaqMatchers.vietnameseAware(source), fallbackFor(source));
    }

    /** The corpus serving now (the hotline may have changed): the one loaded at start, or staff's last valid edit. */
    Corpus serving() {
        return knowledge.corpus();
    }

    /** Adds supervisors' phrasings to FAQ_DIR, when the corpus comes from a folder; the watcher serves them. */
    Optional<PhrasingEditor> phrasingEditor() {
        return config.faqDir().map(dir -> new PhrasingEditor(dir, loader));
    }

    /** Watches FAQ_DIR for staff's edits, when the corpus comes from a folder. */
    Optional<CorpusWatcher> corpusWatcher() {
        return config.faqDir().map(dir -> new CorpusWatcher(dir, loader, this::reload));
    }

    /**
     * What answers when no FAQ entry fits: with {@code LLM_PROVIDER=none} the official passages themselves
     * (extractive), else the LLM over them, guarded.
     */
    private FallbackAnswerer fallbackFor(Corpus source) {
        BotTexts texts = new BotTexts(source);
        PassageIndex passages = new PassageIndex(source);
        return config.llm().provider() == LlmConfig.Provider.NONE
                ? new ExtractiveFallback(passages, texts)
                : new LlmFallback(
                        ChatModels.create(config.llm()),
                        passages,
                        texts,
                        source.mission().fact("mission_name", Language.EN),
                        llmStats,
                        clock);
    }

    /**
     * Citizens' turns, delivery and recovery, now also through the given channels (connected by the command), with
     * officers reachable through the handoff (when any is listed).
     */
    Turns turns(Map<String, ReplySender> senders) {
        turns.delivery().serve(senders);
        return turns;
    }

    /**
     * What a command serving citizens drives: their turns, the delivery of replies, recovery after a stop, and the
     * officers' turns the handoff speaks through.
     */
    record Turns(TurnProcessor citizens, ReplyDelivery delivery, Recovery recovery, OfficerTurns officers) {}

    /**
     * One lock per conversation: in-process on H2 (one process by design), across instances on PostgreSQL
     * (advisory locks on a pool of their own, so several instances can serve one bot).
     */
    ConversationLocks locks() {
        return locks;
    }

    /** Whether this instance does work only one instance may do (on H2, the only instance always does). */
    BooleanSupplier leadership(String role) {
        if (lockDatabase.isEmpty()) {
            return () -> true;
        }
        PostgresLeadership leadership =
                new PostgresLeadership(lockDatabase.get().dataSource(), role);
        leaderships.add(leadership);
        return leadership;
    }

    /** The service's metrics; gauges read the database when scraped. */
    BotMetrics metrics() {
        return metrics;
    }

    private static BotMetrics metrics(
            BotConfig config,
            JdbcConversationStore store,
            JdbcTicketStore tickets,
            JdbcOfficerOutbox officerOutbox,
            LlmStats llmStats,
            Clock clock) {
        BotMetrics metrics = new BotMetrics();
        metrics.gauge(
                "consular_tickets_open",
                "tickets queued or with an officer",
                () -> tickets.open().size());
        metrics.gauge(
                "consular_ticket_oldest_wait_seconds",
                "how long the longest-waiting ticket has had no officer reply",
                () -> tickets.awaitingFirstReply().stream()
                        .map(t ->
                                Duration.between(t.queuedAt(), clock.instant()).toSeconds())
                        .max(Long::compare)
                        .orElse(0L));
        metrics.gauge(
                "consular_outbox_backlog",
                "replies waiting to be sent",
                () -> store.outbox().countUnsent());
        metrics.gauge(
                "consular_officer_outbox_backlog",
                "messages waiting for the officers' channel",
                officerOutbox::countUnsent);
        if (config.llm().provider() != LlmConfig.Provider.NONE) {
            Map<String, ToDoubleFunction<LlmStats>> counts = new LinkedHashMap<>();
            for (String name : llmStats.snapshot().keySet()) {
                counts.put(name, stats -> stats.snapshot().get(name));
            }
            metrics.counters("consular_fallback_", llmStats, counts);
        }
        return metrics;
    }

    HandoffService handoff() {
        return handoff;
    }

    /**
     * Whether anything delivers to officers: the Telegram officers' group in service; in the terminal trial the
     * officer console (on by default). Without one, citizens are not promised an officer.
     */
    void officerChannel(boolean present) {
        this.officerReach = present ? OfficerReach.EVERYONE : OfficerReach.NOBODY;
    }

    /** What delivers to officers and whom it reaches now (in service: the group, or who is signed in to the console). */
    void officerReach(OfficerReach reach) {
        this.officerReach = reach;
    }

    /** What officers do; speaks to citizens through the last processor made. */
    OfficerDesk desk() {
        return new OfficerDesk(
                tickets,
                officers,
                officerOutbox,
                citizenLine,
                clock,
                config.handoff().showNames(),
                // The whole conversation, citizen, bot and officers, at the mission's times: /transcript, and the
                // history
                // a released ticket's new card carries.
                conversationId -> store.history()
                        .transcript(conversationId, 50, corpus.mission().timeZone()));
    }

    SlaWatch slaWatch() {
        return new SlaWatch(
                tickets,
                officers,
                officerOutbox,
                roster,
                citizenLine,
                clock,
                config.handoff().urgentLimit(),
                config.handoff().normalLimit());
    }

    /** The duty roster ({@code ROSTER_FILE}), or always on duty; in the mission's time zone, read at start. */
    private static DutyRoster roster(BotConfig config, ZoneId zone) {
        return config.handoff()
                .rosterFile()
                .map(file -> {
                    try {
                        return DutyRoster.parse(Files.readString(file), file.toString(), zone);
                    } catch (IOException e) {
                        throw new InvalidSettingException(HandoffConfig.ROSTER_FILE, "cannot be read: " + file);
                    } catch (IllegalArgumentException e) {
                        throw new InvalidSettingException(
                                HandoffConfig.ROSTER_FILE, "is not a valid roster: " + e.getMessage());
                    }
                })
                .orElse(DutyRoster.always(zone));
    }

    Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        leaderships.forEach(PostgresLeadership::close);
        lockDatabase.ifPresent(Database::close);
        database.close();
        receipts.ifPresent(ReceiptJournal::close);
    }
}
