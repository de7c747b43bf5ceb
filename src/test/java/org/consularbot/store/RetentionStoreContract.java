package org.consularbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.consularbot.conversation.ConversationEvent;
import org.consularbot.conversation.ConversationEvent.Type;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.Feedback;
import org.consularbot.conversation.StoredInbound;
import org.junit.jupiter.api.Test;

/** Retention: purge deletes old content and keeps newer conversations, anonymous counts and feedback. */
interface RetentionStoreContract extends StoreContractPart {

    @Test
    default void purgeDeletesOldContentKeepsNewerAndCountsAcrossPurges() {
        long a = answered(new ConversationKey("telegram", "old-1"), T0, Optional.of(new Feedback("e-old", false, T0)));
        long b = answered(new ConversationKey("telegram", "old-2"), T0.plus(Duration.ofHours(2)), Optional.empty());
        long c = answered(new ConversationKey("zalo", "new"), T0.plus(Duration.ofDays(10)), Optional.empty());
        int eventsOfA = store().log(a).size();

        var first = store().purge(T0.plus(Duration.ofHours(1)));

        assertThat(first.messages()).isEqualTo(1);
        assertThat(first.replies()).isEqualTo(1);
        assertThat(first.events()).isEqualTo(eventsOfA);
        assertThat(first.conversations()).isEqualTo(1);
        assertThat(store().conversation(a)).isEmpty();
        assertThat(store().log(a)).isEmpty();
        assertThat(outbox().replies(a)).isEmpty();
        assertThat(store().conversation(b)).isPresent();
        assertThat(store().feedback("e-old")).containsExactly(new Feedback("e-old", false, T0));
        assertThat(store().keptCounts())
                .containsEntry("messages.text", 1L)
                .containsEntry("replies.answer", 1L)
                .containsEntry("conversations.opened", 1L);

        store().purge(T0.plus(Duration.ofDays(1)));

        assertThat(store().conversation(b)).isEmpty();
        assertThat(store().keptCounts())
                .containsEntry("messages.text", 2L)
                .containsEntry("replies.answer", 2L)
                .containsEntry("conversations.opened", 2L);
        assertThat(store().conversation(c)).isPresent();
        assertThat(store().conversationCount()).isEqualTo(1);
        assertThat(outbox().replies(c)).hasSize(1);
        assertThat(store().log(c))
                .extracting(ConversationEvent::type)
                .containsExactly(Type.MESSAGE_RECEIVED, Type.REPLY_QUEUED);
        assertThat(store().feedback("e-old")).hasSize(1);
    }

    @Test
    default void purgeKeepsAnOldConversationThatJustReceivedAMessage() {
        long id = answered(CHAT, T0, Optional.empty());
        clock().set(T0.plus(Duration.ofDays(100)));
        StoredInbound fresh = store().recordInbound(message(CHAT, "late", "tôi vẫn cần giúp"));

        store().purge(T0.plus(Duration.ofDays(90)));

        assertThat(store().conversation(id)).isPresent();
        assertThat(store().unanswered(10)).extracting(StoredInbound::id).containsExactly(fresh.id());
        assertThat(store().log(id)).extracting(ConversationEvent::type).containsExactly(Type.MESSAGE_RECEIVED);
    }
}
