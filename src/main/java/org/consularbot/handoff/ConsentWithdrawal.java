package org.consularbot.handoff;

import java.time.Clock;
import java.util.Optional;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.ConversationLocks;
import org.consularbot.conversation.ConversationStore;

/**
 * A citizen withdrew consent (on Zalo, by unfollowing and asking for deletion): what the store holds about their
 * conversation goes ({@link ConversationStore#forget}: tickets, officers' notes and pending actions on them, the
 * receipt journal's copy included), under the conversation's lock so no turn of it runs meanwhile; the audit keeps only
 * that it happened, never who. What was already posted to the officers' group stays there: it is the platform's.
 */
public final class ConsentWithdrawal {

    private final ConversationLocks locks;
    private final ConversationStore conversations;
    private final TicketStore tickets;
    private final Clock clock;

    public ConsentWithdrawal(
            ConversationLocks locks, ConversationStore conversations, TicketStore tickets, Clock clock) {
        this.locks = locks;
        this.conversations = conversations;
        this.tickets = tickets;
        this.clock = clock;
    }

    /** @return whether there was a conversation to delete */
    public boolean withdraw(ConversationKey key) {
        try (ConversationLocks.Held held = locks.lock(key)) {
            boolean forgotten = conversations.forget(key);
            if (forgotten) {
                tickets.audit(
                        Optional.empty(),
                        "citizen",
                        "consent-withdrawn",
                        "a " + key.channel() + " citizen withdrew consent; their conversation was deleted",
                        clock.instant());
            }
            return forgotten;
        }
    }
}
