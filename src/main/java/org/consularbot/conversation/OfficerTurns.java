package org.consularbot.conversation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Turns an officer starts rather than a citizen (a reply through the bot, taking, releasing or closing a ticket):
 * the port the handoff speaks to citizens through. It needs no dialogue, so the handoff (which the dialogue calls)
 * and this need not know each other.
 */
public final class OfficerTurns {

    private final ConversationStore store;
    private final ConversationLocks locks;
    private final ReplyDelivery delivery;
    private final Clock clock;

    public OfficerTurns(ConversationStore store, ConversationLocks locks, ReplyDelivery delivery, Clock clock) {
        this.store = store;
        this.locks = locks;
        this.delivery = delivery;
        this.clock = clock;
    }

    /**
     * Moves the conversation by {@code trigger} (if given and allowed from where it stands), logs it, and sends the
     * replies to the citizen through the outbox, under the conversation's lock like any turn.
     *
     * @return false when the conversation is unknown or the move is not allowed from its state (nothing changed)
     */
    public boolean take(ConversationKey key, Optional<Trigger> trigger, List<Reply> replies, String detail) {
        try (ConversationLocks.Held held = locks.lock(key)) {
            return ConcurrentTurns.retrying(attempt -> {
                Optional<TurnRecord> record = store.find(key)
                        .flatMap(c -> TurnPlan.officerTurn(c, trigger, replies, detail, clock.instant()));
                record.ifPresent(r -> delivery.deliver(store.commitTurn(r, delivery.leaseFrom(key, r.at()))));
                return record.isPresent();
            });
        }
    }
}
