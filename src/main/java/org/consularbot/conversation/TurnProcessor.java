package org.consularbot.conversation;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Citizens' turns, the port channels hand messages to: lock the conversation, store the message (a redelivery is
 * recognised), decide, commit the new state with the replies in the outbox, send, mark sent. Each step is durable
 * before the next, so a crash anywhere leaves either an unanswered message or an unsent reply, and {@link Recovery}
 * finishes the job: one reply per message. Sending is {@link ReplyDelivery}'s; officers' turns are
 * {@link OfficerTurns}'.
 */
public final class TurnProcessor {

    private static final Logger log = LoggerFactory.getLogger(TurnProcessor.class);

    private final ConversationStore store;
    private final ConversationLocks locks;
    private final Dialogue dialogue;
    private final ReplyDelivery delivery;
    private volatile TurnObserver observer = TurnObserver.NONE;

    public TurnProcessor(ConversationStore store, ConversationLocks locks, Dialogue dialogue, ReplyDelivery delivery) {
        this.store = store;
        this.locks = locks;
        this.dialogue = dialogue;
        this.delivery = delivery;
    }

    /** Who is told about turns (metrics). */
    public void observe(TurnObserver observer) {
        this.observer = observer;
    }

    /**
     * Handles one message from a channel: stores it and answers it, under the conversation's lock.
     *
     * @throws StoreException when the message could not be stored: the channel must not acknowledge it
     */
    public TurnResult handle(InboundMessage message) {
        try (ConversationLocks.Held held = locks.lock(message.conversation())) {
            StoredInbound stored = store.recordInbound(message);
            if (stored.handled()) {
                return duplicate(stored);
            }
            return answer(stored);
        }
    }

    /**
     * The first half of {@link #handle}, for channels that must acknowledge fast (a webhook answers within
     * seconds; a poller should not wait for replies to be paced out): stores the message, deduplicated. Once
     * this returns the channel may acknowledge; {@link #answerStored} answers it later, and if the process stops
     * first, {@link Recovery} does.
     *
     * @throws StoreException when the message could not be stored: the channel must not acknowledge it
     */
    public StoredInbound accept(InboundMessage message) {
        // No conversation lock: storing is idempotent (unique constraints), and waiting here behind a turn of the
        // same chat that is pacing out its replies would hold up receiving for every chat.
        return store.recordInbound(message);
    }

    /** The second half of {@link #handle}: answers a message {@link #accept accepted} earlier, unless already answered. */
    public TurnResult answerStored(StoredInbound stored) {
        if (stored.handled()) {
            return duplicate(stored);
        }
        try (ConversationLocks.Held held = locks.lock(stored.message().conversation())) {
            // Read it again under the lock: a redelivery accepted meanwhile may have been answered first.
            StoredInbound now = store.inbound(stored.id())
                    .orElseThrow(() -> new StoreException("message " + stored.id() + " vanished", null));
            if (now.handled()) {
                return duplicate(now);
            }
            return answer(now);
        }
    }

    private static TurnResult duplicate(StoredInbound stored) {
        return new TurnResult(
                stored.id(), stored.conversation().id(), true, TurnOutcome.of(TurnOutcome.Kind.DUPLICATE), List.of());
    }

    private TurnResult answer(StoredInbound stored) {
        long started = System.nanoTime();
        TurnResult result = decideCommitAndSend(stored);
        observer.turnAnswered(stored.message().conversation().channel(), result.outcome(), System.nanoTime() - started);
        return result;
    }

    private TurnResult decideCommitAndSend(StoredInbound stored) {
        long conversationId = stored.conversation().id();
        Committed committed = ConcurrentTurns.retrying(attempt -> {
            // After a lost race, decide again from the conversation as the other turn left it.
            Conversation conversation = attempt == 1
                    ? stored.conversation()
                    : store.conversation(conversationId)
                            .orElseThrow(
                                    () -> new StoreException("conversation " + conversationId + " vanished", null));
            Decision decision;
            try {
                decision = dialogue.decide(conversation, stored.message(), stored.id());
            } catch (RuntimeException e) {
                log.error(
                        "could not decide a reply to message {}; sending the no-answer reply with the hotline",
                        stored.id(),
                        e);
                decision = dialogue.failSafe(conversation, stored.message(), stored.id());
            }
            TurnRecord record = decision.record();
            return new Committed(
                    decision, store.commitTurn(record, delivery.leaseFrom(conversation.key(), record.at())));
        });
        // The citizen's replies first (the hotline must not wait), then the officers are called.
        delivery.deliver(committed.queued());
        for (Runnable call : committed.decision().afterCommit()) {
            try {
                call.run();
            } catch (RuntimeException e) {
                log.warn("call to officers failed for conversation {}", conversationId, e);
            }
        }
        return new TurnResult(
                stored.id(),
                conversationId,
                false,
                committed.decision().record().outcome(),
                committed.queued());
    }

    private record Committed(Decision decision, List<OutboxEntry> queued) {}
}
