package org.consularbot.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.consularbot.ManualClock;
import org.consularbot.conversation.ConversationEvent;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.ConversationState;
import org.consularbot.conversation.Feedback;
import org.consularbot.conversation.InboundMessage;
import org.consularbot.conversation.Reply;
import org.consularbot.conversation.ReplyKind;
import org.consularbot.conversation.StoredInbound;
import org.consularbot.conversation.TurnOutcome;
import org.consularbot.conversation.TurnRecord;
import org.consularbot.faq.Language;
import org.consularbot.faq.TestCorpora;

/**
 * What every part of the conversation store contract is given: a store and its outbox on a fresh, migrated database,
 * a clock the test moves, and the helpers that build messages and turns. {@link ConversationStoreContract} gives it.
 */
interface StoreContractPart {

    Instant T0 = TestCorpora.CLOCK.instant();
    ConversationKey CHAT = new ConversationKey("telegram", "1001");

    JdbcConversationStore store();

    JdbcOutbox outbox();

    ManualClock clock();

    default InboundMessage message(ConversationKey chat, String messageId, String text) {
        return InboundMessage.text(chat, null, messageId, text, clock().instant());
    }

    /** A turn that answers {@code in} and keeps the conversation answering in Vietnamese. */
    default TurnRecord turn(
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
    default long answered(ConversationKey chat, Instant at, Optional<Feedback> feedback) {
        clock().set(at);
        StoredInbound in = store().recordInbound(message(chat, "q", "hộ chiếu"));
        store().commitTurn(turn(in, 0, List.of(Reply.text(ReplyKind.ANSWER, "Trả lời")), List.of(), feedback));
        return in.conversation().id();
    }
}
