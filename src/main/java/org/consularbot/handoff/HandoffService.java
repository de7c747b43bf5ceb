package org.consularbot.handoff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.consularbot.conversation.Conversation;
import org.consularbot.conversation.Escalation;
import org.consularbot.conversation.InboundMessage;
import org.consularbot.conversation.OfficerRequest;
import org.consularbot.faq.Language;

/**
 * The conversation core's way to officers: a request opens (or raises) a ticket and puts its card in the
 * officers' outbox, naming who must look when it is urgent; a citizen's messages while a ticket is open are
 * relayed, and once an officer holds it the citizen is told their message reached them (once a minute at most); a
 * withdrawal closes the ticket. Whether anyone is on duty is the roster's to say, so the bot promises an alerted
 * officer only when there is one.
 */
public final class HandoffService implements Escalation {

    private static final int CARD_MESSAGES = 5;

    /** At most one "delivered to the officer" a ticket per this: enough to know, not a reply to every line. */
    static final Duration ACK_GAP = Duration.ofMinutes(1);

    private final TicketStore tickets;
    private final OfficerDirectory officers;
    private final OfficerOutbox outbox;
    private final DutyRoster roster;
    private final CitizenLine citizens;
    private final Function<Long, List<String>> recentMessages;
    private final OfficerReach reach;
    private final Clock clock;

    /**
     * @param recentMessages a conversation's last messages, oldest first, for the ticket card
     * @param reach          what delivers to officers and whom it reaches now: without it, promising a citizen an
     *                       officer would leave them waiting in silence
     */
    public HandoffService(
            TicketStore tickets,
            OfficerDirectory officers,
            OfficerOutbox outbox,
            DutyRoster roster,
            CitizenLine citizens,
            Function<Long, List<String>> recentMessages,
            OfficerReach reach,
            Clock clock) {
        this.reach = reach;
        this.tickets = tickets;
        this.officers = officers;
        this.outbox = outbox;
        this.roster = roster;
        this.citizens = citizens;
        this.recentMessages = recentMessages;
        this.clock = clock;
    }

    /** Officers can be reached when something delivers to them and at least one is listed (`officer add`). */
    @Override
    public boolean available() {
        return reach.channel() && !officers.all().isEmpty();
    }

    /**
     * Somebody listed is on duty by the roster now and reachable now (in the group, or signed in to the web console):
     * backups alerted off duty are not "on duty", and neither is an officer on duty whom nothing reaches.
     */
    @Override
    public boolean onDuty() {
        if (!available()) {
            return false;
        }
        Instant now = clock.instant();
        return roster.staffed(reach.reachable(officers.all(), now), now);
    }

    @Override
    public void requestOfficer(OfficerRequest request) {
        boolean urgent = request.urgent();
        Conversation conversation = request.conversation();
        Language language = request.language();
        String reason = request.describe();
        Ticket.Priority priority = urgent ? Ticket.Priority.URGENT : Ticket.Priority.NORMAL;
        TicketStore.Opened opened = tickets.openOrRaise(
                conversation.id(), priority, language, request.situation(), reason, clock.instant());
        Ticket ticket = opened.ticket();
        if (!opened.created() && !opened.raised()) {
            return;
        }
        tickets.audit(
                Optional.of(ticket.id()),
                "bot",
                opened.created() ? "opened" : "raised",
                priority.code() + ": " + reason,
                clock.instant());
        List<Officer> all = officers.all();
        List<String> mention = urgent ? roster.toAlert(all, clock.instant()) : List.of();
        outbox.enqueue(
                Optional.of(ticket.id()),
                OfficerMessage.Kind.CARD,
                card(ticket, recentMessages.apply(conversation.id())),
                mention,
                clock.instant());
    }

    @Override
    public void relay(Conversation conversation, InboundMessage message) {
        Optional<Ticket> open = tickets.openFor(conversation.id());
        if (open.isEmpty()) {
            // A human is in charge but no ticket is open (the citizen cancelled as an officer took it, or a call to
            // officers failed): open one, so the message reaches somebody instead of nobody.
            requestOfficer(OfficerRequest.of(
                    conversation, conversation.replyLanguage(), OfficerRequest.Reason.MESSAGE_WHILE_WAITING));
            open = tickets.openFor(conversation.id());
        }
        open.ifPresent(ticket -> outbox.enqueue(
                Optional.of(ticket.id()),
                OfficerMessage.Kind.RELAY,
                "#" + ticket.id() + " 💬 "
                        + (message.kind().readable()
                                        ? message.text()
                                        : "[" + message.kind().code() + "] " + message.text())
                                .strip(),
                ticket.officerId().map(List::of).orElse(List.of()),
                clock.instant()));
        // The holder owes the citizen a word from now (unless already): SlaWatch hands a silent holder's urgent ticket
        // back to the queue.
        open.filter(ticket -> ticket.status() == TicketStatus.ASSIGNED)
                .ifPresent(ticket -> tickets.citizenWaiting(ticket.id(), clock.instant()));
    }

    @Override
    public void acknowledgeRelay(Conversation conversation) {
        tickets.openFor(conversation.id())
                .filter(ticket -> ticket.status() == TicketStatus.ASSIGNED)
                .filter(ticket -> tickets.claimRelayAck(ticket.id(), clock.instant(), ACK_GAP))
                .ifPresent(ticket -> citizens.relayAcknowledged(conversation.key(), conversation.replyLanguage()));
    }

    @Override
    public void withdraw(Conversation conversation) {
        tickets.openFor(conversation.id()).ifPresent(ticket -> {
            if (tickets.close(ticket.id(), clock.instant())) {
                tickets.audit(
                        Optional.of(ticket.id()), "citizen", "withdrawn", "the citizen cancelled", clock.instant());
                outbox.enqueue(
                        Optional.of(ticket.id()),
                        OfficerMessage.Kind.NOTICE,
                        "#" + ticket.id() + " ✖ the citizen withdrew the request",
                        List.of(),
                        clock.instant());
            }
        });
    }

    /** A ticket's card: priority, number, language, channel, topic guess, reason, the last messages, how to take it. */
    static String card(Ticket ticket, List<String> recent) {
        StringBuilder card = new StringBuilder();
        card.append(ticket.priority() == Ticket.Priority.URGENT ? "🆘 URGENT " : "🔔 ")
                .append('#')
                .append(ticket.id())
                .append(" · ")
                .append(ticket.language().code())
                .append(" · ")
                .append(ticket.conversation().channel())
                .append(ticket.topic().map(t -> " · " + t).orElse(""))
                .append('\n')
                .append(ticket.reason());
        List<String> last =
                recent.size() > CARD_MESSAGES ? recent.subList(recent.size() - CARD_MESSAGES, recent.size()) : recent;
        for (String line : last) {
            card.append("\n› ").append(line.length() > 300 ? line.substring(0, 300) + "…" : line);
        }
        return card.append("\n/take ").append(ticket.id()).toString();
    }
}
