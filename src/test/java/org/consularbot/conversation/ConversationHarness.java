package org.consularbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consularbot.conversation.DialogueTest.RENEW_VI;
import static org.consularbot.conversation.DialogueTest.VAGUE_VI;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.consularbot.ManualClock;
import org.consularbot.advisory.SignupExchange;
import org.consularbot.faq.FaqMatcher;
import org.consularbot.faq.FaqMatchers;
import org.consularbot.faq.TestCorpora;
import org.consularbot.store.Database;
import org.consularbot.store.JdbcConversationStore;
import org.consularbot.store.JdbcSubscriptions;
import org.consularbot.store.TestDatabases;

/**
 * The conversation core wired as production wires it (real FAQ corpus, default matcher, JDBC store, outbox,
 * {@link TurnProcessor}) with the outside world replaced by doubles the test controls: a sender that records
 * what reached the citizen, officers that can be switched on and off, and a clock the test moves. So a test
 * reads like a chat ({@code chat.say("...")} returns what the citizen saw) and still exercises the real
 * storage, exactly-once and recovery paths. The harness owns its database unless one is handed in.
 */
final class ConversationHarness implements AutoCloseable {

    static final String CHANNEL = "test";
    private static FaqMatcher matcher;

    final Database database;
    final JdbcConversationStore jdbcStore;
    final ConversationStore store;
    final Outbox outbox;
    final Dialogue dialogue;
    final ManualClock clock = new ManualClock(TestCorpora.CLOCK.instant());
    final RecordingSender sender;
    final RecordingEscalation escalation = new RecordingEscalation();
    final TurnProcessor processor;
    final ReplyDelivery delivery;
    final Recovery recovery;
    final OfficerTurns officerTurns;
    /** Citizens' consent to advisories, on the harness's database; the exchange is offered only when asked for. */
    final JdbcSubscriptions subscriptions;

    private final boolean ownsDatabase;
    private final List<Chat> chats = new ArrayList<>();
    private final AtomicLong messageIds = new AtomicLong();

    private ConversationHarness(Builder b) {
        this.ownsDatabase = b.database == null;
        this.database = b.database == null ? TestDatabases.h2() : b.database;
        this.jdbcStore = new JdbcConversationStore(b.dataSource.apply(database.dataSource()), clock);
        this.store = b.store.apply(jdbcStore);
        this.outbox = jdbcStore.outbox();
        this.sender = new RecordingSender(b.delegate);
        this.subscriptions = new JdbcSubscriptions(database.dataSource());
        Knowledge knowledge = Knowledge.of(
                TestCorpora.real(),
                b.matcher != null ? b.matcher : matcher(),
                b.fallback.orElseGet(() -> new HotlineFallback(new BotTexts(TestCorpora.real()))));
        this.dialogue = new Dialogue(
                () -> knowledge,
                escalation,
                b.subscriptions
                        ? new SignupExchange(subscriptions, Duration.ofMinutes(30))
                        : SignupExchange.notOffered(),
                new CitizenRateLimiter(b.rateLimit, clock),
                clock);
        Wired wired = Wired.wire(store, outbox, new InProcessLocks(), dialogue, Map.of(CHANNEL, sender), clock);
        this.processor = wired.processor();
        this.delivery = wired.delivery();
        this.recovery = wired.recovery();
        this.officerTurns = wired.officerTurns();
    }

    static synchronized FaqMatcher matcher() {
        if (matcher == null) {
            matcher = FaqMatchers.vietnameseAware(TestCorpora.real());
        }
        return matcher;
    }

    static Builder builder() {
        return new Builder();
    }

    static ConversationHarness create() {
        return builder().build();
    }

    /** A citizen's chat on the test channel. */
    synchronized Chat chat(String chatId) {
        Chat chat = new Chat(new ConversationKey(CHANNEL, chatId));
        chats.add(chat);
        return chat;
    }

    /** A second instance on the same database: its own memory and locks, the same store and channel. */
    Wired otherInstance() {
        return Wired.wire(store, outbox, new InProcessLocks(), dialogue, Map.of(CHANNEL, sender), clock);
    }

