package org.consularbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.consularbot.ManualClock;
import org.consularbot.conversation.Actor;
import org.consularbot.conversation.Button;
import org.consularbot.conversation.ConcurrentTurnException;
import org.consularbot.conversation.Conversation;
import org.consularbot.conversation.ConversationEvent;
import org.consularbot.conversation.ConversationEvent.Type;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.ConversationState;
import org.consularbot.conversation.DeclaredEmergency;
import org.consularbot.conversation.Feedback;
import org.consularbot.conversation.InboundMessage;
import org.consularbot.conversation.Outbox;
import org.consularbot.conversation.OutboxEntry;
import org.consularbot.conversation.Reply;
import org.consularbot.conversation.ReplyKind;
import org.consularbot.conversation.StoreException;
import org.consularbot.conversation.StoredInbound;
import org.consularbot.conversation.Trigger;
import org.consularbot.conversation.TurnOutcome;
import org.consularbot.conversation.TurnRecord;
import org.consularbot.faq.Language;
import org.consularbot.faq.TestCorpora;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the conversation store promises, written once and run on every database the bot supports: H2 (the
 * embedded default) and PostgreSQL (production). Deduplication, atomic turns, the outbox, exact text and
 * retention must behave the same on both, or a bug hides on whichever database the tests skip.
 */
abstract class ConversationStoreContract {

    static final Instant T0 = TestCorpora.CLOCK.instant();
    static final ConversationKey CHAT = new ConversationKey("telegram", "1001");

    final ManualClock clock = new ManualClock(T0);
    Database db;
    JdbcConversationStore store;
    JdbcOutbox outbox;

    /** A fresh, empty, migrated database; closed after each test. */
    abstract Database newDatabase();

    @BeforeEach
    void openStore() {
        db = newDatabase();
        store = new JdbcConversationStore(db.dataSource(), clock);
        outbox = store.outbox();
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void firstMessageOpensConversationAndLogsIt() {
        StoredInbound in = store.recordInbound(message(CHAT, "m1", "xin chào"));

        Conversation opened = in.conversation();
        assertThat(in.duplicate()).isFalse();
        assertThat(in.handled()).isFalse();
        assertThat(opened.key()).isEqualTo(CHAT);
        assertThat(opened.state()).isEqualTo(ConversationState.BOT_ANSWERING);
        assertThat(opened.version()).isZero();
        assertThat(opened.preferredLanguage()).isEmpty();
        assertThat(opened.lastLanguage()).isEqualTo(Language.VI);
        assertThat(opened.pendingChoices()).isEmpty();
        assertThat(store.find(CHAT)).map(Conversation::id).contains(opened.id());
        assertThat(store.conversation(opened.id())).map(Conversation::key).contains(CHAT);
        assertThat(store.conversationCount()).isEqualTo(1);
        assertThat(store.log(opened.id())).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(Type.MESSAGE_RECEIVED);
            assertThat(event.actor()).isEqualTo(Actor.CITIZEN);
            assertThat(event.detail()).contains("#" + in.id());
        });
        assertThat(store.unanswered(10)).extracting(StoredInbound::id).containsExactly(in.id());

