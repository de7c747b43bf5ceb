package org.consularbot.handoff;

import java.time.Duration;
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

    /**
     * Queued → assigned to the officer; false when it was not queued any more (someone else took it first). The citizen
     * now waits for a word from that officer: {@link Ticket#unansweredSince()} starts at {@code now}.
     */
    boolean take(long id, String officerId, Instant now);

    /**
     * Assigned to {@code fromOfficerId} → assigned to {@code toOfficerId}; false when {@code fromOfficerId} no longer
     * holds it (released, closed, or handed on meanwhile). The citizen now waits for a word from the new holder.
     */
    boolean reassign(long id, String fromOfficerId, String toOfficerId, Instant now);

    /** Assigned → queued again, the SLA clock restarting; false when it was not assigned. */
    boolean release(long id, Instant now);

    /**
     * Assigned → queued again because its holder stayed silent: only while {@code officerId} still holds it and the
     * citizen has waited for them since {@code silentSince} or earlier, so a reply that crossed this wins. False when
     * any of that no longer holds.
     */
    boolean requeueSilent(long id, String officerId, Instant silentSince, Instant now);

    /** Any open state → closed; false when it was closed already. */
    boolean close(long id, Instant now);

    /** Records an officer's reply: the first one if none was recorded yet; the citizen waits for nobody now. */
    void officerReplied(long id, Instant now);

    /** The citizen wrote while an officer holds the ticket: they wait for that officer from {@code now}, unless already. */
    void citizenWaiting(long id, Instant now);

    /** Open tickets no officer has answered since they were last queued (the SLA clock runs on these). */
    List<Ticket> awaitingFirstReply();

    /** Tickets held by an officer whose citizen waits for a word from them, longest waiting first. */
    List<Ticket> awaitingHolder();

    /**
     * Claims the acknowledgement of a citizen's message relayed on the ticket: true when none was claimed within
     * {@code gap} before {@code now} (and records {@code now}), false otherwise. Atomic across instances, so at most
     * one acknowledgement goes per gap per ticket.
     */
    boolean claimRelayAck(long id, Instant now, Duration gap);

    /** Moves the alarm level up to {@code level} if it is lower; false when another instance got there first. */
    boolean raiseSla(long id, int level);

    void audit(Optional<Long> ticketId, String actor, String action, String detail, Instant at);

    List<Event> events(long ticketId);
}
