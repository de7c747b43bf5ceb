package org.consularbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.consularbot.conversation.DialogueTest.RENEW_ID;
import static org.consularbot.conversation.DialogueTest.RENEW_VI;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.consularbot.conversation.ConversationHarness.Chat;
import org.consularbot.conversation.RecordingSender.Crash;
import org.consularbot.store.Database;
import org.consularbot.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exactly one reply per message through redeliveries, crashes, channel failures and a database that goes away. */
class TurnProcessorTest {

    @Test
    void aRedeliveredMessageGetsNoSecondReply() {
        try (ConversationHarness bot = ConversationHarness.create()) {
            Chat chat = bot.chat("c1");
            InboundMessage message = chat.message(ContentKind.TEXT, RENEW_VI);

            assertThat(chat.deliver(message)).hasSize(1);
            assertThat(chat.deliver(message)).isEmpty();
            assertThat(chat.last.duplicate()).isTrue();
            assertThat(chat.last.outcome().code()).isEqualTo("duplicate");
            assertThat(chat.deliver(message)).isEmpty();

            assertThat(bot.sender.sent()).hasSize(1);
            assertThat(chat.log())
                    .filteredOn(e -> e.type() == ConversationEvent.Type.MESSAGE_RECEIVED)
                    .hasSize(1);
        }
    }

