package org.consularbot.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.consularbot.handoff.Officer;
import org.consularbot.handoff.OfficerMessage;
import org.consularbot.handoff.OfficerOutbox;
import org.consularbot.handoff.Ticket;
import org.consularbot.handoff.TicketStatus;
import org.consularbot.handoff.TranscriptLine;

/**
 * The console's HTML, written on the server with every piece of data escaped; small enough to read on a phone. The
 * live parts (the queue's lists, a ticket's head and transcript) are fragments the page's script fetches again when
 * the server says they changed.
 */
final class ConsolePages {

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** How many of the officers' latest cards, notices and alarms the queue page lists. */
    static final int ALERTS = 20;

    /** What a ticket's page shows: the ticket, its conversation, whom it may go to, FAQ answers, the reply's draft. */
    record TicketView(
            Ticket ticket,
            List<TranscriptLine> lines,
            List<Officer> colleagues,
            List<ConsoleTickets.FaqChoice> faq,
            String draft) {}

    /** How fast a ticket must get its first reply, by priority: what the SLA column compares against. */
    record Limits(Duration urgent, Duration normal) {
        Duration of(Ticket ticket) {
            return ticket.priority() == Ticket.Priority.URGENT ? urgent : normal;
        }
    }

    private final Limits limits;
    private final Function<String, String> names;
    private final Predicate<String> supervisors;

    /**
     * @param names an officer's name from their id (the id itself if they are no longer listed)
     * @param supervisors whether an officer (by id) is a supervisor: their header links to their page
     */
    ConsolePages(Limits limits, Function<String, String> names, Predicate<String> supervisors) {
        this.limits = limits;
        this.names = names;
        this.supervisors = supervisors;
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String page(String lang, String title, String header, String body, String bodyData) {
        return "<!DOCTYPE html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title><link rel=\"stylesheet\" href=\"/console/console.css\">"
                + "</head><body" + bodyData + ">" + header + "<main>" + body + "</main>"
                + "<script src=\"/console/console.js\"></script></body></html>";
    }

    static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(value) + "\">";
    }

    static String t(String lang, String key) {
        return escape(ConsoleTexts.of(lang, key));
    }

    String header(String lang, String csrf, String officerId) {
        return "<header><a href=\"/console\" class=\"brand\">" + t(lang, "title") + "</a>"
                + (supervisors.test(officerId)
                        ? "<a href=\"/console/supervisor\" id=\"supervisor-link\">" + t(lang, "sv.title") + "</a>"
                        : "")
                + "<span class=\"who\">"
                + escape(names.apply(officerId)) + "</span><span id=\"live\" class=\"live\">●</span>"
                + "<form method=\"post\" action=\"/console/language\">" + hidden("csrf", csrf)
                + hidden("lang", ConsoleTexts.other(lang)) + "<button id=\"language\">" + t(lang, "language")
                + "</button></form><form method=\"post\" action=\"/console/sign-out\">" + hidden("csrf", csrf)
                + "<button id=\"sign-out\">" + t(lang, "signOut") + "</button></form></header>";
    }

    String signIn(String lang, String formToken, Optional<String> message) {
        String other = ConsoleTexts.other(lang);
        String body = "<h1>" + t(lang, "title") + "</h1>"
                + message.map(m -> "<p class=\"message refused\" id=\"message\">" + escape(m) + "</p>")
                        .orElse("")
                + "<form method=\"post\" action=\"/console/login\" class=\"sign-in\">" + hidden("csrf", formToken)
                + hidden("lang", lang) + "<label>" + t(lang, "officerId")
                + "<input name=\"id\" id=\"id\" autocomplete=\"username\" required maxlength=\"64\"></label>"
                + "<label>" + t(lang, "password") + "<input type=\"password\" name=\"password\" id=\"password\" "
                + "autocomplete=\"current-password\" required maxlength=\"200\"></label>"
                + "<button id=\"sign-in\">" + t(lang, "signIn") + "</button></form>"
                + "<p><a href=\"/console/login?lang=" + other + "\">" + t(lang, "language") + "</a></p>";
        return page(lang, ConsoleTexts.of(lang, "signIn"), "", body, "");
    }

    String queue(
            String lang,
            String csrf,
            String officerId,
            List<Ticket> open,
            List<OfficerOutbox.Posted> alerts,
            Instant now,
            Optional<String> message) {
        String body = "<h1>" + t(lang, "queue") + "</h1>"
                + message.map(m -> "<p class=\"message\" id=\"message\">" + escape(m) + "</p>")
                        .orElse("")
                + "<section id=\"alerts\" class=\"alerts\">"
                + alerts(lang, officerId, alerts) + "</section><div id=\"queue\">" + queueLists(lang, open, now)
                + "</div>";
        return page(lang, ConsoleTexts.of(lang, "queue"), header(lang, csrf, officerId), body, " data-page=\"queue\"");
    }

