package org.consularbot.web;

import static org.consularbot.web.ConsolePages.escape;
import static org.consularbot.web.ConsolePages.hidden;
import static org.consularbot.web.ConsolePages.t;

import java.util.List;
import org.consularbot.handoff.Officer;

/**
 * The ticket page's two helpers beside the reply box: handing the ticket to a colleague, and starting a reply from an
 * FAQ answer. Both work without the script (a form each); with it, choosing an entry fills the reply box at once and
 * the search box narrows the list as the officer types.
 */
final class ConsoleTicketForms {

    private ConsoleTicketForms() {}

    /** A select of the listed officers (the holder left out) and a button: POSTs {@code to} with the CSRF token. */
    static String reassign(String lang, String csrf, long id, List<Officer> colleagues) {
        StringBuilder out = new StringBuilder("<form method=\"post\" action=\"/console/tickets/" + id
                + "/reassign\" class=\"reassign\">" + hidden("csrf", csrf)
                + "<label for=\"reassign-to\">" + t(lang, "reassignTo") + "</label>"
                + "<select name=\"to\" id=\"reassign-to\" required>");
        for (Officer officer : colleagues) {
            out.append("<option value=\"")
                    .append(escape(officer.userId()))
                    .append("\">")
                    .append(escape(officer.name()))
                    .append(officer.supervisor() ? " (" + t(lang, "supervisor") + ")" : "")
                    .append("</option>");
        }
        return out.append("</select><button id=\"reassign\">")
                .append(t(lang, "reassign"))
                .append("</button></form>")
                .toString();
    }

    /**
     * The FAQ entries in the ticket's language: a search box and a select; "Use" asks for the page again with the
     * entry's answer in the reply box (the script does it in place), for the officer to edit before sending.
     */
    static String faq(String lang, long id, List<ConsoleTickets.FaqChoice> choices) {
        StringBuilder out = new StringBuilder("<form method=\"get\" action=\"/console/tickets/" + id
                + "\" class=\"faq\" id=\"faq-form\" data-ticket=\"" + id + "\">"
                + "<label for=\"faq\">" + t(lang, "useFaq") + "</label>"
                + "<input type=\"search\" id=\"faq-search\" placeholder=\"" + t(lang, "faqSearch")
                + "\" autocomplete=\"off\"><select name=\"faq\" id=\"faq\" required><option value=\"\">"
                + t(lang, "faqChoose") + "</option>");
        for (ConsoleTickets.FaqChoice choice : choices) {
            out.append("<option value=\"")
                    .append(escape(choice.id()))
                    .append("\" data-search=\"")
                    .append(escape(choice.search()))
                    .append("\">")
                    .append(escape(choice.title()))
                    .append("</option>");
        }
        return out.append("</select><button id=\"use-faq\">")
                .append(t(lang, "use"))
                .append("</button></form>")
                .toString();
    }
}
