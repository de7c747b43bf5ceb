package org.consularbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.consularbot.conversation.DialogueTest.RENEW_ID;
import static org.consularbot.conversation.DialogueTest.RENEW_VI;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.consularbot.conversation.ConversationHarness.Chat;
import org.consularbot.conversation.RecordingSender.Crash;
import org.consularbot.store.Database;
import org.consularbot.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly one reply per message through redeliveries, crashes before or after the turn is committed, and recovery
 * (at start-up, or by the stale sweep while running); and every reply in order when two threads write into one chat.
 */
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

            assertThat(bot.otherInstance().recovery().recover()).isEqualTo(new Recovery.Report(0, 1));
            assertThat(bot.store.unanswered(10))
                    .extracting(stored -> stored.message().conversation().chatId())
                    .containsExactly("c2");
        }
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
}