    /** The two lists: waiting for someone to take them (urgent first, then oldest), and taken. */
    String queueLists(String lang, List<Ticket> open, Instant now) {
        List<Ticket> waiting =
                open.stream().filter(t -> t.status() == TicketStatus.QUEUED).toList();
        List<Ticket> taken =
                open.stream().filter(t -> t.status() == TicketStatus.ASSIGNED).toList();
        return "<h2>" + t(lang, "unassigned") + " (" + waiting.size() + ")</h2>"
                + list(lang, "unassigned", waiting, now) + "<h2>" + t(lang, "taken") + " (" + taken.size() + ")</h2>"
                + list(lang, "taken", taken, now);
    }

    private String list(String lang, String id, List<Ticket> tickets, Instant now) {
        if (tickets.isEmpty()) {
            return "<p id=\"" + id + "\" class=\"empty\">" + t(lang, "none") + "</p>";
        }
        StringBuilder out = new StringBuilder("<ul id=\"" + id + "\" class=\"tickets\">");
        for (Ticket ticket : tickets) {
            boolean urgent = ticket.priority() == Ticket.Priority.URGENT;
            out.append("<li class=\"ticket")
                    .append(urgent ? " urgent" : "")
                    .append("\" data-ticket=\"")
                    .append(ticket.id())
                    .append("\"><a href=\"/console/tickets/")
                    .append(ticket.id())
                    .append("\">")
                    .append("<span class=\"priority\">")
                    .append(t(lang, urgent ? "urgent" : "normal"))
                    .append("</span> <b>#")
                    .append(ticket.id())
                    .append("</b> ")
                    .append(escape(ticket.reason()))
                    .append("</a><div class=\"facts\">")
                    .append(facts(lang, ticket, now))
                    .append("</div></li>");
        }
        return out.append("</ul>").toString();
    }

    private String facts(String lang, Ticket ticket, Instant now) {
        return "<span class=\"wait\">" + t(lang, "waiting") + " " + duration(Duration.between(ticket.queuedAt(), now))
                + "</span> · <span class=\"sla\">" + escape(sla(lang, ticket, now)) + "</span> · "
                + escape(ticket.language().code()) + " · "
                + escape(ticket.conversation().channel())
                + ticket.topic().map(topic -> " · " + escape(topic)).orElse("")
                + ticket.officerId()
                        .map(id -> " · " + escape(String.format(ConsoleTexts.of(lang, "with"), names.apply(id))))
                        .orElse("");
    }

    private String sla(String lang, Ticket ticket, Instant now) {
        if (ticket.slaLevel() >= 2) {
            return ConsoleTexts.of(lang, "sla2");
        }
        if (ticket.slaLevel() == 1) {
            return ConsoleTexts.of(lang, "sla1");
        }
        if (ticket.firstReplyAt().filter(at -> !at.isBefore(ticket.queuedAt())).isPresent()) {
            return ConsoleTexts.of(lang, "answered");
        }
        return Duration.between(ticket.queuedAt(), now).compareTo(limits.of(ticket)) > 0
                ? ConsoleTexts.of(lang, "slaDue")
                : ConsoleTexts.of(lang, "slaOk");
    }

    static String duration(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        return minutes < 60 ? minutes + " min" : minutes / 60 + " h " + minutes % 60 + " min";
    }

    String ticket(
            String lang,
            String csrf,
            String officerId,
            TicketView view,
            Instant now,
            Optional<String> message,
            boolean refused) {
        Ticket ticket = view.ticket();
        long id = ticket.id();
        String body = "<p><a href=\"/console\" id=\"back\">" + t(lang, "back") + "</a></p>"
                + message.map(m -> "<p class=\"message" + (refused ? " refused" : "") + "\" id=\"message\">" + escape(m)
                                + "</p>")
                        .orElse("")
                + "<div id=\"ticket-head\">" + ticketHead(lang, ticket, now) + "</div>"
                + "<div class=\"actions\">" + action(lang, csrf, id, "take") + action(lang, csrf, id, "release")
                + action(lang, csrf, id, "close") + "</div>"
                + ConsoleTicketForms.reassign(lang, csrf, id, view.colleagues())
                + ConsoleTicketForms.faq(lang, id, view.faq())
                + "<form method=\"post\" action=\"/console/tickets/" + id + "/reply\" class=\"reply\">"
                + hidden("csrf", csrf) + "<label for=\"reply-text\">" + t(lang, "reply") + "</label>"
                + "<textarea name=\"text\" id=\"reply-text\" rows=\"3\" maxlength=\"4000\" required>"
                + escape(view.draft()) + "</textarea>"
                + "<button id=\"send\">" + t(lang, "send") + "</button></form>"
                + "<form method=\"post\" action=\"/console/tickets/" + id + "/note\" class=\"reply\">"
                + hidden("csrf", csrf) + "<label for=\"note-text\">" + t(lang, "privateNote") + "</label>"
                + "<input name=\"text\" id=\"note-text\" maxlength=\"480\" required>"
                + "<button id=\"add-note\">" + t(lang, "addNote") + "</button></form>"
                + "<h2>" + t(lang, "transcript") + "</h2><ol id=\"transcript\" class=\"transcript\">"
                + transcript(lang, view.lines()) + "</ol>";
        return page(
                lang,
                ConsoleTexts.of(lang, "ticket") + " #" + id,
                header(lang, csrf, officerId),
                body,
                " data-page=\"ticket\" data-ticket=\"" + id + "\"");
    }