        StoredInbound next = store.recordInbound(message(CHAT, "m2", "còn nữa"));
        assertThat(next.conversation().id()).isEqualTo(opened.id());
        assertThat(store.conversationCount()).isEqualTo(1);
    }

    @Test
    void redeliveredMessageIsStoredOnceAndIdsAreScopedToTheirChat() {
        StoredInbound first = store.recordInbound(message(CHAT, "m1", "hộ chiếu"));
        StoredInbound again = store.recordInbound(message(CHAT, "m1", "hộ chiếu"));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.duplicate()).isTrue();
        assertThat(again.handled()).isFalse();
        assertThat(store.unanswered(10)).extracting(StoredInbound::id).containsExactly(first.id());
        assertThat(store.log(first.conversation().id()))
                .extracting(ConversationEvent::type)
                .containsExactly(Type.MESSAGE_RECEIVED);

        StoredInbound elsewhere =
                store.recordInbound(message(new ConversationKey("telegram", "2002"), "m1", "hộ chiếu"));
        assertThat(elsewhere.duplicate()).isFalse();
        assertThat(elsewhere.id()).isNotEqualTo(first.id());
        assertThat(elsewhere.conversation().id())
                .isNotEqualTo(first.conversation().id());
        assertThat(store.unanswered(10)).extracting(StoredInbound::id).containsExactly(first.id(), elsewhere.id());
    }

    @Test
    void duplicateOfAnsweredMessageComesBackHandled() {
        StoredInbound in = store.recordInbound(message(CHAT, "m1", "hộ chiếu"));
        store.commitTurn(turn(in, 0, List.of(Reply.text(ReplyKind.ANSWER, "Trả lời")), List.of(), Optional.empty()));

        StoredInbound again = store.recordInbound(message(CHAT, "m1", "hộ chiếu"));

        assertThat(again.duplicate()).isTrue();
        assertThat(again.handled()).isTrue();
        assertThat(again.id()).isEqualTo(in.id());
        assertThat(store.unanswered(10)).isEmpty();
        assertThat(outbox.replies(in.conversation().id())).hasSize(1);
    }

    @Test
    void concurrentDeliveriesOfANewMessageStoreItOnce() throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 25; round++) {
                ConversationKey chat = new ConversationKey("zalo", "race-" + round);
                CountDownLatch ready = new CountDownLatch(threads);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<StoredInbound>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    futures.add(pool.submit(() -> {
                        ready.countDown();
                        go.await();
                        return store.recordInbound(message(chat, "same", "cứu tôi với"));
                    }));
                }
                ready.await();
                go.countDown();
                List<StoredInbound> results = new ArrayList<>();
                for (Future<StoredInbound> future : futures) {
                    results.add(future.get(1, TimeUnit.MINUTES));
                }

                assertThat(results)
                        .as("round %d", round)
                        .filteredOn(s -> !s.duplicate())
                        .hasSize(1);
                assertThat(results)
                        .extracting(StoredInbound::id)
                        .containsOnly(results.get(0).id());
                assertThat(results)
                        .extracting(s -> s.conversation().id())
                        .containsOnly(results.get(0).conversation().id());
                assertThat(store.conversationCount()).isEqualTo(round + 1);
                assertThat(store.unanswered(100))
                        .filteredOn(s -> s.conversation().key().equals(chat))
                        .hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void commitTurnWritesStateLogRepliesAndFeedbackTogether() {
        StoredInbound in = store.recordInbound(message(CHAT, "m1", "passport"));
        long id = in.conversation().id();
        Reply suggestion = new Reply(
                ReplyKind.SUGGESTION,
                "Bạn muốn hỏi về:",
                List.of(
                        new Button("Gia hạn hộ chiếu", "choose:passport-renew"),
                        new Button("Mất hộ chiếu", "choose:passport-lost")),
                List.of(),
                Optional.empty());
        Reply answer = new Reply(
                ReplyKind.ANSWER,
                "To renew your passport…",
                List.of(),
                List.of(
                        new Button("👍 Hữu ích", "fb:passport-renew:up"),
                        new Button("👎 Chưa đúng", "fb:passport-renew:down")),
                Optional.of("passport-renew"));
        Feedback feedback = new Feedback("passport-renew", true, T0);
        TurnRecord record = new TurnRecord(
                id,
                0,
                in.id(),
                TurnOutcome.of(TurnOutcome.Kind.SUGGESTION),
                ConversationState.AWAITING_CHOICE,
                Optional.of(Language.EN),
                Language.EN,
                List.of("passport-renew", "passport-lost"),
                1,
                List.of(
                        ConversationEvent.stateChanged(
                                T0,
                                Actor.BOT,
                                ConversationState.BOT_ANSWERING,
                                ConversationState.AWAITING_CHOICE,
                                Trigger.SUGGESTED),
                        ConversationEvent.of(T0, Actor.CITIZEN, Type.LANGUAGE_SET, "en")),
                List.of(suggestion, answer),
                Optional.of(feedback),
                T0.plusSeconds(1),
                Optional.of("passport-renew"),
                Optional.of("JP"),
                Optional.empty());

        List<OutboxEntry> queued = store.commitTurn(record);

        assertThat(queued).extracting(OutboxEntry::reply).containsExactly(suggestion, answer);
        assertThat(queued).allSatisfy(e -> assertThat(e.conversation()).isEqualTo(CHAT));
        assertThat(queued.get(0).id()).isLessThan(queued.get(1).id());
        assertThat(outbox.replies(id)).isEqualTo(queued);
        assertThat(outbox.unsent(10)).isEqualTo(queued);
        Conversation after = store.conversation(id).orElseThrow();
        assertThat(after.state()).isEqualTo(ConversationState.AWAITING_CHOICE);
        assertThat(after.preferredLanguage()).contains(Language.EN);
        assertThat(after.lastLanguage()).isEqualTo(Language.EN);
        assertThat(after.pendingChoices()).containsExactly("passport-renew", "passport-lost");
        assertThat(after.unansweredStreak()).isEqualTo(1);
        assertThat(after.lastEntry()).as("the follow-up context").contains("passport-renew");
        assertThat(after.country()).as("where the citizen said they are").contains("JP");
        assertThat(after.version()).isEqualTo(1);
        assertThat(after.updatedAt()).isEqualTo(record.at());
        assertThat(store.unanswered(10)).isEmpty();
        List<ConversationEvent> log = store.log(id);
        assertThat(log)
                .extracting(ConversationEvent::type)
                .containsExactly(
                        Type.MESSAGE_RECEIVED,
                        Type.STATE_CHANGED,
                        Type.LANGUAGE_SET,
                        Type.REPLY_QUEUED,
                        Type.REPLY_QUEUED);
        assertThat(log.get(1)).isEqualTo(record.events().get(0));
        assertThat(log.get(2)).isEqualTo(record.events().get(1));
        assertThat(log.get(3).detail())
                .startsWith("suggestion")
                .endsWith("#" + queued.get(0).id());
        assertThat(log.get(4).detail())
                .contains("passport-renew")
                .endsWith("#" + queued.get(1).id());
        assertThat(store.feedback("passport-renew")).containsExactly(feedback);
        assertThat(store.feedback("passport-lost")).isEmpty();

        StoredInbound next = store.recordInbound(message(CHAT, "m2", "1"));
        store.commitTurn(turn(next, 1, List.of(Reply.text(ReplyKind.ANSWER, "ok")), List.of(), Optional.empty()));
        Conversation later = store.conversation(id).orElseThrow();
        assertThat(later.version()).isEqualTo(2);
        assertThat(later.preferredLanguage()).isEmpty();
        assertThat(later.pendingChoices()).isEmpty();
    }

    @Test
    void staleTurnThrowsAndWritesNothing() {
        StoredInbound first = store.recordInbound(message(CHAT, "m1", "một"));
        StoredInbound second = store.recordInbound(message(CHAT, "m2", "hai"));
        long id = first.conversation().id();
        store.commitTurn(turn(first, 0, List.of(Reply.text(ReplyKind.ANSWER, "first")), List.of(), Optional.empty()));
        List<ConversationEvent> logBefore = store.log(id);

        TurnRecord stale = new TurnRecord(
                id,
                0,
                second.id(),
                TurnOutcome.of(TurnOutcome.Kind.ANSWER),
                ConversationState.WAITING_FOR_OFFICER,
                Optional.of(Language.EN),
                Language.EN,
                List.of("x"),
                0,
                List.of(ConversationEvent.of(T0, Actor.BOT, Type.ESCALATION, "stale")),
                List.of(Reply.text(ReplyKind.HANDOFF, "stale")),
                Optional.of(new Feedback("stale-entry", false, T0)),
                T0);

        assertThatThrownBy(() -> store.commitTurn(stale)).isInstanceOf(ConcurrentTurnException.class);
        Conversation after = store.conversation(id).orElseThrow();
        assertThat(after.version()).isEqualTo(1);
        assertThat(after.state()).isEqualTo(ConversationState.BOT_ANSWERING);
        assertThat(after.preferredLanguage()).isEmpty();
        assertThat(outbox.replies(id)).extracting(e -> e.reply().text()).containsExactly("first");
        assertThat(store.unanswered(10)).extracting(StoredInbound::id).containsExactly(second.id());
        assertThat(store.log(id)).isEqualTo(logBefore);
        assertThat(store.feedback("stale-entry")).isEmpty();
    }

    @Test
    void aHeldReplyWaitsWithoutUsingUpAttempts() {
        StoredInbound in = store.recordInbound(message(CHAT, "m1", "hello"));
        OutboxEntry entry = store.commitTurn(
                        turn(in, 0, List.of(Reply.text(ReplyKind.ANSWER, "a")), List.of(), Optional.empty()))
                .get(0);

        for (int i = 0; i < Outbox.MAX_ATTEMPTS + 3; i++) {
            outbox.markHeld(entry.id(), "window closed", T0.plus(Duration.ofDays(30)));
        }

        assertThat(outbox.unsent(10))
                .singleElement()
                .extracting(OutboxEntry::attempts)
                .isEqualTo(0);
        assertThat(outbox.unsent(in.conversation().id()))
                .as("held replies of the conversation, due or not")
                .extracting(OutboxEntry::id)
                .containsExactly(entry.id());
        assertThat(outbox.unsent(in.conversation().id() + 1000)).isEmpty();
        assertThat(outbox.due(10, T0.plusSeconds(60))).isEmpty();
        assertThat(outbox.due(10, T0.plus(Duration.ofDays(31))))
                .extracting(OutboxEntry::id)
                .containsExactly(entry.id());
    }

    @Test
    void aStoredMessageReadsBackByIdAnsweredOrNot() {
        StoredInbound in = store.recordInbound(message(CHAT, "m1", "hộ chiếu hết hạn"));

        StoredInbound read = store.inbound(in.id()).orElseThrow();
        assertThat(read.message()).isEqualTo(in.message());
        assertThat(read.conversation().id()).isEqualTo(in.conversation().id());
        assertThat(read.handled()).isFalse();

        store.commitTurn(turn(in, 0, List.of(Reply.text(ReplyKind.ANSWER, "a")), List.of(), Optional.empty()));
        assertThat(store.inbound(in.id()).orElseThrow().handled()).isTrue();
        assertThat(store.inbound(in.id() + 1000)).isEmpty();
    }

    @Test
    void outboxOffersAFailedReplyAgainOnlyOnceItsNextAttemptIsDue() {
        StoredInbound in = store.recordInbound(message(CHAT, "m1", "hello"));
        List<OutboxEntry> q = store.commitTurn(turn(
                in,
                0,
                List.of(Reply.text(ReplyKind.ANSWER, "a"), Reply.text(ReplyKind.HELP, "b")),
                List.of(),
                Optional.empty()));

        outbox.markFailed(q.get(0).id(), "429 retry after 30", false, T0.plusSeconds(30));

        assertThat(outbox.due(10, T0.plusSeconds(29)))
                .extracting(OutboxEntry::id)
                .containsExactly(q.get(1).id());
        assertThat(outbox.due(10, T0.plusSeconds(30)))
                .extracting(OutboxEntry::id)
                .containsExactly(q.get(0).id(), q.get(1).id());
        assertThat(outbox.unsent(10)).as("unsent lists both, due or not").hasSize(2);

        assertThat(outbox.claim(q.get(0).id(), T0.plusSeconds(30), T0.plusSeconds(60)))
                .as("due: taken")
                .isTrue();
        assertThat(outbox.claim(q.get(0).id(), T0.plusSeconds(31), T0.plusSeconds(61)))
                .as("leased to the first")
                .isFalse();
        assertThat(outbox.due(10, T0.plusSeconds(59)))
                .extracting(OutboxEntry::id)
                .containsExactly(q.get(1).id());
        assertThat(outbox.claim(q.get(0).id(), T0.plusSeconds(60), T0.plusSeconds(90)))
                .as("lease over")
                .isTrue();

        outbox.markSent(q.get(0).id(), T0.plusSeconds(31));
        assertThat(outbox.claim(q.get(0).id(), T0.plusSeconds(3600), T0.plusSeconds(3600)))
                .as("sent")
                .isFalse();
        outbox.markFailed(q.get(1).id(), "403 blocked", true, null);
        assertThat(outbox.claim(q.get(1).id(), T0.plusSeconds(3600), T0.plusSeconds(3600)))
                .as("out of attempts")
                .isFalse();
        assertThat(outbox.due(10, T0.plus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    void outboxOffersUnsentOldestFirstUntilSentOrOutOfAttempts() {
        StoredInbound in = store.recordInbound(message(CHAT, "m1", "hello"));
        List<OutboxEntry> q = store.commitTurn(turn(
                in,
                0,
                List.of(
                        Reply.text(ReplyKind.ANSWER, "a"),
                        Reply.text(ReplyKind.HELP, "b"),
                        Reply.text(ReplyKind.WELCOME, "c")),
                List.of(),
                Optional.empty()));
        StoredInbound other = store.recordInbound(message(new ConversationKey("zalo", "9"), "z1", "hi"));
        OutboxEntry d = store.commitTurn(
                        turn(other, 0, List.of(Reply.text(ReplyKind.ANSWER, "d")), List.of(), Optional.empty()))
                .get(0);

        assertThat(outbox.unsent(10))
                .extracting(OutboxEntry::id)
                .containsExactly(q.get(0).id(), q.get(1).id(), q.get(2).id(), d.id());
        assertThat(outbox.unsent(2))
                .extracting(OutboxEntry::id)
                .containsExactly(q.get(0).id(), q.get(1).id());

        outbox.markSent(q.get(0).id(), T0.plusSeconds(5));
        assertThat(outbox.unsent(10))
                .extracting(OutboxEntry::id)
                .containsExactly(q.get(1).id(), q.get(2).id(), d.id());

        for (int attempt = 1; attempt < Outbox.MAX_ATTEMPTS; attempt++) {
            outbox.markFailed(q.get(1).id(), "timeout", false);
            assertThat(outbox.unsent(10))
                    .filteredOn(e -> e.id() == q.get(1).id())
                    .singleElement()
                    .extracting(OutboxEntry::attempts)
                    .isEqualTo(attempt);
        }
        outbox.markFailed(q.get(1).id(), "timeout", false);
        assertThat(outbox.unsent(10))
                .extracting(OutboxEntry::id)
                .containsExactly(q.get(2).id(), d.id());

        outbox.markFailed(q.get(2).id(), "403 bot was blocked by the user", true);
        assertThat(outbox.unsent(10)).extracting(OutboxEntry::id).containsExactly(d.id());

        assertThat(outbox.replies(in.conversation().id()))
                .extracting(e -> e.reply().text(), OutboxEntry::attempts)
                .containsExactly(tuple("a", 0), tuple("b", Outbox.MAX_ATTEMPTS), tuple("c", Outbox.MAX_ATTEMPTS));
    }

    @Test
    void textIsStoredExactly() {
        List<String> samples = List.of(
                "Tôi bị mất hộ chiếu ở Đức, phải làm gì ạ? Ừ, được không? ĐĂNG KÝ KẾT HÔN",
                "ho\u0302\u0323 chie\u0302\u0301u (decomposed, not normalised)",
                "🇻🇳 👍🏽 👨‍👩‍👧 passport 😀",
                "مرحبا، أحتاج تأشيرة \u200F שלום, אני צריך דרכון",
                "zero\u200Bwidth\u200Cnon\u200Djoiner\uFEFFbom\u2060",
                "Đại sứ quán 😀 ".repeat(6_700));
        assertThat(samples.get(samples.size() - 1).length()).isGreaterThan(100_000);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            ids.add(store.recordInbound(message(CHAT, "t" + i, samples.get(i))).id());
        }

        List<StoredInbound> stored = store.unanswered(100);
        assertThat(stored).extracting(StoredInbound::id).containsExactlyElementsOf(ids);
        assertThat(stored).extracting(s -> s.message().text()).containsExactlyElementsOf(samples);
        for (int i = 0; i < samples.size(); i++) {
            assertThat(store.recordInbound(message(CHAT, "t" + i, "ignored"))
                            .message()
                            .text())
                    .isEqualTo(samples.get(i));
        }

        List<Reply> replies = samples.stream()
                .map(text -> new Reply(
                        ReplyKind.ANSWER,
                        text,
                        List.of(new Button("Hộ chiếu 🛂 جواز", "choose:hộ-chiếu")),
                        List.of(new Button("👍 Hữu ích", "fb:x:up")),
                        Optional.of("e-ư")))
                .toList();
        store.commitTurn(turn(stored.get(0), 0, replies, List.of(), Optional.empty()));
        assertThat(outbox.replies(stored.get(0).conversation().id()))
                .extracting(OutboxEntry::reply)
                .containsExactlyElementsOf(replies);
    }

    @Test
    void nulAndLoneSurrogatesBecomeReplacementCharactersAndAreStorable() {
        String received = "a\0b\uD800c\uDC00d 😀 \uDE00\uD83D";
        StoredInbound in = store.recordInbound(message(CHAT, "m1", received));

        String expected = "a\uFFFDb\uFFFDc\uFFFDd 😀 \uFFFD\uFFFD";
        assertThat(store.unanswered(10))
                .singleElement()
                .extracting(s -> s.message().text())
                .isEqualTo(expected);
        assertThat(store.recordInbound(message(CHAT, "m1", received)).message().text())
                .isEqualTo(expected);
        assertThat(in.message().text()).isEqualTo(expected);
    }

    @Test
    void purgeDeletesOldContentKeepsNewerAndCountsAcrossPurges() {
        long a = answered(new ConversationKey("telegram", "old-1"), T0, Optional.of(new Feedback("e-old", false, T0)));
        long b = answered(new ConversationKey("telegram", "old-2"), T0.plus(Duration.ofHours(2)), Optional.empty());
        long c = answered(new ConversationKey("zalo", "new"), T0.plus(Duration.ofDays(10)), Optional.empty());
        int eventsOfA = store.log(a).size();

        var first = store.purge(T0.plus(Duration.ofHours(1)));

        assertThat(first.messages()).isEqualTo(1);
        assertThat(first.replies()).isEqualTo(1);
        assertThat(first.events()).isEqualTo(eventsOfA);
        assertThat(first.conversations()).isEqualTo(1);
        assertThat(store.conversation(a)).isEmpty();
        assertThat(store.log(a)).isEmpty();
        assertThat(outbox.replies(a)).isEmpty();
        assertThat(store.conversation(b)).isPresent();
        assertThat(store.feedback("e-old")).containsExactly(new Feedback("e-old", false, T0));
        assertThat(store.keptCounts())
                .containsEntry("messages.text", 1L)
                .containsEntry("replies.answer", 1L)
                .containsEntry("conversations.opened", 1L);

        store.purge(T0.plus(Duration.ofDays(1)));

        assertThat(store.conversation(b)).isEmpty();
        assertThat(store.keptCounts())
                .containsEntry("messages.text", 2L)
                .containsEntry("replies.answer", 2L)
                .containsEntry("conversations.opened", 2L);
        assertThat(store.conversation(c)).isPresent();
        assertThat(store.conversationCount()).isEqualTo(1);
        assertThat(outbox.replies(c)).hasSize(1);
        assertThat(store.log(c))
                .extracting(ConversationEvent::type)
                .containsExactly(Type.MESSAGE_RECEIVED, Type.REPLY_QUEUED);
        assertThat(store.feedback("e-old")).hasSize(1);
    }

    @Test
    void purgeKeepsAnOldConversationThatJustReceivedAMessage() {
        long id = answered(CHAT, T0, Optional.empty());
        clock.set(T0.plus(Duration.ofDays(100)));
        StoredInbound fresh = store.recordInbound(message(CHAT, "late", "tôi vẫn cần giúp"));

        store.purge(T0.plus(Duration.ofDays(90)));

        assertThat(store.conversation(id)).isPresent();
        assertThat(store.unanswered(10)).extracting(StoredInbound::id).containsExactly(fresh.id());
        assertThat(store.log(id)).extracting(ConversationEvent::type).containsExactly(Type.MESSAGE_RECEIVED);
    }

    @Test
    void storeOnAClosedDatabaseThrowsStoreException() {
        StoredInbound in = store.recordInbound(message(CHAT, "m1", "xin chào"));
        db.close();

        List<ThrowingCallable> calls = List.of(
                () -> store.recordInbound(message(CHAT, "m2", "còn đó không")),
                () -> store.commitTurn(turn(in, 0, List.of(), List.of(), Optional.empty())),
                () -> store.conversation(in.conversation().id()),
                () -> store.find(CHAT),
                () -> store.unanswered(10),
                () -> store.log(1),
                () -> store.feedback("x"),
                store::conversationCount,
                () -> store.purge(T0),
                store::keptCounts,
                () -> outbox.unsent(10),
                () -> outbox.replies(1),
                () -> outbox.markSent(1, T0),
                () -> outbox.markFailed(1, "x", false),
                () -> outbox.due(10, T0),
                () -> outbox.claim(1, T0, T0),
                () -> store.inbound(1));
        for (ThrowingCallable call : calls) {
            assertThatThrownBy(call).isExactlyInstanceOf(StoreException.class).hasMessageContaining("database error");
        }
    }

    InboundMessage message(ConversationKey chat, String messageId, String text) {
        return InboundMessage.text(chat, null, messageId, text, clock.instant());
    }

    @Test
    void theCountryACitizenSaidIsKeptByTurnsThatSayNoneAndReplacedByOneThatSaysAnother() {
        StoredInbound first = store.recordInbound(message(CHAT, "1", "em ở Nhật bị cướp"));
        TurnRecord japan = turn(first, 0, List.of(Reply.text(ReplyKind.EMERGENCY, "110")), List.of(), Optional.empty());
        store.commitTurn(new TurnRecord(
                japan.conversationId(),
                0,
                japan.inboundId(),
                japan.outcome(),
                japan.state(),
                japan.preferredLanguage(),
                japan.lastLanguage(),
                japan.pendingChoices(),
                0,
                List.of(),
                japan.replies(),
                Optional.empty(),
                japan.at(),
                Optional.empty(),
                Optional.of("JP"),
                Optional.empty()));

        StoredInbound second = store.recordInbound(message(CHAT, "2", "cứu em"));
        store.commitTurn(turn(second, 1, List.of(Reply.text(ReplyKind.EMERGENCY, "110")), List.of(), Optional.empty()));
        assertThat(store.find(CHAT).orElseThrow().country())
                .as("a turn that says no place")
                .contains("JP");

        StoredInbound third = store.recordInbound(message(CHAT, "3", "em về Toronto rồi"));
        TurnRecord home = turn(third, 2, List.of(), List.of(), Optional.empty());
        store.commitTurn(new TurnRecord(
                home.conversationId(),
                2,
                home.inboundId(),
                home.outcome(),
                home.state(),
                home.preferredLanguage(),
                home.lastLanguage(),
                home.pendingChoices(),
                0,
                List.of(),
                List.of(),
                Optional.empty(),
                home.at(),
                Optional.empty(),
                Optional.of("CA"),
                Optional.empty()));
        assertThat(store.find(CHAT).orElseThrow().country()).contains("CA");
    }

    @Test
    void theLastEmergencyDeclaredIsKeptByTurnsThatDeclareNoneReplacedByANewOneAndPurgedWithTheContent() {
        StoredInbound arrested = store.recordInbound(message(CHAT, "1", "tôi bị bắt"));
        DeclaredEmergency arrest = new DeclaredEmergency("arrest", clock.instant(), true);
        store.commitTurn(declaring(turn(arrested, 0, List.of(), List.of(), Optional.empty()), arrest));
        assertThat(store.find(CHAT).orElseThrow().lastEmergency()).contains(arrest);

        StoredInbound question = store.recordInbound(message(CHAT, "2", "hộ chiếu"));
        store.commitTurn(turn(question, 1, List.of(), List.of(), Optional.empty()));
        assertThat(store.find(CHAT).orElseThrow().lastEmergency())
                .as("a turn that declares none")
                .contains(arrest);

        clock.advance(Duration.ofMinutes(3));
        StoredInbound accident = store.recordInbound(message(CHAT, "3", "bạn em bị tai nạn"));
        DeclaredEmergency medical = new DeclaredEmergency("medical", clock.instant(), false);
        store.commitTurn(declaring(turn(accident, 2, List.of(), List.of(), Optional.empty()), medical));
        assertThat(store.conversation(accident.conversation().id())
                        .orElseThrow()
                        .lastEmergency())
                .contains(medical);

        clock.set(T0.plus(Duration.ofDays(100)));
        StoredInbound later = store.recordInbound(message(CHAT, "4", "cảm ơn"));
        store.commitTurn(turn(later, 3, List.of(), List.of(), Optional.empty()));
        store.purge(T0.plus(Duration.ofDays(50)));
        Conversation kept = store.find(CHAT).orElseThrow();
        assertThat(kept.lastEmergency())
                .as("older than the cutoff, the conversation still going")
                .isEmpty();
    }

    /** {@code turn}, declaring {@code emergency}. */
    static TurnRecord declaring(TurnRecord turn, DeclaredEmergency emergency) {
        return new TurnRecord(
                turn.conversationId(),
                turn.expectedVersion(),
                turn.inboundId(),
                TurnOutcome.of(TurnOutcome.Kind.EMERGENCY),
                turn.state(),
                turn.preferredLanguage(),
                turn.lastLanguage(),
                turn.pendingChoices(),
                turn.unansweredStreak(),
                turn.events(),
                turn.replies(),
                turn.feedback(),
                turn.at(),
                turn.lastEntry(),
                turn.country(),
                Optional.of(emergency));
    }

    /** A turn that answers {@code in} and keeps the conversation answering in Vietnamese. */
    static TurnRecord turn(
            StoredInbound in,
            long expectedVersion,
            List<Reply> replies,
            List<ConversationEvent> events,
            Optional<Feedback> feedback) {
        return new TurnRecord(
                in.conversation().id(),
                expectedVersion,
                in.id(),
                TurnOutcome.of(TurnOutcome.Kind.ANSWER),
                ConversationState.BOT_ANSWERING,
                Optional.empty(),
                Language.VI,
                List.of(),
                0,
                events,
                replies,
                feedback,
                in.message().receivedAt());
    }

    /** A conversation opened and answered once at {@code at}; returns its id. */
    long answered(ConversationKey chat, Instant at, Optional<Feedback> feedback) {
        clock.set(at);
        StoredInbound in = store.recordInbound(message(chat, "q", "hộ chiếu"));
        store.commitTurn(turn(in, 0, List.of(Reply.text(ReplyKind.ANSWER, "Trả lời")), List.of(), feedback));
        return in.conversation().id();
    }
}
