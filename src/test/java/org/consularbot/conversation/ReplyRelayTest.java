package org.consularbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.consularbot.conversation.DialogueTest.RENEW_VI;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.consularbot.conversation.ConversationHarness.Chat;
import org.junit.jupiter.api.Test;

/**
 * Which process relays a reply, and only once: when relays race on a listing taken before another sent it, when a
 * process does not serve the reply's channel, and when the database goes away between sending and recording it.
 */
class ReplyRelayTest {

    @Test
    void aReplyItsOwnTurnSentAfterTheRelayListedItIsNotSentAgain() {
        try (ConversationHarness bot = ConversationHarness.create()) {
            bot.sender.failNext(new DeliveryException("Telegram 502", false, null));
            bot.chat("c1").say(RENEW_VI);
            bot.clock.advance(Duration.ofSeconds(2));
            // The relay lists the reply as due; before it takes the lock, another attempt delivers it.
            List<OutboxEntry> listed = bot.outbox.due(10, bot.clock.instant());
            assertThat(bot.delivery.sendDue()).isEqualTo(1);

            Wired lateRelay = Wired.wire(
                    bot.store,
                    staleListing(bot.outbox, listed),
                    new InProcessLocks(),
                    bot.dialogue,
                    Map.of(ConversationHarness.CHANNEL, bot.sender),
                    bot.clock);

            assertThat(lateRelay.delivery().sendDue()).isZero();
            assertThat(bot.sender.sent()).hasSize(1);
        }
    }

    @Test
    void aReplyFailedWithRetryAfterAfterTheRelayListedItWaitsItOut() {
        try (ConversationHarness bot = ConversationHarness.create()) {
            bot.sender.failNext(new DeliveryException("Telegram 502", false, null));
            bot.chat("c1").say(RENEW_VI);
            bot.clock.advance(Duration.ofSeconds(2));
            List<OutboxEntry> listed = bot.outbox.due(10, bot.clock.instant());
            bot.sender.failNext(new DeliveryException("429", false, Duration.ofSeconds(60), null));
            assertThat(bot.delivery.sendDue()).isZero();

            Wired lateRelay = Wired.wire(
                    bot.store,
                    staleListing(bot.outbox, listed),
                    new InProcessLocks(),
                    bot.dialogue,
                    Map.of(ConversationHarness.CHANNEL, bot.sender),
                    bot.clock);

            assertThat(lateRelay.delivery().sendDue())
                    .as("retry_after not over")
                    .isZero();
            assertThat(bot.sender.attempts()).isEqualTo(2);
        }
    }

    /** An outbox whose listing of due replies is a snapshot taken earlier: what a relay sees when it loses a race. */
    private static Outbox staleListing(Outbox real, List<OutboxEntry> listed) {
        return (Outbox) Proxy.newProxyInstance(
                Outbox.class.getClassLoader(),
                new Class<?>[] {Outbox.class},
                (proxy, method, args) -> method.getName().equals("due") ? listed : method.invoke(real, args));
    }

    /**
     * Regression: a terminal chat's own replies were picked out of the first 500 due replies of every chat, so behind
     * a backlog of other citizens' replies its citizen never saw theirs.
     */
    @Test
    void aConversationsOwnDueRepliesAreSentWhateverTheBacklogOfOthers() {
        try (ConversationHarness bot = ConversationHarness.create()) {
            bot.sender.failNext(new DeliveryException("Telegram 502", false, null));
            bot.chat("c1").say(RENEW_VI);
            bot.clock.advance(Duration.ofSeconds(3));
            List<OutboxEntry> othersOnly = List.of(); // the global batch is full of other chats' replies
            Wired chatProcess = Wired.wire(
                    bot.store,
                    staleListing(bot.outbox, othersOnly),
                    new InProcessLocks(),
                    bot.dialogue,
                    Map.of(ConversationHarness.CHANNEL, bot.sender),
                    bot.clock);

            assertThat(chatProcess.delivery().sendDueTo(new ConversationKey(ConversationHarness.CHANNEL, "c1")))
                    .isEqualTo(1);
            assertThat(chatProcess.delivery().sendDueTo(new ConversationKey(ConversationHarness.CHANNEL, "c1")))
                    .as("once")
                    .isZero();
        }
    }

    @Test
    void withTheDatabaseDownNothingIsSentAndTheRedeliveryIsAnsweredOnceItIsBack() {
        AtomicBoolean down = new AtomicBoolean();
        try (ConversationHarness bot = ConversationHarness.builder()
                .dataSource(ds -> switchable(ds, down))
                .build()) {
            Chat chat = bot.chat("c1");
            chat.say("/start");
            InboundMessage message = chat.message(ContentKind.TEXT, RENEW_VI);
            down.set(true);

            assertThatThrownBy(() -> chat.deliver(message))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("database");
            assertThat(bot.sender.sent()).hasSize(1);

            down.set(false);
            assertThat(chat.deliver(message)).extracting(Reply::kind).containsExactly(ReplyKind.ANSWER);
            assertThat(chat.deliver(message)).isEmpty();
            assertThat(bot.recovery.recover()).isEqualTo(new Recovery.Report(0, 0));
            assertThat(bot.sender.sent()).hasSize(2);
        }
    }

