package org.consularbot.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.FaqEntry;
import org.consularbot.faq.Language;
import org.consularbot.handoff.Ticket;
import org.consularbot.handoff.TicketStatus;

/**
 * The supervisors' page, written on the server: the queue's state at a glance, the {@code report} figures per day as
 * a stacked bar chart in inline SVG (no script, no library, nothing fetched) with the same figures in a table beside
 * it, and the questions the bot could not answer, each with a form to add it as a phrasing of an entry.
 */
final class SupervisorPages {

    /** A chart series: its text key, its colour, and which figure of a day it shows. */
    private record Series(String key, String colour, ToLongFunction<Supervision.Day> figure) {}

    private static final List<Series> SERIES = List.of(
            new Series("sv.answered", "#2e7d32", Supervision.Day::answered),
            new Series("sv.suggested", "#1565c0", Supervision.Day::suggested),
            new Series("sv.unanswered", "#c62828", Supervision.Day::unanswered),
            new Series("sv.emergencies", "#6a1b9a", Supervision.Day::emergencies),
            new Series("sv.limited", "#8d6e63", Supervision.Day::rateLimited),
            new Series("sv.other", "#9e9e9e", Supervision.Day::other));

    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT);
    private static final int CHART_HEIGHT = 160;
    private static final int BAR = 18;
    private static final int GAP = 6;
    private static final int LEFT = 36;

    /** What the page shows, read for one request. */
    record View(
            List<Ticket> open,
            Instant now,
            LocalDate from,
            List<Supervision.Day> days,
            List<Supervision.Question> unanswered,
            Corpus corpus,
            List<Optional<String>> suggested,
            List<Language> languages,
            boolean editable) {}

    private final ConsolePages pages;

    SupervisorPages(ConsolePages pages) {
        this.pages = pages;
    }

    private static String t(String lang, String key) {
        return ConsolePages.escape(ConsoleTexts.of(lang, key));
    }

    String page(String lang, String csrf, String officerId, View view, Optional<String> message, boolean refused) {
        String body = "<p><a href=\"/console\" id=\"back\">" + t(lang, "back") + "</a></p><h1>" + t(lang, "sv.title")
                + "</h1>"
                + message.map(m -> "<p class=\"message" + (refused ? " refused" : "") + "\" id=\"message\">"
                                + ConsolePages.escape(m).replace("\n", "<br>") + "</p>")
                        .orElse("")
                + figures(lang, view.open(), view.now()) + "<h2>" + t(lang, "sv.perDay") + "</h2>"
                + chart(lang, view.from(), view.now(), view.days()) + table(lang, view.from(), view.now(), view.days())
                + "<h2>" + t(lang, "sv.unansweredTitle") + "</h2>" + questions(lang, csrf, view);
        return ConsolePages.page(
                lang,
                ConsoleTexts.of(lang, "sv.title"),
                pages.header(lang, csrf, officerId),
                body,
                " data-page=\"supervisor\"");
    }

    /** Open tickets, those waiting unassigned, the urgent ones among them, and the longest wait in the queue. */
    static String figures(String lang, List<Ticket> open, Instant now) {
        List<Ticket> waiting =
                open.stream().filter(t -> t.status() == TicketStatus.QUEUED).toList();
        long urgent = waiting.stream()
                .filter(t -> t.priority() == Ticket.Priority.URGENT)
                .count();
        Optional<Duration> oldest = waiting.stream()
                .map(Ticket::queuedAt)
                .min(Comparator.naturalOrder())
                .map(at -> Duration.between(at, now));
        return "<dl class=\"figures\"><dt>" + t(lang, "sv.open") + "</dt><dd id=\"open-count\">" + open.size()
                + "</dd><dt>" + t(lang, "unassigned") + "</dt><dd id=\"waiting-count\">" + waiting.size()
                + "</dd><dt>" + t(lang, "sv.urgentWaiting") + "</dt><dd id=\"urgent-waiting\""
                + (urgent > 0 ? " class=\"urgent\"" : "") + ">" + urgent + "</dd><dt>" + t(lang, "sv.oldestWait")
                + "</dt><dd id=\"oldest-wait\">"
                + oldest.map(ConsolePages::duration).orElse("–") + "</dd></dl>";
    }

    /** Every day from {@code from} to today, those without messages as zeros: a gap in the chart is a quiet day. */
    private static List<Supervision.Day> everyDay(LocalDate from, Instant now, List<Supervision.Day> days) {
        List<Supervision.Day> out = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
            LocalDate on = day;
            out.add(days.stream()
                    .filter(d -> d.day().equals(on))
                    .findFirst()
                    .orElse(new Supervision.Day(on, 0, 0, 0, 0, 0, 0, 0)));
        }
        return out;
    }

    /** A stacked bar per day, scaled to the busiest day; each segment says its figure on hover ({@code <title>}). */
    static String chart(String lang, LocalDate from, Instant now, List<Supervision.Day> given) {
        List<Supervision.Day> days = everyDay(from, now, given);
        long most = Math.max(
                1, days.stream().mapToLong(Supervision.Day::messages).max().orElse(1));
        int width = LEFT + days.size() * (BAR + GAP) + GAP;
        int height = CHART_HEIGHT + 45;
        StringBuilder svg = new StringBuilder("<svg id=\"outcomes-chart\" xmlns=\"http://www.w3.org/2000/svg\" "
                + "role=\"img\" width=\"100%\" viewBox=\"0 0 " + width + " " + height + "\" aria-label=\""
                + t(lang, "sv.perDay") + "\" font-family=\"sans-serif\" font-size=\"9\">");
        svg.append("<line x1=\"")
                .append(LEFT - 2)
                .append("\" y1=\"10\" x2=\"")
                .append(LEFT - 2)
                .append("\" y2=\"")
                .append(CHART_HEIGHT + 10)
                .append("\" stroke=\"#555\"/><text x=\"")
                .append(LEFT - 4)
                .append("\" y=\"16\" text-anchor=\"end\">")
                .append(most)
                .append("</text><text x=\"")
                .append(LEFT - 4)
                .append("\" y=\"")
                .append(CHART_HEIGHT + 10)
                .append("\" text-anchor=\"end\">0</text>");
        for (int i = 0; i < days.size(); i++) {
            Supervision.Day day = days.get(i);
            int x = LEFT + GAP + i * (BAR + GAP);
            double y = CHART_HEIGHT + 10;
            for (Series series : SERIES) {
                long count = series.figure().applyAsLong(day);
                if (count == 0) {
                    continue;
                }
                double h = (double) CHART_HEIGHT * count / most;
                y -= h;
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\" data-day=\"%s\" "
                                + "data-series=\"%s\" data-count=\"%d\"><title>%s %s: %d</title></rect>",
                        x,
                        y,
                        BAR,
                        h,
                        series.colour(),
                        day.day(),
                        series.key().substring(3),
                        count,
                        day.day(),
                        t(lang, series.key()),
                        count));
            }
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" transform=\"rotate(-60 %d %d)\" text-anchor=\"end\">%s</text>",
                    x + BAR / 2,
                    CHART_HEIGHT + 22,
                    x + BAR / 2,
                    CHART_HEIGHT + 22,
                    SHORT_DAY.format(day.day())));
        }
        return svg.append("</svg>").append(legend(lang)).toString();
    }

    /** The series' colours and names, in the page's text so that it wraps on a phone. */
    private static String legend(String lang) {
        StringBuilder out = new StringBuilder("<ul class=\"legend\">");
        for (Series series : SERIES) {
            out.append(
                            "<li><svg width=\"10\" height=\"10\" aria-hidden=\"true\"><rect width=\"10\" height=\"10\" fill=\"")
                    .append(series.colour())
                    .append("\"/></svg> ")
                    .append(t(lang, series.key()))
                    .append("</li>");
        }
        return out.append("</ul>").toString();
    }

    /** The chart's figures as a table: exact numbers, and what a screen reader reads. */
    static String table(String lang, LocalDate from, Instant now, List<Supervision.Day> given) {
        StringBuilder out =
                new StringBuilder("<div class=\"scroll\"><table id=\"outcomes\" class=\"figures\"><thead><tr><th>"
                        + t(lang, "sv.day") + "</th><th>" + t(lang, "sv.messages") + "</th>");
        SERIES.forEach(s -> out.append("<th>").append(t(lang, s.key())).append("</th>"));
        out.append("</tr></thead><tbody>");
        for (Supervision.Day day : everyDay(from, now, given)) {
            if (day.messages() == 0) {
                continue;
            }
            out.append("<tr data-day=\"")
                    .append(day.day())
                    .append("\"><td>")
                    .append(day.day())
                    .append("</td><td>")
                    .append(day.messages())
                    .append("</td>");
            SERIES.forEach(
                    s -> out.append("<td>").append(s.figure().applyAsLong(day)).append("</td>"));
            out.append("</tr>");
        }
        return out.append("</tbody></table></div>").toString();
    }

    private static String questions(String lang, String csrf, SupervisorPages.View view) {
        if (view.unanswered().isEmpty()) {
            return "<p id=\"unanswered\" class=\"empty\">" + t(lang, "none") + "</p>";
        }
        StringBuilder out = new StringBuilder();
        if (!view.editable()) {
            out.append("<p class=\"message\" id=\"bundled\">")
                    .append(t(lang, "sv.bundled"))
                    .append("</p>");
        }
        out.append("<datalist id=\"faq-entries\">");
        for (FaqEntry entry : view.corpus().entries()) {
            out.append("<option value=\"")
                    .append(ConsolePages.escape(entry.id()))
                    .append("\" label=\"")
                    .append(ConsolePages.escape(
                            entry.title(Language.fromCode(lang).orElse(Language.VI))))
                    .append("\"></option>");
        }
        out.append("</datalist><ol id=\"unanswered\" class=\"questions\">");
        for (int i = 0; i < view.unanswered().size(); i++) {
            Supervision.Question question = view.unanswered().get(i);
            Language language = view.languages().get(i);
            out.append("<li class=\"question\"><span class=\"count\">")
                    .append(question.count())
                    .append(" ×</span> <span class=\"text\">")
                    .append(ConsolePages.escape(question.text()))
                    .append("</span>");
            if (view.editable()) {
                out.append("<form method=\"post\" action=\"/console/supervisor/phrasing\" class=\"phrasing\">")
                        .append(ConsolePages.hidden("csrf", csrf))
                        .append("<label>")
                        .append(t(lang, "sv.phrasing"))
                        .append("<input name=\"text\" id=\"phrasing-")
                        .append(i)
                        .append("\" maxlength=\"300\" required value=\"")
                        .append(ConsolePages.escape(question.text()))
                        .append("\"></label><label>")
                        .append(t(lang, "sv.entry"))
                        .append("<input name=\"entry\" id=\"entry-")
                        .append(i)
                        .append("\" list=\"faq-entries\" maxlength=\"120\" required value=\"")
                        .append(ConsolePages.escape(view.suggested().get(i).orElse("")))
                        .append("\"></label><select name=\"lang\" id=\"lang-")
                        .append(i)
                        .append("\"><option value=\"vi\"")
                        .append(language == Language.VI ? " selected" : "")
                        .append(">Tiếng Việt</option><option value=\"en\"")
                        .append(language == Language.EN ? " selected" : "")
                        .append(">English</option></select><button id=\"add-")
                        .append(i)
                        .append("\">")
                        .append(t(lang, "sv.add"))
                        .append("</button></form>");
            }
            out.append("</li>");
        }
        return out.append("</ol>").toString();
    }
}
