package org.consularbot.handoff;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Handing a ticket to another officer, for the desk: the checks are the desk's (who may end or release a ticket may
 * hand it on), the move a conditional update, so a colleague's Take, a release or a close that crosses it wins.
 */
final class Handover {

    private final OfficerDesk desk;
    private final TicketStore tickets;
    private final OfficerDirectory officers;
    private final OfficerOutbox outbox;
    private final CitizenLine citizens;
    private final Clock clock;

    Handover(
            OfficerDesk desk,
            TicketStore tickets,
            OfficerDirectory officers,
            OfficerOutbox outbox,
            CitizenLine citizens,
            Clock clock) {
        this.desk = desk;
        this.tickets = tickets;
        this.officers = officers;
        this.outbox = outbox;
        this.citizens = citizens;
        this.clock = clock;
    }

    /**
     * Hands the ticket to another listed officer: a waiting ticket by any officer (as if they took it for a colleague),
     * a held one by its holder or a supervisor. The citizen is told another officer now answers (named only when names
     * are shown), the new holder is named in the officers' channel, and the citizen now waits for a word from them.
     */
    OfficerDesk.Result reassign(String userId, long ticketId, String toUserId) {
        OfficerDesk.Attempt attempt = desk.ending(userId, ticketId, "reassign");
        if (attempt.refusal() != null) {
            return attempt.refusal();
        }
        Optional<Officer> to = officers.find(toUserId.strip());
        if (to.isEmpty()) {
            tickets.audit(
                    Optional.of(ticketId),
                    userId,
                    "refused",
                    "reassign to someone who is not a listed officer: " + toUserId.strip(),
                    clock.instant());
            return OfficerDesk.Result.refused(DeskRefusal.UNKNOWN_OFFICER, toUserId.strip());
        }
        Ticket ticket = attempt.ticket();
        Optional<String> holder = ticket.officerId();
        if (holder.filter(to.get().userId()::equals).isPresent()) {
            return OfficerDesk.Result.refused(
                    DeskRefusal.HELD_BY, ticketId, to.get().name());
        }
        boolean moved = holder.isPresent()
                ? tickets.reassign(ticketId, holder.get(), to.get().userId(), clock.instant())
                : tickets.take(ticketId, to.get().userId(), clock.instant());
        if (!moved) {
            // A colleague's Take, a release or a close crossed this: say where it stands now.
            String now = tickets.find(ticketId)
                    .flatMap(Ticket::officerId)
                    .map(desk::name)
                    .orElse("nobody");
            tickets.audit(Optional.of(ticketId), userId, "refused", "reassign crossed by a change", clock.instant());
            return OfficerDesk.Result.refused(DeskRefusal.WITH, ticketId, now);
        }
        String from = holder.map(desk::name).orElse("the queue");
        tickets.audit(
                Optional.of(ticketId),
                userId,
                "reassigned",
                from + " → " + to.get().name(),
                clock.instant());
        boolean told = holder.isPresent()
                ? citizens.handedOver(ticket.conversation(), ticket.language(), desk.label(to.get(), ticket))
                : citizens.officerJoined(ticket.conversation(), ticket.language(), desk.label(to.get(), ticket));
        if (!told && holder.isEmpty()) {
            tickets.close(ticketId, clock.instant());
            tickets.audit(
                    Optional.of(ticketId), "system", "closed", "the conversation could not be joined", clock.instant());
            return OfficerDesk.Result.refused(DeskRefusal.WITHDRAWN, ticketId);
        }
        outbox.enqueue(
                Optional.of(ticketId),
                OfficerMessage.Kind.NOTICE,
                "#" + ticketId + " ↪ handed to " + to.get().name() + " by "
                        + attempt.officer().name(),
                List.of(to.get().userId()),
                clock.instant());
        return new OfficerDesk.Result(
                true, "#" + ticketId + " is now with " + to.get().name() + ".");
    }
}