    private static String action(String lang, String csrf, long id, String name) {
        return "<form method=\"post\" action=\"/console/tickets/" + id + "/" + name + "\">" + hidden("csrf", csrf)
                + "<button id=\"" + name + "\">" + t(lang, name) + "</button></form>";
    }

    String ticketHead(String lang, Ticket ticket, Instant now) {
        boolean urgent = ticket.priority() == Ticket.Priority.URGENT;
        return "<h1 class=\"" + (urgent ? "urgent" : "") + "\"><span class=\"priority\">"
                + t(lang, urgent ? "urgent" : "normal") + "</span> #" + ticket.id() + " <span id=\"status\">"
                + escape(ticket.status().code()) + "</span></h1><p>" + escape(ticket.reason())
                + "</p><p class=\"facts\">"
                + facts(lang, ticket, now) + "</p>";
    }

    String transcript(String lang, List<TranscriptLine> lines) {
        StringBuilder out = new StringBuilder();
        for (TranscriptLine line : lines) {
            String who = switch (line.speaker()) {
                case CITIZEN -> "citizen";
                case BOT -> "bot";
                case OFFICER -> "officer";
                case NOTE -> "note";
            };
            out.append("<li class=\"line ")
                    .append(who)
                    .append("\"><span class=\"meta\">")
                    .append(t(lang, who))
                    .append(" · <time>")
                    .append(TIME.format(line.at()))
                    .append("</time></span><span class=\"text\">")
                    .append(escape(line.text()))
                    .append("</span></li>");
        }
        return out.toString();
    }

    /**
     * The officers' latest cards, notices and alarms, newest first: alarms stand out, and what names this officer
     * (an alarm or card mentioning them, a ticket handed to them) is marked for them. A card shows its first two lines
     * (priority, number, reason), not the conversation's lines it carries: those are on the ticket's page.
     */
    String alerts(String lang, String officerId, List<OfficerOutbox.Posted> alerts) {
        StringBuilder out = new StringBuilder("<h2>" + t(lang, "alerts") + "</h2>");
        if (alerts.isEmpty()) {
            return out.append("<p id=\"alert-list\" class=\"empty\">")
                    .append(t(lang, "none"))
                    .append("</p>")
                    .toString();
        }
        out.append("<ul id=\"alert-list\">");
        for (OfficerOutbox.Posted posted : alerts) {
            OfficerMessage message = posted.message();
            boolean mine = message.mention().contains(officerId);
            String text = message.kind() == OfficerMessage.Kind.CARD
                    ? String.join(" · ", message.text().lines().limit(2).toList())
                    : message.text();
            out.append("<li class=\"alert ")
                    .append(message.kind().code())
                    .append(message.urgent() ? " urgent" : "")
                    .append(mine ? " mine" : "")
                    .append("\" data-alert=\"")
                    .append(message.id())
                    .append("\"><time>")
                    .append(TIME.format(posted.at()))
                    .append("</time> ")
                    .append(mine ? "<b class=\"for-you\">" + t(lang, "forYou") + "</b> " : "")
                    .append(message.ticketId()
                            .map(ticket -> "<a href=\"/console/tickets/" + ticket + "\">" + escape(text) + "</a>")
                            .orElse(escape(text)))
                    .append("</li>");
        }
        return out.append("</ul>").toString();
    }

    String problem(String lang, String message) {
        return page(
                lang,
                ConsoleTexts.of(lang, "title"),
                "",
                "<p class=\"message refused\" id=\"message\">" + escape(message) + "</p><p><a href=\"/console\">"
                        + t(lang, "back") + "</a></p>",
                "");
    }
}
