package org.consularbot.handoff;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.consularbot.faq.Language;

/**
 * What officers do, from whatever channel they use (the Telegram officers' group, the terminal console): queue,
 * take, reply, release, close, note. Only listed officers may act; everything, refusals included, is audited.
 * Take is atomic: of two officers pressing at once, one gets the ticket and the other is told who has it.
 */
public final class OfficerDesk {

    /**
     * What happened, in words for the officer who acted; a refusal also says why ({@code refusal}, with its
     * {@code args}), for a channel that words it in the officer's language.
     */
    public record Result(boolean ok, String message, Optional<DeskRefusal> refusal, List<String> args) {
        public Result {
            args = List.copyOf(args);
        }

        public Result(boolean ok, String message) {
            this(ok, message, Optional.empty(), List.of());
        }

        /** A refusal in the desk's English words, keeping why for channels that speak another language. */
        public static Result refused(DeskRefusal why, Object... args) {
            List<String> words =
                    java.util.Arrays.stream(args).map(String::valueOf).toList();
            return new Result(false, why.english(args), Optional.of(why), words);
        }
    }

    private final TicketStore tickets;
    private final OfficerDirectory officers;
    private final OfficerOutbox outbox;
    private final CitizenLine citizens;
    private final Clock clock;
    private final boolean showNames;
    private final Function<Long, List<String>> recentMessages;
    private final Handover handover;

    /**
     * @param showNames      tell citizens the officer's name; otherwise "Cán bộ lãnh sự / Consular officer"
     * @param recentMessages a conversation's lines, oldest first (citizen, bot, officers, with times), for
     *                       {@code /transcript} and a released ticket's new card
     */
    public OfficerDesk(
            TicketStore tickets,
            OfficerDirectory officers,
            OfficerOutbox outbox,
            CitizenLine citizens,
            Clock clock,
            boolean showNames,
            Function<Long, List<String>> recentMessages) {
        this.recentMessages = recentMessages;
        this.tickets = tickets;
        this.officers = officers;
        this.outbox = outbox;
        this.citizens = citizens;
        this.clock = clock;
        this.showNames = showNames;
        this.handover = new Handover(this, tickets, officers, outbox, citizens, clock);
    }

    public Result queue(String userId) {
        Optional<Officer> officer = authorise(userId, Optional.empty(), "queue");
        if (officer.isEmpty()) {
            return notAuthorised();
        }
        List<Ticket> open = tickets.open();
        if (open.isEmpty()) {
            return new Result(true, "No open tickets.");
        }
        StringBuilder out = new StringBuilder();
        for (Ticket t : open) {
            out.append(t.priority() == Ticket.Priority.URGENT ? "🆘 " : "• ")
                    .append('#')
                    .append(t.id())
                    .append(' ')
                    .append(t.status().code())
                    .append(t.officerId().map(id -> " (" + name(id) + ")").orElse(""))
                    .append(" · ")
                    .append(t.language().code())
                    .append(" · ")
                    .append(t.reason())
                    .append('\n');
        }
        return new Result(true, out.toString().strip());
    }

    public Result take(String userId, long ticketId) {
        Attempt attempt = attempt(userId, ticketId, "take");
        if (attempt.refusal() != null) {
            return attempt.refusal();
        }
        Optional<Officer> officer = Optional.of(attempt.officer());
        Optional<Ticket> ticket = Optional.of(attempt.ticket());
        if (!ticket.get().open()) {
            tickets.audit(Optional.of(ticketId), userId, "refused", "take of a closed ticket", clock.instant());
            return Result.refused(DeskRefusal.CLOSED, ticketId);
        }
        if (!tickets.take(ticketId, userId, clock.instant())) {
            String holder = tickets.find(ticketId)
                    .flatMap(Ticket::officerId)
                    .map(this::name)
                    .orElse("someone");
            tickets.audit(
                    Optional.of(ticketId), userId, "refused", "take of a ticket held by " + holder, clock.instant());
            return Result.refused(DeskRefusal.HELD_BY, ticketId, holder);
        }
        tickets.audit(Optional.of(ticketId), userId, "taken", officer.get().name(), clock.instant());
        if (!citizens.officerJoined(
                ticket.get().conversation(), ticket.get().language(), label(officer.get(), ticket.get()))) {
            // The conversation cannot be joined from where it stands (gone, or closed meanwhile): do not hold a dead
            // ticket.
            tickets.close(ticketId, clock.instant());
            tickets.audit(
                    Optional.of(ticketId), "system", "closed", "the conversation could not be joined", clock.instant());
            return Result.refused(DeskRefusal.WITHDRAWN, ticketId);
        }
        outbox.enqueue(
                Optional.of(ticketId),
                OfficerMessage.Kind.NOTICE,
                "#" + ticketId + " ✋ taken by " + officer.get().name(),
                List.of(),
                clock.instant());
        return new Result(true, "#" + ticketId + " is yours. Replies you send go to the citizen.");
    }

