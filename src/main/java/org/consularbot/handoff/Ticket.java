package org.consularbot.handoff;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.faq.Language;

/**
 * A citizen's request for a human, from the moment it is raised until an officer closes it. One open ticket per
 * conversation at a time; its number is what officers type ({@code /take 12}).
 *
 * @param queuedAt when it last entered the queue (opened, or released by an officer): the SLA clock starts there
 * @param slaLevel how far the no-reply alarm has gone: 0 none, 1 officers reminded, 2 supervisors alerted
 * @param unansweredSince while an officer holds it: since when the citizen has waited for a word from them (taken, or
 *     written to them since their last reply); empty once they replied. An urgent ticket whose holder stays silent past
 *     the SLA goes back to the queue.
 */
public record Ticket(
        long id,
        long conversationId,
        ConversationKey conversation,
        Priority priority,
        Language language,
        Optional<String> topic,
        String reason,
        TicketStatus status,
        Optional<String> officerId,
        Instant createdAt,
        Instant queuedAt,
        Optional<Instant> firstReplyAt,
        Optional<Instant> closedAt,
        int slaLevel,
        Optional<Instant> unansweredSince) {

    /** How fast a human must answer. */
    public enum Priority {
        URGENT,
        NORMAL;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean open() {
        return status != TicketStatus.CLOSED;
    }
}