    @Test
    void aCrashBetweenStoringAndSendingIsFinishedByRecoveryAfterARestart(@TempDir Path dir) {
        Database first = TestDatabases.h2File(dir);
        ConversationHarness before =
                ConversationHarness.builder().database(first).build();
        Chat chat = before.chat("c1");
        InboundMessage message = chat.message(ContentKind.TEXT, RENEW_VI);
        before.sender.failNext(new Crash("while sending"));

        assertThatThrownBy(() -> chat.deliver(message)).isInstanceOf(Crash.class);
        assertThat(before.sender.sent()).isEmpty();
        first.close(); // the process is gone

        Database second = TestDatabases.h2File(dir);
        try (ConversationHarness after =
                ConversationHarness.builder().database(second).build()) {
            Recovery.Report report = after.recovery.recover();

            assertThat(report.repliesResent()).isEqualTo(1);
            assertThat(report.messagesAnswered()).isZero();
            assertThat(after.sender.sent())
                    .singleElement()
                    .satisfies(e -> assertThat(e.reply().entryId()).contains(RENEW_ID));
            assertThat(after.outbox.unsent(10)).isEmpty();
            assertThat(after.count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NOT NULL"))
                    .isEqualTo(1);
            assertThat(after.count("SELECT COUNT(*) FROM outbox")).isEqualTo(1);

            Chat again = after.chat("c1");
            assertThat(again.deliver(message)).as("the channel redelivers it").isEmpty();
            assertThat(after.recovery.recover()).isEqualTo(new Recovery.Report(0, 0));
            assertThat(after.sender.sent()).hasSize(1);
        } finally {
            second.close();
        }
    }

    @Test
    void aCrashBetweenStoringTheMessageAndCommittingTheTurnIsAnsweredOnceByRecovery() {
        Database shared = TestDatabases.h2();
        try {
            AtomicBoolean crash = new AtomicBoolean(true);
            ConversationHarness before = ConversationHarness.builder()
                    .database(shared)
                    .store(store -> new CrashingStore(store, crash))
                    .build();
            Chat chat = before.chat("c1");
            InboundMessage message = chat.message(ContentKind.TEXT, RENEW_VI);

            assertThatThrownBy(() -> chat.deliver(message)).isInstanceOf(Crash.class);
            assertThat(before.store.unanswered(10)).hasSize(1);
            assertThat(before.outbox.unsent(10)).isEmpty();

            ConversationHarness after =
                    ConversationHarness.builder().database(shared).build();
            assertThat(after.recovery.recover()).isEqualTo(new Recovery.Report(0, 1));
            assertThat(after.recovery.recover()).isEqualTo(new Recovery.Report(0, 0));
            assertThat(after.sender.sent())
                    .singleElement()
                    .satisfies(e -> assertThat(e.reply().entryId()).contains(RENEW_ID));
            assertThat(after.store.unanswered(10)).isEmpty();

            assertThat(after.chat("c1").deliver(message)).isEmpty();
            assertThat(before.sender.sent()).isEmpty();
            assertThat(after.sender.sent()).hasSize(1);
            after.close();
        } finally {
            shared.close();
        }
    }

    @Test
    void aRedeliveryAfterACrashBeforeTheCommitIsAnsweredOnceWithoutWaitingForRecovery() {
        Database shared = TestDatabases.h2();
        try {
            ConversationHarness before = ConversationHarness.builder()
                    .database(shared)
                    .store(store -> new CrashingStore(store, new AtomicBoolean(true)))
                    .build();
            InboundMessage message = before.chat("c1").message(ContentKind.TEXT, RENEW_VI);
            assertThatThrownBy(() -> before.processor.handle(message)).isInstanceOf(Crash.class);

            try (ConversationHarness after =
                    ConversationHarness.builder().database(shared).build()) {
                Chat chat = after.chat("c1");
                assertThat(chat.deliver(message)).extracting(Reply::kind).containsExactly(ReplyKind.ANSWER);
                assertThat(chat.deliver(message)).isEmpty();
                assertThat(after.recovery.recover()).isEqualTo(new Recovery.Report(0, 0));
            }
        } finally {
            shared.close();
        }
    }

    @Test
    void aRetriableDeliveryFailureLeavesTheReplyUnsentUntilResendDeliversIt() {
        try (ConversationHarness bot = ConversationHarness.create()) {
            Chat chat = bot.chat("c1");
            bot.sender.failNext(new DeliveryException("Telegram 502", false, null));

            assertThat(chat.say(RENEW_VI)).isEmpty();
            assertThat(chat.last.replies()).hasSize(1);
            assertThat(bot.outbox.unsent(10))
                    .singleElement()
                    .extracting(OutboxEntry::attempts)
                    .isEqualTo(1);

            assertThat(bot.delivery.sendDue()).as("not due yet: backoff").isZero();
            bot.clock.advance(Duration.ofSeconds(2));
            assertThat(bot.delivery.sendDue()).isEqualTo(1);
            assertThat(bot.sender.sent())
                    .singleElement()
                    .satisfies(e -> assertThat(e.reply().entryId()).contains(RENEW_ID));
            assertThat(bot.outbox.unsent(10)).isEmpty();
            assertThat(bot.delivery.sendDue()).isZero();
            assertThat(bot.sender.sent()).hasSize(1);
        }
    }

    @Test
    void aPermanentDeliveryFailureIsNotRetried() throws DeliveryException {
        ReplySender blocked = mock(ReplySender.class);
        doThrow(new DeliveryException("bot blocked by the user", true, null))
                .when(blocked)
                .send(any());
        try (ConversationHarness bot =
                ConversationHarness.builder().sender(blocked).build()) {
            bot.chat("c1").say(RENEW_VI);

            assertThat(bot.outbox.unsent(10)).isEmpty();
            assertThat(bot.delivery.sendDue()).isZero();
            assertThat(bot.recovery.recover()).isEqualTo(new Recovery.Report(0, 0));
            verify(blocked, times(1)).send(any());
            assertThat(bot.count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND last_error LIKE '%blocked%'"))
                    .isEqualTo(1);
        }
    }

    /** Regression (issue 17, lanes): a paced reply is held, not slept on, and the chat's later replies wait behind it. */
    @Test
    void aReplyTheChannelHeldKeepsTheChatsLaterRepliesBehindIt() {
        try (ConversationHarness bot = ConversationHarness.create()) {
            Chat chat = bot.chat("c1");
            bot.sender.failNext(DeliveryException.held("paced", Duration.ofSeconds(1)));

            assertThat(chat.say(RENEW_VI)).isEmpty();
            assertThat(chat.say("cảm ơn nhiều nhé")).as("behind the held reply").isEmpty();
            assertThat(bot.sender.sent()).isEmpty();
            assertThat(bot.outbox.unsent(10))
                    .hasSize(2)
                    .allSatisfy(e -> assertThat(e.attempts())
                            .as("holding uses up no attempt")
                            .isZero());

            bot.clock.advance(Duration.ofSeconds(1));
            assertThat(bot.delivery.sendDue()).isEqualTo(2);
            assertThat(bot.sender.sent()).hasSize(2);
            assertThat(bot.sender.sent().get(0).reply().entryId())
                    .as("in the order the citizen was answered")
                    .contains(RENEW_ID);
        }
    }

    @Test
    void aRetriableFailureIsGivenUpAfterTheMaximumAttempts() {
        try (ConversationHarness bot = ConversationHarness.create()) {
            for (int i = 0; i < Outbox.MAX_ATTEMPTS; i++) {
                bot.sender.failNext(new DeliveryException("timeout", false, null));
            }
            bot.chat("c1").say(RENEW_VI);
            for (int i = 1; i < Outbox.MAX_ATTEMPTS; i++) {
                bot.clock.advance(Duration.ofMinutes(5));
                assertThat(bot.delivery.sendDue()).isZero();
            }

            assertThat(bot.sender.attempts()).isEqualTo(Outbox.MAX_ATTEMPTS);
            assertThat(bot.outbox.unsent(10)).isEmpty();
            bot.clock.advance(Duration.ofMinutes(5));
            assertThat(bot.delivery.sendDue()).isZero();
            assertThat(bot.sender.attempts()).isEqualTo(Outbox.MAX_ATTEMPTS);
        }
    }

    @Test
    void aChannelsRetryAfterIsHonouredBeforeTheNextAttempt() {
        try (ConversationHarness bot = ConversationHarness.create()) {
            bot.sender.failNext(new DeliveryException("429 Too Many Requests", false, Duration.ofSeconds(30), null));
            bot.chat("c1").say(RENEW_VI);

            bot.clock.advance(Duration.ofSeconds(29));
            assertThat(bot.delivery.sendDue()).isZero();
            bot.clock.advance(Duration.ofSeconds(1));
            assertThat(bot.delivery.sendDue()).isEqualTo(1);
            assertThat(bot.sender.sent())
                    .singleElement()
                    .satisfies(e -> assertThat(e.reply().entryId()).contains(RENEW_ID));
        }
    }

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

    @Test
    void aMessageWhoseAnswerFailedAfterItWasAcknowledgedIsAnsweredByTheStaleSweep() {
        try (ConversationHarness bot = ConversationHarness.create()) {
            bot.processor.accept(bot.chat("c1").message(ContentKind.TEXT, RENEW_VI));
            assertThat(bot.recovery.answerStale(Duration.ofSeconds(30)))
                    .as("too fresh: its lane may still answer it")
                    .isZero();

            bot.clock.advance(Duration.ofSeconds(31));
            assertThat(bot.recovery.answerStale(Duration.ofSeconds(30))).isEqualTo(1);
            assertThat(bot.recovery.answerStale(Duration.ofSeconds(30))).isZero();
            assertThat(bot.sender.sent())
                    .singleElement()
                    .satisfies(e -> assertThat(e.reply().entryId()).contains(RENEW_ID));
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
    void anAcceptedMessageIsAnsweredLaterOnceAndItsRedeliveryIsNotAnsweredAgain() {
        try (ConversationHarness bot = ConversationHarness.create()) {
            InboundMessage message = bot.chat("c1").message(ContentKind.TEXT, RENEW_VI);

            StoredInbound stored = bot.processor.accept(message);
            assertThat(bot.sender.sent()).isEmpty();
            StoredInbound again = bot.processor.accept(message);
            assertThat(again.duplicate()).isTrue();

            assertThat(bot.processor.answerStored(stored).duplicate()).isFalse();
            assertThat(bot.processor.answerStored(again).duplicate()).isTrue();
            assertThat(bot.processor.answerStored(bot.processor.accept(message)).duplicate())
                    .isTrue();
            assertThat(bot.sender.sent())
                    .singleElement()
                    .satisfies(e -> assertThat(e.reply().entryId()).contains(RENEW_ID));
        }
    }

    @Test
    void anAcceptedMessageLeftUnansweredByACrashIsAnsweredByRecovery() {
        try (ConversationHarness bot = ConversationHarness.create()) {
            bot.processor.accept(bot.chat("c1").message(ContentKind.TEXT, RENEW_VI));

            assertThat(bot.recovery.recover()).isEqualTo(new Recovery.Report(0, 1));
            assertThat(bot.sender.sent())
                    .singleElement()
                    .satisfies(e -> assertThat(e.reply().entryId()).contains(RENEW_ID));
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
            assertThat(otherInstance(bot).delivery().sendDue())
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
            Wired survivor = otherInstance(bot);

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

    @Test
    void startUpRecoveryLeavesToLiveInstancesWhatTheyAcceptedAfterItStarted() {
        try (ConversationHarness bot = ConversationHarness.create()) {
            InboundMessage before = bot.chat("c1").message(ContentKind.TEXT, RENEW_VI);
            bot.processor.accept(before);
            InboundMessage after = InboundMessage.text(
                    new ConversationKey(ConversationHarness.CHANNEL, "c2"),
                    "c2",
                    "m-late",
                    RENEW_VI,
                    bot.clock.instant().plusSeconds(1));
            bot.processor.accept(after);

            assertThat(otherInstance(bot).recovery().recover()).isEqualTo(new Recovery.Report(0, 1));
            assertThat(bot.store.unanswered(10))
                    .extracting(stored -> stored.message().conversation().chatId())
                    .containsExactly("c2");
        }
    }

    /** A second instance on the same database: its own memory and locks, the same store and channel. */
    private static Wired otherInstance(ConversationHarness bot) {
        return Wired.wire(
                bot.store,
                bot.outbox,
                new InProcessLocks(),
                bot.dialogue,
                Map.of(ConversationHarness.CHANNEL, bot.sender),
                bot.clock);
    }

    @Test
    void recoveryDoesNotAnswerAgainAMessageAnotherInstanceAnsweredAfterItWasListed() {
        try (ConversationHarness bot = ConversationHarness.create()) {
            StoredInbound stored = bot.processor.accept(bot.chat("c1").message(ContentKind.TEXT, RENEW_VI));
            List<StoredInbound> listed = bot.store.unanswered(10);
            // The live instance answers it between the starting instance's listing and its taking the lock.
            bot.processor.answerStored(stored);
            AtomicBoolean first = new AtomicBoolean(true);
            ConversationStore staleListing = new DelegatingStore(bot.store) {
                @Override
                public List<StoredInbound> unanswered(int limit) {
                    return first.getAndSet(false) ? listed : super.unanswered(limit);
                }
            };
            Wired starting = Wired.wire(
                    staleListing,
                    bot.outbox,
                    new InProcessLocks(),
                    bot.dialogue,
                    Map.of(ConversationHarness.CHANNEL, bot.sender),
                    bot.clock);

            assertThat(starting.recovery().recover()).isEqualTo(new Recovery.Report(0, 0));
            assertThat(bot.sender.sent()).hasSize(1);
        }
    }

    @Test
    void twoThreadsWritingIntoOneConversationAreAllAnsweredInOrder() throws Exception {
        // An echoing fallback makes each reply name the message it answers.
        FallbackAnswerer echo = question -> Reply.text(ReplyKind.FALLBACK, "echo " + question.text());
        try (ConversationHarness bot =
                ConversationHarness.builder().fallback(echo).build()) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<TurnResult>>> writers = new ArrayList<>();
            for (String writer : List.of("alpha", "bravo")) {
                writers.add(pool.submit(() -> {
                    Chat chat = bot.chat("shared");
                    List<TurnResult> results = new ArrayList<>();
                    start.await();
                    for (int i = 0; i < 50; i++) {
                        chat.say("xqzv " + writer + " " + i);
                        results.add(chat.last);
                    }
                    return results;
                }));
            }
            start.countDown();
            List<TurnResult> results = new ArrayList<>();
            for (Future<List<TurnResult>> writer : writers) {
                results.addAll(writer.get()); // rethrows a ConcurrentTurnException, if any
            }
            pool.shutdown();

            assertThat(results)
                    .hasSize(100)
                    .allSatisfy(r -> assertThat(r.replies()).hasSize(1));
            List<String> sent =
                    bot.sender.sent().stream().map(e -> e.reply().text()).toList();
            assertThat(sent).hasSize(100);
            for (String writer : List.of("alpha", "bravo")) {
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    expected.add("echo xqzv " + writer + " " + i);
                }
                assertThat(sent.stream().filter(t -> t.contains(writer)).toList())
                        .containsExactlyElementsOf(expected);
            }
            Conversation conversation = bot.store
                    .find(new ConversationKey(ConversationHarness.CHANNEL, "shared"))
                    .orElseThrow();
            assertThat(conversation.version()).isEqualTo(100);
            assertThat(bot.outbox.replies(conversation.id()))
                    .extracting(e -> e.reply().text())
                    .as("stored in the order sent")
                    .containsExactlyElementsOf(sent);
            assertThat(bot.store.unanswered(10)).isEmpty();
        }
    }

    /** A store whose next commitTurn dies like the process would, once, while {@code crash} is set. */
    private static final class CrashingStore extends DelegatingStore {
        private final AtomicBoolean crash;

        CrashingStore(ConversationStore store, AtomicBoolean crash) {
            super(store);
            this.crash = crash;
        }

        @Override
        public List<OutboxEntry> commitTurn(TurnRecord turn, Instant relaysFrom) {
            if (crash.getAndSet(false)) {
                throw new Crash("before the commit");
            }
            return super.commitTurn(turn, relaysFrom);
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
