package org.consularbot.handoff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * No handed-off citizen is left in silence: a ticket without an officer's first reply after its limit (10 minutes
 * urgent, 60 normal by default) re-alerts the officers on duty; after twice the limit it goes to the supervisors
 * and the citizen is told they are not forgotten, with the hotline. The level reached is stored, so a restart
 * neither repeats nor forgets an alarm. An urgent ticket whose holder has left the citizen without a word for the
 * urgent limit (since taking it, or since the citizen last wrote) goes back to the queue: an officer who went offline
 * must not hold a person in danger; the supervisors are alarmed and the citizen told, with the hotline. Runs every 30
 * seconds from the service; the clock is injected.
 */
public final class SlaWatch {

    private static final Logger log = LoggerFactory.getLogger(SlaWatch.class);

    private final TicketStore tickets;
    private final OfficerDirectory officers;
    private final OfficerOutbox outbox;
    private final DutyRoster roster;
    private final CitizenLine citizens;
    private final Clock clock;
    private final Duration urgentLimit;
    private final Duration normalLimit;

    public SlaWatch(
            TicketStore tickets,
            OfficerDirectory officers,
            OfficerOutbox outbox,
            DutyRoster roster,
            CitizenLine citizens,
            Clock clock,
            Duration urgentLimit,
            Duration normalLimit) {
        this.tickets = tickets;
        this.officers = officers;
        this.outbox = outbox;
        this.roster = roster;
        this.citizens = citizens;
        this.clock = clock;
        this.urgentLimit = urgentLimit;
        this.normalLimit = normalLimit;
    }

    /** Raises the alarms that are due; returns how many. Each alarm is claimed in the store first, so it is raised once. */
    public int check() {
        Instant now = clock.instant();
        int raised = 0;
        List<Officer> all = officers.all();
        for (Ticket ticket : tickets.awaitingFirstReply()) {
            try {
                raised += check(ticket, all, now);
            } catch (RuntimeException e) {
                log.warn("SLA check of ticket {} failed: {}", ticket.id(), e.getMessage());
            }
        }
        for (Ticket ticket : tickets.awaitingHolder()) {
            try {
                raised += requeueIfSilent(ticket, all, now);
            } catch (RuntimeException e) {
                log.warn("silent-holder check of ticket {} failed: {}", ticket.id(), e.getMessage());
            }
        }
        return raised;
    }

    /** An urgent ticket's holder silent for the urgent limit: back to the queue, claimed in the store first. */
    private int requeueIfSilent(Ticket ticket, List<Officer> all, Instant now) {
        if (ticket.priority() != Ticket.Priority.URGENT
                || ticket.officerId().isEmpty()
                || ticket.unansweredSince().isEmpty()) {
            return 0;
        }
        Instant since = ticket.unansweredSince().get();
        Duration silent = Duration.between(since, now);
        if (silent.compareTo(urgentLimit) < 0
                || !tickets.requeueSilent(ticket.id(), ticket.officerId().get(), since, now)) {
            return 0;
        }
        String holder = all.stream()
                .filter(o -> o.userId().equals(ticket.officerId().get()))
                .map(Officer::name)
                .findFirst()
                .orElse(ticket.officerId().get());
        tickets.audit(
                Optional.of(ticket.id()),
                "system",
                "requeued",
                holder + " silent for " + silent.toMinutes() + " min",
                now);
        List<String> supervisors =
                all.stream().filter(Officer::supervisor).map(Officer::userId).toList();
        outbox.enqueue(
                Optional.of(ticket.id()),
                OfficerMessage.Kind.ALARM,
                "⏰ URGENT #" + ticket.id() + ": " + holder + " has not answered for " + silent.toMinutes()
                        + " min; back in the queue (/take " + ticket.id() + ")",
                supervisors.isEmpty() ? roster.toAlert(all, now) : supervisors,
                now);
        // A fresh card with its buttons, so whoever is on duty can take it.
        Ticket queued = tickets.find(ticket.id()).orElse(ticket);
        outbox.enqueue(
                Optional.of(ticket.id()),
                OfficerMessage.Kind.CARD,
                HandoffService.card(queued, List.of("↩ " + holder + " silent " + silent.toMinutes() + " min")),
                roster.toAlert(all, now),
                now);
        citizens.holderSilent(ticket.conversation(), ticket.language());
        return 1;
    }

    private int check(Ticket ticket, List<Officer> all, Instant now) {
        Duration limit = ticket.priority() == Ticket.Priority.URGENT ? urgentLimit : normalLimit;
        Duration waited = Duration.between(ticket.queuedAt(), now);
        if (ticket.slaLevel() < 2 && waited.compareTo(limit.multipliedBy(2)) >= 0) {
            if (!tickets.raiseSla(ticket.id(), 2)) {
                return 0;
            }
            List<String> supervisors = all.stream()
                    .filter(Officer::supervisor)
                    .map(Officer::userId)
                    .toList();
            outbox.enqueue(
                    Optional.of(ticket.id()),
                    OfficerMessage.Kind.ALARM,
                    "⏰ #" + ticket.id() + " has waited " + waited.toMinutes()
                            + " min with no reply: escalated to supervisors",
                    supervisors.isEmpty() ? roster.toAlert(all, now) : supervisors,
                    now);
            citizens.notForgotten(ticket.conversation(), ticket.language());
            tickets.audit(
                    Optional.of(ticket.id()),
                    "system",
                    "escalated",
                    "no reply after " + waited.toMinutes() + " min",
                    now);
            return 1;
        }
        if (ticket.slaLevel() < 1 && waited.compareTo(limit) >= 0) {
            if (!tickets.raiseSla(ticket.id(), 1)) {
                return 0;
            }
            outbox.enqueue(
                    Optional.of(ticket.id()),
                    OfficerMessage.Kind.ALARM,
                    "⏰ #" + ticket.id() + " has waited " + waited.toMinutes() + " min with no reply (/take "
                            + ticket.id() + ")",
                    roster.toAlert(all, now),
                    now);
            tickets.audit(
                    Optional.of(ticket.id()),
                    "system",
                    "reminded",
                    "no reply after " + waited.toMinutes() + " min",
                    now);
            return 1;
        }
        return 0;
    }
}
