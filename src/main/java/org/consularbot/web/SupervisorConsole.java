package org.consularbot.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.consularbot.faq.Candidate;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.Language;
import org.consularbot.faq.MatchResult;
import org.consularbot.faq.PhrasingEditor;
import org.consularbot.handoff.Officer;
import org.consularbot.handoff.OfficerDirectory;
import org.consularbot.handoff.OfficerLogins;
import org.consularbot.handoff.TicketStore;

/**
 * The supervisors' part of the console: their page, and "add as a phrasing of entry X". Only officers listed with the
 * supervisor role reach it (others get 403 and a page saying why, and the refusal is audited); the citizens'
 * questions are shown to them alone, redacted, and never with who asked. Additions go through the corpus's
 * validation ({@link PhrasingEditor}) and are audited; the corpus watcher serves them.
 */
final class SupervisorConsole {

    /** Days the chart shows unless the page asks for another number (1 to 90). */
    static final int DAYS = 14;

    /** Unanswered questions listed: the most asked first. */
    static final int QUESTIONS = 20;

    private final Supervision supervision;
    private final TicketStore tickets;
    private final OfficerDirectory officers;
    private final SupervisorPages pages;
    private final Clock clock;

    SupervisorConsole(
            Supervision supervision, TicketStore tickets, OfficerDirectory officers, ConsolePages pages, Clock clock) {
        this.supervision = supervision;
        this.tickets = tickets;
        this.officers = officers;
        this.pages = new SupervisorPages(pages);
        this.clock = clock;
    }

    /** The supervisor behind the session; anyone else is refused (403) and the attempt audited. */
    private void supervisor(OfficerLogins.Session session, String path) {
        boolean allowed =
                officers.find(session.userId()).filter(Officer::supervisor).isPresent();
        if (!allowed) {
            tickets.audit(
                    Optional.empty(),
                    session.userId(),
                    "console-refused",
                    path + ": supervisors only",
                    clock.instant());
            throw new OfficerConsole.Refusal(403, "sv.only", null, Optional.empty());
        }
    }

    void page(Context ctx, OfficerLogins.Session session, String lang) {
        supervisor(session, "GET /console/supervisor");
        Optional<String> message = Optional.ofNullable(ctx.queryParam("added"))
                .map(entry -> String.format(ConsoleTexts.of(lang, "sv.added"), entry));
        show(ctx, 200, session, lang, message, false);
    }

    void addPhrasing(Context ctx, OfficerLogins.Session session, String lang) {
        supervisor(session, "POST /console/supervisor/phrasing");
        if (supervision.phrasings().isEmpty()) {
            throw new OfficerConsole.Refusal(409, "sv.bundled", null, Optional.empty());
        }
        String entry = Optional.ofNullable(ctx.formParam("entry")).orElse("").strip();
        String text = Optional.ofNullable(ctx.formParam("text")).orElse("");
        Language language = Language.fromCode(ctx.formParam("lang")).orElse(Language.VI);
        PhrasingEditor.Outcome outcome;
        try {
            outcome = supervision.phrasings().get().add(entry, language, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant now = clock.instant();
        if (outcome instanceof PhrasingEditor.Added added) {
            tickets.audit(
                    Optional.empty(),
                    session.userId(),
                    "faq-phrasing",
                    shortened("added to " + added.entryId() + " ("
                            + added.language().code() + ", " + added.file() + "): " + added.phrasing()),
                    now);
            ctx.redirect(
                    "/console/supervisor?added=" + URLEncoder.encode(added.entryId(), StandardCharsets.UTF_8),
                    HttpStatus.SEE_OTHER);
            return;
        }
        PhrasingEditor.Refused refused = (PhrasingEditor.Refused) outcome;
        tickets.audit(
                Optional.empty(),
                session.userId(),
                "faq-phrasing-refused",
                shortened(entry + ": " + refused.reason()),
                now);
        String problems =
                refused.problems().stream().limit(10).map(p -> "• " + p).collect(Collectors.joining("\n"));
        show(
                ctx,
                422,
                session,
                lang,
                Optional.of(String.format(ConsoleTexts.of(lang, "sv.refused"), refused.reason())
                        + (problems.isEmpty() ? "" : "\n" + problems)),
                true);
    }

    private void show(
            Context ctx,
            int status,
            OfficerLogins.Session session,
            String lang,
            Optional<String> message,
            boolean refused) {
        Instant now = clock.instant();
        int days = days(ctx.queryParam("days"));
        LocalDate from = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(days - 1L);
        Instant since = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Supervision.Question> questions =
                supervision.unanswered().apply(since).stream().limit(QUESTIONS).toList();
        List<MatchResult> matches =
                questions.stream().map(q -> supervision.match().apply(q.text())).toList();
        Corpus corpus = supervision.corpus().get();
        SupervisorPages.View view = new SupervisorPages.View(
                tickets.open(),
                now,
                from,
                supervision.days().apply(since),
                questions,
                corpus,
                matches.stream()
                        .map(m -> m.ranked().stream()
                                .findFirst()
                                .map(Candidate::entry)
                                .map(e -> e.id()))
                        .toList(),
                matches.stream().map(MatchResult::language).toList(),
                supervision.phrasings().isPresent());
        ctx.status(status).html(pages.page(lang, session.csrf(), session.userId(), view, message, refused));
    }

    private static int days(String raw) {
        try {
            int days = raw == null ? DAYS : Integer.parseInt(raw);
            return Math.max(1, Math.min(90, days));
        } catch (NumberFormatException e) {
            return DAYS;
        }
    }

    private static String shortened(String detail) {
        return detail.length() > 480 ? detail.substring(0, 480) + "…" : detail;
    }
}