    /** Runs one SQL count against the harness's database (for facts the store interface does not expose). */
    long count(String sql, Object... args) {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                select.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks every chat's log explains its state, then closes the database if the harness opened it. */
    @Override
    public void close() {
        try {
            for (Chat chat : List.copyOf(chats)) {
                if (store.find(chat.key).isPresent()) {
                    chat.assertLogExplainsState();
                }
            }
        } finally {
            if (ownsDatabase) {
                database.close();
            }
        }
    }

    /** Options; defaults are no rate limit, no officers, the hotline fallback, a fresh H2 in-memory database. */
    static final class Builder {
        private int rateLimit;
        private Optional<FallbackAnswerer> fallback = Optional.empty();
        private Database database;
        private UnaryOperator<DataSource> dataSource = UnaryOperator.identity();
        private Function<ConversationStore, ConversationStore> store = s -> s;
        private ReplySender delegate;
        private FaqMatcher matcher;
        private boolean subscriptions;

        /** Offers the advisories subscription exchange (30-minute timeout) over the harness's database. */
        Builder subscriptions() {
            this.subscriptions = true;
            return this;
        }

        /** Another matcher than the real one (e.g. one that fails). */
        Builder matcher(FaqMatcher replacement) {
            this.matcher = replacement;
            return this;
        }

        Builder rateLimit(int perMinute) {
            this.rateLimit = perMinute;
            return this;
        }

        Builder fallback(FallbackAnswerer answerer) {
            this.fallback = Optional.of(answerer);
            return this;
        }

        /** A database the test opened and closes itself (shared between "processes"). */
        Builder database(Database shared) {
            this.database = shared;
            return this;
        }

        Builder dataSource(UnaryOperator<DataSource> wrapper) {
            this.dataSource = wrapper;
            return this;
        }

        Builder store(Function<ConversationStore, ConversationStore> wrapper) {
            this.store = wrapper;
            return this;
        }

        /** Called before the recording sender records: a mock or a failing channel. */
        Builder sender(ReplySender channel) {
            this.delegate = channel;
            return this;
        }

        ConversationHarness build() {
            return new ConversationHarness(this);
        }
    }

    /** One citizen's conversation, spoken to through the turn processor. */
    final class Chat {
        final ConversationKey key;
        TurnResult last;

        private Chat(ConversationKey key) {
            this.key = key;
        }

        List<Reply> say(String text) {
            return send(ContentKind.TEXT, text);
        }

        List<Reply> press(String payload) {
            return send(ContentKind.BUTTON, payload);
        }

        /** Sends a new message and returns the replies the citizen received during this turn. */
        List<Reply> send(ContentKind kind, String text) {
            return deliver(message(kind, text));
        }

        /** Hands a message (new or redelivered) to the processor; returns what the citizen received. */
        List<Reply> deliver(InboundMessage message) {
            int before = sender.sent().size();
            last = processor.handle(message);
            List<OutboxEntry> sent = sender.sent();
            return sent.subList(before, sent.size()).stream()
                    .map(OutboxEntry::reply)
                    .toList();
        }

        InboundMessage message(ContentKind kind, String text) {
            return new InboundMessage(key, null, "m" + messageIds.incrementAndGet(), kind, text, clock.instant());
        }

        Conversation conversation() {
            return store.find(key).orElseThrow();
        }

        ConversationState state() {
            return conversation().state();
        }

        List<ConversationEvent> log() {
            return store.log(conversation().id());
        }

        /** The state changes in the log, as {@code from>to:trigger}. */
        List<String> stateChanges() {
            return log().stream()
                    .filter(e -> e.type() == ConversationEvent.Type.STATE_CHANGED)
                    .map(e -> e.from().orElseThrow().code() + ">"
                            + e.to().orElseThrow().code() + ":" + e.detail())
                    .toList();
        }

        /** What an officer module would do: one allowed transition, committed and logged like any turn. */
        void officer(Trigger trigger) {
            Conversation c = conversation();
            ConversationState next = Transitions.require(c.state(), trigger);
            store.commitTurn(new TurnRecord(
                    c.id(),
                    c.version(),
                    -1,
                    TurnOutcome.of(TurnOutcome.Kind.OFFICER),
                    next,
                    c.preferredLanguage(),
                    c.lastLanguage(),
                    List.of(),
                    0,
                    List.of(ConversationEvent.stateChanged(clock.instant(), Actor.OFFICER, c.state(), next, trigger)),
                    List.of(),
                    Optional.empty(),
                    clock.instant()));
        }

        /** Brings the chat into {@code state} the way it happens in use (officer steps as an officer module would). */
        void bring(ConversationState state) {
            switch (state) {
                case BOT_ANSWERING -> say(RENEW_VI);
                case AWAITING_CHOICE -> say(VAGUE_VI);
                case WAITING_FOR_OFFICER -> {
                    escalation.available = true;
                    say("/human");
                }
                case WITH_OFFICER -> {
                    escalation.available = true;
                    say(RENEW_VI);
                    officer(Trigger.OFFICER_JOINED);
                }
                case CLOSED -> {
                    say(RENEW_VI);
                    officer(Trigger.CLOSED_BY_OFFICER);
                }
            }
            assertThat(state()).isEqualTo(state);
        }

        /** The log's state changes chain from bot-answering to the stored state: no unexplained jump. */
        void assertLogExplainsState() {
            ConversationState at = ConversationState.BOT_ANSWERING;
            for (ConversationEvent e : log()) {
                if (e.type() == ConversationEvent.Type.STATE_CHANGED) {
                    assertThat(e.from()).as("log of %s: %s", key, e).contains(at);
                    assertThat(e.to()).isPresent().isNotEqualTo(e.from());
                    assertThat(Transitions.next(
                                    at, Trigger.valueOf(e.detail().toUpperCase().replace('-', '_'))))
                            .as("logged trigger %s", e.detail())
                            .isEqualTo(e.to());
                    at = e.to().orElseThrow();
                }
            }
            assertThat(state()).as("state of %s matches its log", key).isEqualTo(at);
        }
    }
}
