package org.consularbot.handoff;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.consularbot.faq.Language;

/**
 * Durable tickets and their audit trail. Every change is a conditional update on the ticket's status, so two
 * officers (or two instances) pressing Take at once cannot both win. Implementations throw
 * {@link org.consularbot.conversation.StoreException} when the database cannot be reached.
 */
public interface TicketStore {

    /** A request raised: the ticket, whether it is new, whether an existing one was raised to urgent. */
    record Opened(Ticket ticket, boolean created, boolean raised) {}

    /** One line of the audit trail. */
    record Event(Optional<Long> ticketId, Instant at, String actor, String action, String detail) {}

    /** Opens a ticket for the conversation, or returns its open one, raised to urgent if this request is urgent. */
    Opened openOrRaise(
            long conversationId,
            Ticket.Priority priority,
            Language language,
            Optional<String> topic,
            String reason,
            Instant now);

    Optional<Ticket> find(long id);

    Optional<Ticket> openFor(long conversationId);

    /** Queued and assigned tickets, urgent first, then oldest. */
    List<Ticket> open();

    /** Queued → assigned to the officer; false when it was not queued any more (someone else took it first). */
    boolean take(long id, String officerId, Instant now);

    /** Assigned → queued again, the SLA clock restarting; false when it was not assigned. */
    boolean release(long id, Instant now);

    /** Any open state → closed; false when it was closed already. */
    boolean close(long id, Instant now);

    /** Records the first officer reply, if none was recorded yet. */
    void firstReply(long id, Instant now);

    /** Open tickets no officer has answered since they were last queued (the SLA clock runs on these). */
    List<Ticket> awaitingFirstReply();

    /** Moves the alarm level up to {@code level} if it is lower; false when another instance got there first. */
    boolean raiseSla(long id, int level);

    void audit(Optional<Long> ticketId, String actor, String action, String detail, Instant at);

    List<Event> events(long ticketId);
}
