package org.consularbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.consularbot.conversation.Actor;
import org.consularbot.conversation.Button;
import org.consularbot.conversation.Conversation;
import org.consularbot.conversation.ConversationEvent;
import org.consularbot.conversation.ConversationEvent.Type;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.ConversationState;
import org.consularbot.conversation.OutboxEntry;
import org.consularbot.conversation.Reply;
import org.consularbot.conversation.ReplyKind;
import org.consularbot.conversation.StoredInbound;
import org.consularbot.faq.Language;
import org.junit.jupiter.api.Test;

/**
 * Messages in: the first opens the conversation, a redelivery (even several at once) is stored once, and the text
 * reads back exactly as received, or with only what a database cannot hold replaced.
 */
interface InboundStoreContract extends StoreContractPart {

    @Test
    default void firstMessageOpensConversationAndLogsIt() {
        StoredInbound in = store().recordInbound(message(CHAT, "m1", "xin chào"));

        Conversation opened = in.conversation();
        assertThat(in.duplicate()).isFalse();
        assertThat(in.handled()).isFalse();
        assertThat(opened.key()).isEqualTo(CHAT);
        assertThat(opened.state()).isEqualTo(ConversationState.BOT_ANSWERING);
        assertThat(opened.version()).isZero();
        assertThat(opened.preferredLanguage()).isEmpty();
        assertThat(opened.lastLanguage()).isEqualTo(Language.VI);
        assertThat(opened.pendingChoices()).isEmpty();
        assertThat(store().find(CHAT)).map(Conversation::id).contains(opened.id());
        assertThat(store().conversation(opened.id())).map(Conversation::key).contains(CHAT);
        assertThat(store().conversationCount()).isEqualTo(1);
        assertThat(store().log(opened.id())).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(Type.MESSAGE_RECEIVED);
            assertThat(event.actor()).isEqualTo(Actor.CITIZEN);
            assertThat(event.detail()).contains("#" + in.id());
        });
        assertThat(store().unanswered(10)).extracting(StoredInbound::id).containsExactly(in.id());

        StoredInbound next = store().recordInbound(message(CHAT, "m2", "còn nữa"));
        assertThat(next.conversation().id()).isEqualTo(opened.id());
        assertThat(store().conversationCount()).isEqualTo(1);
    }

    @Test
    default void redeliveredMessageIsStoredOnceAndIdsAreScopedToTheirChat() {
        StoredInbound first = store().recordInbound(message(CHAT, "m1", "hộ chiếu"));
        StoredInbound again = store().recordInbound(message(CHAT, "m1", "hộ chiếu"));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.duplicate()).isTrue();
        assertThat(again.handled()).isFalse();
        assertThat(store().unanswered(10)).extracting(StoredInbound::id).containsExactly(first.id());
        assertThat(store().log(first.conversation().id()))
                .extracting(ConversationEvent::type)
                .containsExactly(Type.MESSAGE_RECEIVED);

        StoredInbound elsewhere =
                store().recordInbound(message(new ConversationKey("telegram", "2002"), "m1", "hộ chiếu"));
        assertThat(elsewhere.duplicate()).isFalse();
        assertThat(elsewhere.id()).isNotEqualTo(first.id());
        assertThat(elsewhere.conversation().id())
                .isNotEqualTo(first.conversation().id());
        assertThat(store().unanswered(10)).extracting(StoredInbound::id).containsExactly(first.id(), elsewhere.id());
    }

    @Test
    default void duplicateOfAnsweredMessageComesBackHandled() {
        StoredInbound in = store().recordInbound(message(CHAT, "m1", "hộ chiếu"));
        store().commitTurn(turn(in, 0, List.of(Reply.text(ReplyKind.ANSWER, "Trả lời")), List.of(), Optional.empty()));

        StoredInbound again = store().recordInbound(message(CHAT, "m1", "hộ chiếu"));

        assertThat(again.duplicate()).isTrue();
        assertThat(again.handled()).isTrue();
        assertThat(again.id()).isEqualTo(in.id());
        assertThat(store().unanswered(10)).isEmpty();
        assertThat(outbox().replies(in.conversation().id())).hasSize(1);
    }

    @Test
    default void concurrentDeliveriesOfANewMessageStoreItOnce() throws Exception {
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
                        return store().recordInbound(message(chat, "same", "cứu tôi với"));
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
                assertThat(store().conversationCount()).isEqualTo(round + 1);
                assertThat(store().unanswered(100))
                        .filteredOn(s -> s.conversation().key().equals(chat))
                        .hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    default void aStoredMessageReadsBackByIdAnsweredOrNot() {
        StoredInbound in = store().recordInbound(message(CHAT, "m1", "hộ chiếu hết hạn"));

        StoredInbound read = store().inbound(in.id()).orElseThrow();
        assertThat(read.message()).isEqualTo(in.message());
        assertThat(read.conversation().id()).isEqualTo(in.conversation().id());
        assertThat(read.handled()).isFalse();

        store().commitTurn(turn(in, 0, List.of(Reply.text(ReplyKind.ANSWER, "a")), List.of(), Optional.empty()));
        assertThat(store().inbound(in.id()).orElseThrow().handled()).isTrue();
        assertThat(store().inbound(in.id() + 1000)).isEmpty();
    }

    @Test
    default void textIsStoredExactly() {
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
            ids.add(store().recordInbound(message(CHAT, "t" + i, samples.get(i)))
                    .id());
        }

        List<StoredInbound> stored = store().unanswered(100);
        assertThat(stored).extracting(StoredInbound::id).containsExactlyElementsOf(ids);
        assertThat(stored).extracting(s -> s.message().text()).containsExactlyElementsOf(samples);
        for (int i = 0; i < samples.size(); i++) {
            assertThat(store().recordInbound(message(CHAT, "t" + i, "ignored"))
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
        store().commitTurn(turn(stored.get(0), 0, replies, List.of(), Optional.empty()));
        assertThat(outbox().replies(stored.get(0).conversation().id()))
                .extracting(OutboxEntry::reply)
                .containsExactlyElementsOf(replies);
    }

    @Test
    default void nulAndLoneSurrogatesBecomeReplacementCharactersAndAreStorable() {
        String received = "a\0b\uD800c\uDC00d 😀 \uDE00\uD83D";
        StoredInbound in = store().recordInbound(message(CHAT, "m1", received));

        String expected = "a\uFFFDb\uFFFDc\uFFFDd 😀 \uFFFD\uFFFD";
        assertThat(store().unanswered(10))
                .singleElement()
                .extracting(s -> s.message().text())
                .isEqualTo(expected);
        assertThat(store().recordInbound(message(CHAT, "m1", received))
                        .message()
                        .text())
                .isEqualTo(expected);
        assertThat(in.message().text()).isEqualTo(expected);
    }
}
