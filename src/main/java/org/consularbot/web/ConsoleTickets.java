package org.consularbot.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.FaqEntry;
import org.consularbot.faq.Language;
import org.consularbot.handoff.Officer;
import org.consularbot.handoff.OfficerDesk;
import org.consularbot.handoff.Ticket;
import org.consularbot.web.OfficerConsole.Refusal;

/**
 * A ticket's page and what an officer does from it (take, release, close, reply, note, hand to a colleague, start a
 * reply from an FAQ answer): each action goes to the desk; its refusals are worded in the officer's language.
 */
final class ConsoleTickets {

    /** The actions a ticket page posts, each to {@code /console/tickets/N/<action>}. */
    static final List<String> ACTIONS = List.of("take", "release", "close", "reply", "note", "reassign");

    /** An FAQ entry an officer may start a reply from: its id, its title, and the words the page's search looks in. */
    record FaqChoice(String id, String title, String search) {}

    private final OfficerConsole.Parts parts;
    private final ConsolePages pages;
    private final Clock clock;

    ConsoleTickets(OfficerConsole.Parts parts, ConsolePages pages, Clock clock) {
        this.parts = parts;
        this.pages = pages;
        this.clock = clock;
    }

    /** The page, after an action ({@code done}) or with an FAQ answer in the reply box ({@code faq}). */
    void page(Context ctx) {
        String lang = OfficerConsole.lang(ctx);
        Optional<String> done = Optional.ofNullable(ctx.queryParam("done"))
                .map(action -> ConsoleTexts.of(lang, "done." + action(action)));
        Ticket ticket = viewed(ctx);
        String draft = Optional.ofNullable(ctx.queryParam("faq"))
                .map(entry -> answer(ticket, entry))
                .orElse("");
        page(ctx, 200, done, false, ticket, draft);
    }

    void page(Context ctx, int status, Optional<String> message, boolean refused, Ticket ticket, String draft) {
        String officer = OfficerConsole.session(ctx).userId();
        Ticket fresh = parts.tickets().find(ticket.id()).orElse(ticket);
        List<Officer> colleagues = parts.officers().all().stream()
                .filter(o -> fresh.officerId().filter(o.userId()::equals).isEmpty())
                .sorted(Comparator.comparing(Officer::name))
                .toList();
        ctx.status(status)
                .html(pages.ticket(
                        OfficerConsole.lang(ctx),
                        OfficerConsole.session(ctx).csrf(),
                        officer,
                        new ConsolePages.TicketView(
                                fresh,
                                parts.transcripts().apply(fresh.conversationId()),
                                colleagues,
                                faqChoices(fresh.language()),
                                draft),
                        clock.instant(),
                        message,
                        refused));
    }

    /** The entry's answer in the ticket's language, mission facts filled in: what the reply box starts from. */
    String answer(Ticket ticket, String entryId) {
        Corpus corpus = parts.corpus().get();
        FaqEntry entry = corpus.entry(entryId)
                .filter(e -> e.answers().containsKey(ticket.language()))
                .orElseThrow(() -> new Refusal(404, "notFound", null, Optional.empty()));
        return corpus.answer(entry, ticket.language());
    }

    private List<FaqChoice> faqChoices(Language language) {
        return parts.corpus().get().entries().stream()
                .filter(e -> e.answers().containsKey(language))
                .map(e -> new FaqChoice(
                        e.id(),
                        e.title(language),
                        String.join(" ", e.questions(language)) + " " + e.topic() + " " + e.id()))
                .sorted(Comparator.comparing(FaqChoice::title))
                .toList();
    }

    /** A ticket the officer opens: the desk's transcript rule decides, and audits the reading. */
    Ticket viewed(Context ctx) {
        long id = parseId(ctx.pathParam("id"));
        OfficerDesk.Result read =
                parts.desk().transcript(OfficerConsole.session(ctx).userId(), id);
        Optional<Ticket> ticket = parts.tickets().find(id);
        if (ticket.isEmpty()) {
            throw new Refusal(404, "notFound", null, Optional.empty());
        }
        if (!read.ok()) {
            throw new Refusal(403, "notAllowed", words(OfficerConsole.lang(ctx), read), Optional.empty());
        }
        return ticket.get();
    }

    /** A ticket's live parts: by the desk's same rule, not audited again at every refresh. */
    Ticket readable(Context ctx) {
        long id = parseId(ctx.pathParam("id"));
        if (!parts.desk().mayRead(OfficerConsole.session(ctx).userId(), id)) {
            throw new Refusal(403, "notAllowed", null, Optional.empty());
        }
        return parts.tickets().find(id).orElseThrow(() -> new Refusal(404, "notFound", null, Optional.empty()));
    }

    void act(Context ctx, String action) {
        long id = parseId(ctx.pathParam("id"));
        String officer = OfficerConsole.session(ctx).userId();
        String text = Optional.ofNullable(ctx.formParam("text")).orElse("");
        OfficerDesk.Result result = switch (action) {
            case "take" -> parts.desk().take(officer, id);
            case "release" -> parts.desk().release(officer, id);
            case "close" -> parts.desk().close(officer, id);
            case "note" -> parts.desk().note(officer, id, text);
            case "reassign" ->
                parts.desk()
                        .reassign(
                                officer,
                                id,
                                Optional.ofNullable(ctx.formParam("to")).orElse(""));
            default -> parts.desk().reply(officer, id, text);
        };
        if (!result.ok()) {
            Optional<Ticket> ticket = parts.tickets().find(id);
            throw new Refusal(
                    ticket.isPresent() ? 409 : 404, "notAllowed", words(OfficerConsole.lang(ctx), result), ticket);
        }
        // Handed to a colleague, the ticket is no longer this officer's to read: back to the queue, saying so.
        boolean stays = !action.equals("reassign") || parts.desk().mayRead(officer, id);
        ctx.redirect(
                stays ? "/console/tickets/" + id + "?done=" + action : "/console?done=" + action, HttpStatus.SEE_OTHER);
    }

    /** The desk's answer in the officer's language: its refusals have console words; anything else as the desk says. */
    static String words(String lang, OfficerDesk.Result result) {
        return result.refusal()
                .map(why -> String.format(
                        ConsoleTexts.of(lang, "desk." + why.name()),
                        result.args().toArray()))
                .orElse(result.message());
    }

    static String action(String done) {
        if (ACTIONS.contains(done)) {
            return done;
        }
        throw new Refusal(404, "notFound", null, Optional.empty());
    }

    static long parseId(String raw) {
        try {
            long id = Long.parseLong(raw);
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // fall through: not a ticket number
        }
        throw new Refusal(404, "notFound", null, Optional.empty());
    }
}