    public Result reply(String userId, long ticketId, String text) {
        Attempt attempt = attempt(userId, ticketId, "reply");
        if (attempt.refusal() != null) {
            return attempt.refusal();
        }
        Optional<Officer> officer = Optional.of(attempt.officer());
        Ticket ticket = attempt.ticket();
        if (!ticket.open()) {
            tickets.audit(Optional.of(ticketId), userId, "refused", "reply to a closed ticket", clock.instant());
            return Result.refused(DeskRefusal.CLOSED_NOT_SENT, ticketId);
        }
        if (ticket.officerId().isEmpty()) {
            return Result.refused(DeskRefusal.TAKE_FIRST, ticketId);
        }
        if (!ticket.officerId().get().equals(userId) && !officer.get().supervisor()) {
            tickets.audit(
                    Optional.of(ticketId), userId, "refused", "reply to another officer's ticket", clock.instant());
            return Result.refused(
                    DeskRefusal.WITH_NOT_SENT, ticketId, name(ticket.officerId().get()));
        }
        if (text.isBlank()) {
            return Result.refused(DeskRefusal.NOTHING_TO_SEND);
        }
        citizens.say(ticket.conversation(), label(officer.get(), ticket), text.strip());
        tickets.officerReplied(ticketId, clock.instant());
        tickets.audit(Optional.of(ticketId), userId, "replied", text.length() + " characters", clock.instant());
        return new Result(true, "Sent to #" + ticketId + ".");
    }

    /** A private note on the ticket: audited, never sent to the citizen. */
    public Result note(String userId, long ticketId, String text) {
        Attempt attempt = attempt(userId, ticketId, "note");
        if (attempt.refusal() != null) {
            return attempt.refusal();
        }
        tickets.audit(Optional.of(ticketId), userId, "note", text.strip(), clock.instant());
        return new Result(true, "Note added to #" + ticketId + ".");
    }

    /**
     * Carries out an officer's command; the ticket may be left out when the officer holds exactly one, so a reply
     * never reaches the wrong citizen.
     */
    public Result perform(String userId, DeskCommand command) {
        if (command.action() == DeskCommand.Action.QUEUE) {
            return queue(userId);
        }
        Optional<Long> ticket = command.ticket().or(() -> current(userId));
        if (ticket.isEmpty()) {
            return Result.refused(
                    DeskRefusal.WHICH_TICKET, command.action().name().toLowerCase(Locale.ROOT));
        }
        long id = ticket.get();
        return switch (command.action()) {
            case TAKE -> take(userId, id);
            case CLOSE -> close(userId, id);
            case RELEASE -> release(userId, id);
            case NOTE -> note(userId, id, command.text());
            case TRANSCRIPT -> transcript(userId, id);
            case REPLY -> reply(userId, id, command.text());
            case QUEUE -> queue(userId);
        };
    }

    /**
     * The ticket this officer holds, when they hold exactly one: what a reply without a number goes to. With two,
     * the officer must say which, so a reply never reaches the wrong citizen.
     */
    public Optional<Long> current(String userId) {
        List<Long> held = tickets.open().stream()
                .filter(t -> t.officerId().filter(userId::equals).isPresent())
                .map(Ticket::id)
                .toList();
        return held.size() == 1 ? Optional.of(held.get(0)) : Optional.empty();
    }

    /**
     * The conversation so far (the citizen's, the bot's and the officers' lines, with times), for the officer holding the ticket, any officer while it
     * waits to be taken (to decide whether to take it), and supervisors; not for an officer while a colleague holds it.
     */
    public Result transcript(String userId, long ticketId) {
        Attempt attempt = attempt(userId, ticketId, "transcript");
        if (attempt.refusal() != null) {
            return attempt.refusal();
        }
        Optional<String> holder = attempt.ticket().officerId();
        if (holder.isPresent()
                && !holder.get().equals(userId)
                && !attempt.officer().supervisor()) {
            tickets.audit(
                    Optional.of(ticketId),
                    userId,
                    "refused",
                    "transcript of another officer's ticket",
                    clock.instant());
            return Result.refused(DeskRefusal.WITH_NOT_READ, ticketId, name(holder.get()));
        }
        tickets.audit(Optional.of(ticketId), userId, "transcript", "read", clock.instant());
        StringBuilder out = new StringBuilder("#" + ticketId + " transcript:");
        recentMessages
                .apply(attempt.ticket().conversationId())
                .forEach(line -> out.append("\n› ").append(line));
        return new Result(true, out.toString());
    }

    /**
     * The checks closing and releasing share: a listed officer, an open ticket, and theirs unless a supervisor acts.
     * Returns the attempt, or the refusal (audited when it is another officer's ticket).
     */
    Attempt ending(String userId, long ticketId, String action) {
        Attempt attempt = attempt(userId, ticketId, action);
        if (attempt.refusal() != null) {
            return attempt;
        }
        Ticket ticket = attempt.ticket();
        if (!ticket.open()) {
            return Attempt.refused(Result.refused(DeskRefusal.CLOSED_ALREADY, ticketId));
        }
        boolean mine = ticket.officerId().filter(userId::equals).isPresent();
        if (ticket.officerId().isPresent() && !mine && !attempt.officer().supervisor()) {
            tickets.audit(
                    Optional.of(ticketId), userId, "refused", action + " of another officer's ticket", clock.instant());
            return Attempt.refused(Result.refused(
                    DeskRefusal.WITH, ticketId, name(ticket.officerId().get())));
        }
        return attempt;
    }

