package org.consularbot.handoff;

import java.time.Clock;
import java.util.Optional;
import org.consularbot.advisory.InMemorySubscriptions;
import org.consularbot.advisory.Subscriber;
import org.consularbot.advisory.Subscriptions;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.ConversationLocks;
import org.consularbot.conversation.ConversationStore;

/**
 * A citizen withdrew consent (on Zalo, by unfollowing and asking for deletion): what the store holds about their
 * conversation goes ({@link ConversationStore#forget}: tickets, officers' notes and pending actions on them, the
 * receipt journal's copy included) and their consent to advisories, under the conversation's lock so no turn of it runs meanwhile; the audit keeps only
 * that it happened, never who. What was already posted to the officers' group stays there: it is the platform's.
 */
public final class ConsentWithdrawal {

    private final ConversationLocks locks;
    private final ConversationStore conversations;
    private final TicketStore tickets;
    private final Subscriptions subscriptions;
    private final Clock clock;

    public ConsentWithdrawal(
            ConversationLocks locks, ConversationStore conversations, TicketStore tickets, Clock clock) {
        this(locks, conversations, tickets, new InMemorySubscriptions(), clock);
    }

    /** @param subscriptions consent to advisories: the chat's record is deleted too */
    public ConsentWithdrawal(
            ConversationLocks locks,
            ConversationStore conversations,
            TicketStore tickets,
            Subscriptions subscriptions,
            Clock clock) {
        this.locks = locks;
        this.conversations = conversations;
        this.tickets = tickets;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /**
     * The citizen stopped following the channel (Zalo's {@code unfollow}): nothing can reach them any more, so their
     * advisory subscription is withdrawn, as by {@code /unsubscribe}; their conversation stays (retention applies).
     *
     * @return whether a subscription was withdrawn
     */
    public boolean unfollowed(ConversationKey key) {
        try (ConversationLocks.Held held = locks.lock(key)) {
            Subscriber who = new Subscriber(key.channel(), key.chatId());
            return subscriptions
                    .find(who)
                    .filter(s -> s.withdrawnAt().isEmpty())
                    .map(s -> {
                        subscriptions.save(s.withdrawn(clock.instant()));
                        return true;
                    })
                    .orElse(false);
        }
    }

    /** @return whether there was a conversation to delete */
    public boolean withdraw(ConversationKey key) {
        try (ConversationLocks.Held held = locks.lock(key)) {
            boolean unsubscribed = subscriptions.forget(new Subscriber(key.channel(), key.chatId()));
            boolean forgotten = conversations.forget(key) | unsubscribed;
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