    @Test
    void aReplyDeliveredJustBeforeTheDatabaseWentDownIsRecordedLaterAndNotSentAgain() {
        AtomicBoolean down = new AtomicBoolean();
        // The database goes down the moment the reply has gone out, before it is marked sent (a PostgreSQL restart).
        ReplySender thenDatabaseDown = databaseDownAfterFirstSend(down);
        try (ConversationHarness bot = ConversationHarness.builder()
                .dataSource(ds -> switchable(ds, down))
                .sender(thenDatabaseDown)
                .build()) {
            bot.chat("c1").say(RENEW_VI);
            assertThat(bot.sender.sent()).hasSize(1);

            down.set(false);
            bot.clock.advance(Duration.ofSeconds(10));
            assertThat(bot.otherInstance().delivery().sendDue())
                    .as("another instance leaves the reply to the turn that queued it")
                    .isZero();
            assertThat(bot.delivery.sendDue()).isZero();
            assertThat(bot.sender.sent()).as("the citizen got it once").hasSize(1);
            assertThat(bot.outbox.unsent(10))
                    .as("recorded as sent once the database is back")
                    .isEmpty();
        }
    }

    @Test
    void aReplyAnInstanceQueuedAndThenDiedWithIsSentByAnotherOnceItsLeaseEnds() {
        AtomicBoolean down = new AtomicBoolean();
        ReplySender thenDatabaseDown = databaseDownAfterFirstSend(down);
        try (ConversationHarness bot = ConversationHarness.builder()
                .dataSource(ds -> switchable(ds, down))
                .sender(thenDatabaseDown)
                .build()) {
            bot.chat("c1").say(RENEW_VI);
            down.set(false); // and the instance that sent it dies before recording it
            Wired survivor = bot.otherInstance();

            bot.clock.advance(ReplyDelivery.LEASE.minusSeconds(1));
            assertThat(survivor.delivery().sendDue()).isZero();
            bot.clock.advance(Duration.ofSeconds(2));
            assertThat(survivor.delivery().sendDue())
                    .as("at least once: never lost")
                    .isEqualTo(1);
        }
    }

    private static ReplySender databaseDownAfterFirstSend(AtomicBoolean down) {
        AtomicBoolean first = new AtomicBoolean(true);
        return entry -> {
            if (first.getAndSet(false)) {
                down.set(true);
            }
        };
    }

    @Test
    void aReplyForAChannelThisProcessDoesNotServeIsDueAtOnceForTheProcessThatDoes() {
        try (ConversationHarness bot = ConversationHarness.create()) {
            bot.chat("c1").say("/start");
            // An officer console: a process with the database but not the citizen's channel.
            Wired console = Wired.wire(bot.store, bot.outbox, new InProcessLocks(), bot.dialogue, Map.of(), bot.clock);

            assertThat(console.officerTurns()
                            .take(
                                    new ConversationKey(ConversationHarness.CHANNEL, "c1"),
                                    Optional.empty(),
                                    List.of(Reply.text(ReplyKind.OFFICER, "Officer: we are calling you")),
                                    "reply"))
                    .isTrue();

            assertThat(bot.delivery.sendDue())
                    .as("no lease: the serving process relays it now")
                    .isEqualTo(1);
            assertThat(bot.sender.sent())
                    .last()
                    .satisfies(e -> assertThat(e.reply().text()).contains("calling you"));
        }
    }

    @Test
    void aProcessThatDoesNotServeTheChannelDoesNotClaimItsRepliesAwayFromOneThatDoes() {
        try (ConversationHarness bot = ConversationHarness.create()) {
            bot.sender.failNext(new DeliveryException("Telegram 502", false, null));
            bot.chat("c1").say(RENEW_VI);
            bot.clock.advance(Duration.ofSeconds(3));
            Wired elsewhere =
                    Wired.wire(bot.store, bot.outbox, new InProcessLocks(), bot.dialogue, Map.of(), bot.clock);

            assertThat(elsewhere.delivery().sendDue()).isZero();
            assertThat(bot.delivery.sendDue())
                    .as("due now, not leased by a process that could not send it")
                    .isEqualTo(1);
        }
    }

    /** The harness's DataSource that refuses connections while {@code down} is set, as a database that went away. */
    static DataSource switchable(DataSource real, AtomicBoolean down) {
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && down.get()) {
                        throw new SQLException("Connection refused (simulated)", "08001");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