    /** Ends the conversation with an officer: the bot answers the citizen again. */
    public Result close(String userId, long ticketId) {
        Attempt attempt = ending(userId, ticketId, "close");
        if (attempt.refusal() != null) {
            return attempt.refusal();
        }
        if (!tickets.close(ticketId, clock.instant())) {
            return Result.refused(DeskRefusal.CLOSED_ALREADY, ticketId);
        }
        String officer = attempt.officer().name();
        tickets.audit(Optional.of(ticketId), userId, "closed", officer, clock.instant());
        citizens.closed(attempt.ticket().conversation(), attempt.ticket().language());
        outbox.enqueue(
                Optional.of(ticketId),
                OfficerMessage.Kind.NOTICE,
                "#" + ticketId + " ✅ closed by " + officer,
                List.of(),
                clock.instant());
        return new Result(true, "#" + ticketId + " closed; the bot answers the citizen again.");
    }

    /** Back to the queue, for another officer. */
    public Result release(String userId, long ticketId) {
        Attempt attempt = ending(userId, ticketId, "release");
        if (attempt.refusal() != null) {
            return attempt.refusal();
        }
        if (!tickets.release(ticketId, clock.instant())) {
            return Result.refused(DeskRefusal.NOT_TAKEN, ticketId);
        }
        String officer = attempt.officer().name();
        tickets.audit(Optional.of(ticketId), userId, "released", officer, clock.instant());
        citizens.released(attempt.ticket().conversation(), attempt.ticket().language());
        // Back in the queue: a fresh card with its buttons, so another officer sees it and can take it, with the
        // conversation's last lines (it had none: the next officer started blind).
        Ticket queued = tickets.find(ticketId).orElse(attempt.ticket());
        List<String> history = new ArrayList<>(recentMessages.apply(queued.conversationId()));
        history.add("↩ released by " + officer);
        outbox.enqueue(
                Optional.of(ticketId),
                OfficerMessage.Kind.CARD,
                HandoffService.card(queued, history),
                List.of(),
                clock.instant());
        return new Result(true, "#" + ticketId + " is back in the queue.");
    }

    /**
     * Hands the ticket to another listed officer: a waiting ticket by any officer, a held one by its holder or a
     * supervisor ({@link Handover}).
     */
    public Result reassign(String userId, long ticketId, String toUserId) {
        return handover.reassign(userId, ticketId, toUserId);
    }

    /** An officer acting on an existing ticket, or why they cannot. */
    record Attempt(Officer officer, Ticket ticket, Result refusal) {
        static Attempt refused(Result refusal) {
            return new Attempt(null, null, refusal);
        }
    }

    private Attempt attempt(String userId, long ticketId, String action) {
        Optional<Officer> officer = authorise(userId, Optional.of(ticketId), action);
        if (officer.isEmpty()) {
            return Attempt.refused(notAuthorised());
        }
        return tickets.find(ticketId)
                .map(ticket -> new Attempt(officer.get(), ticket, null))
                .orElseGet(() -> {
                    tickets.audit(
                            Optional.empty(),
                            userId,
                            "refused",
                            action + " of ticket #" + ticketId + ", which does not exist",
                            clock.instant());
                    return Attempt.refused(Result.refused(DeskRefusal.NO_TICKET, ticketId));
                });
    }

    private Optional<Officer> authorise(String userId, Optional<Long> ticketId, String action) {
        Optional<Officer> officer = officers.find(userId);
        if (officer.isEmpty()) {
            tickets.audit(
                    ticketId, userId, "refused", action + " by someone who is not a listed officer", clock.instant());
        }
        return officer;
    }

    private static Result notAuthorised() {
        return Result.refused(DeskRefusal.NOT_LISTED);
    }

    String name(String userId) {
        return officers.find(userId).map(Officer::name).orElse(userId);
    }

    String label(Officer officer, Ticket ticket) {
        if (showNames) {
            return officer.name();
        }
        return ticket.language() == Language.VI ? "Cán bộ lãnh sự" : "Consular officer";
    }

    /**
     * Whether the officer may read the ticket's conversation, by {@link #transcript}'s rule (the holder, anyone while
     * it waits, supervisors), without auditing: for a page that refreshes what {@link #transcript} already allowed.
     */
    public boolean mayRead(String userId, long ticketId) {
        Optional<Officer> officer = officers.find(userId);
        Optional<Ticket> ticket = tickets.find(ticketId);
        if (officer.isEmpty() || ticket.isEmpty()) {
            return false;
        }
        Optional<String> holder = ticket.get().officerId();
        return holder.isEmpty() || holder.get().equals(userId) || officer.get().supervisor();
    }
}
