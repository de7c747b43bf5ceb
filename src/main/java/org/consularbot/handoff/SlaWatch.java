package org.consularbot.handoff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * No handed-off citizen is left in silence: a ticket without an officer's first reply after its limit (10 minutes
 * urgent, 60 normal by default) re-alerts the officers on duty; after twice the limit it goes to the supervisors
 * and the citizen is told they are not forgotten, with the hotline. The level reached is stored, so a restart
 * neither repeats nor forgets an alarm. Runs every minute from the service; the clock is injected.
 */
public final class SlaWatch {

    private final TicketStore tickets;
    private final OfficerDirectory officers;
    private final OfficerOutbox outbox;
    private final DutyRoster roster;
    private final CitizenLine citizens;
    private final Clock clock;
    private final Duration urgentLimit;
    private final Duration normalLimit;

    public SlaWatch(TicketStore tickets, OfficerDirectory officers, OfficerOutbox outbox, DutyRoster roster, CitizenLine citizens,
            Clock clock, Duration urgentLimit, Duration normalLimit) {
        this.tickets = tickets;
        this.officers = officers;
        this.outbox = outbox;
        this.roster = roster;
        this.citizens = citizens;
        this.clock = clock;
        this.urgentLimit = urgentLimit;
        this.normalLimit = normalLimit;
    }

    /** Raises the alarms that are due; returns how many. */
    public int check() {
        Instant now = clock.instant();
        int raised = 0;
        for (Ticket ticket : tickets.awaitingFirstReply()) {
            Duration limit = ticket.priority() == Ticket.Priority.URGENT ? urgentLimit : normalLimit;
            Duration waited = Duration.between(ticket.createdAt(), now);
            List<Officer> all = officers.all();
            if (ticket.slaLevel() < 2 && waited.compareTo(limit.multipliedBy(2)) >= 0) {
                List<String> supervisors = all.stream().filter(Officer::supervisor).map(Officer::userId).toList();
                outbox.enqueue(Optional.of(ticket.id()), OfficerMessage.Kind.ALARM, "⏰ #" + ticket.id() + " has waited "
                        + waited.toMinutes() + " min with no reply: escalated to supervisors", supervisors.isEmpty()
                        ? roster.toAlert(all, now) : supervisors, now);
                citizens.notForgotten(ticket.conversation(), ticket.language());
                tickets.slaLevel(ticket.id(), 2);
                tickets.audit(Optional.of(ticket.id()), "system", "escalated", "no reply after " + waited.toMinutes() + " min", now);
                raised++;
            } else if (ticket.slaLevel() < 1 && waited.compareTo(limit) >= 0) {
                outbox.enqueue(Optional.of(ticket.id()), OfficerMessage.Kind.ALARM, "⏰ #" + ticket.id() + " has waited "
                        + waited.toMinutes() + " min with no reply (/take " + ticket.id() + ")", roster.toAlert(all, now), now);
                tickets.slaLevel(ticket.id(), 1);
                tickets.audit(Optional.of(ticket.id()), "system", "reminded", "no reply after " + waited.toMinutes() + " min", now);
                raised++;
            }
        }
        return raised;
    }
}
