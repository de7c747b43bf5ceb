package org.consularbot.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.consularbot.config.ConsoleConfig;
import org.consularbot.conversation.StoreException;
import org.consularbot.conversation.TurnObserver;
import org.consularbot.faq.Corpus;
import org.consularbot.handoff.Officer;
import org.consularbot.handoff.OfficerDesk;
import org.consularbot.handoff.OfficerDirectory;
import org.consularbot.handoff.OfficerLogins;
import org.consularbot.handoff.OfficerOutbox;
import org.consularbot.handoff.Ticket;
import org.consularbot.handoff.TicketStore;
import org.consularbot.handoff.TranscriptLine;

/**
 * The officers' web console under {@code /console}: sign-in, the queue, a ticket's page. An adapter only: what an
 * officer does goes to the same {@link OfficerDesk} as the Telegram group and the terminal console, so the rules, the
 * audit and the durable way to the citizen (the outbox) are theirs. Refusals become HTTP answers in one place
 * ({@link #install}'s exception handlers).
 */
public final class OfficerConsole implements AutoCloseable {

    static final String SESSION_COOKIE = "console_session";
    static final String FORM_COOKIE = "console_form";
    private static final String SESSION = "console.session";

    /** What the console works with, all from the core or the store's ports. */
    public record Parts(
            OfficerDesk desk,
            TicketStore tickets,
            OfficerDirectory officers,
            OfficerLogins logins,
            LongFunction<List<TranscriptLine>> transcripts,
            LongFunction<String> transcriptVersions,
            OfficerOutbox officerOutbox,
            Supplier<Corpus> corpus,
            Duration urgentLimit,
            Duration normalLimit) {}

    /** Why a request is answered with an error page: its HTTP status and what the officer reads. */
    static final class Refusal extends RuntimeException {
        final int status;
        final String key;
        final transient Optional<Ticket> ticket;

        Refusal(int status, String key, String message, Optional<Ticket> ticket) {
            super(message, null, false, false);
            this.status = status;
            this.key = key;
            this.ticket = ticket;
        }
    }

    private final Parts parts;
    private final ConsoleConfig config;
    private final Clock clock;
    private final ConsoleSignIn signIn;
    private final ConsolePages pages;
    private final ConsoleFeed feed;
    private final ConsoleTickets tickets;
    private final Optional<SupervisorConsole> supervisor;

    /** @param supervision what the supervisors' page ({@code /console/supervisor}) shows; none: no such page */
    public OfficerConsole(
            Parts parts,
            ConsoleConfig config,
            ConsolePasswords passwords,
            Clock clock,
            Duration every,
            Optional<Supervision> supervision) {
        this.parts = parts;
        this.config = config;
        this.clock = clock;
        this.signIn = new ConsoleSignIn(
                parts.logins(), parts.officers(), parts.tickets(), passwords, config.idleTimeout(), clock);
        this.pages = new ConsolePages(
                new ConsolePages.Limits(parts.urgentLimit(), parts.normalLimit()),
                id -> parts.officers().find(id).map(Officer::name).orElse(id),
                id -> supervision.isPresent()
                        && parts.officers().find(id).filter(Officer::supervisor).isPresent());
        this.supervisor =
                supervision.map(s -> new SupervisorConsole(s, parts.tickets(), parts.officers(), pages, clock));
        this.feed = new ConsoleFeed(
                this::queueState,
                parts.transcriptVersions(),
                () -> parts.officerOutbox().latestNotRelayedId(),
                signIn::alive,
                every);
        this.tickets = new ConsoleTickets(parts, pages, clock);
    }

    private String queueState() {
        return parts.tickets().open().stream()
                .map(t -> t.id() + ":" + t.status().code() + ":" + t.priority().code() + ":"
                        + t.officerId().orElse("") + ":" + t.slaLevel() + ":"
                        + t.firstReplyAt().isPresent())
                .collect(Collectors.joining(","));
    }

    /** Adds the console's routes to the site. */
    void install(JavalinConfig javalin) {
        var routes = javalin.routes;
        routes.get("/console/console.css", ctx -> asset(ctx, "console.css", "text/css; charset=utf-8"));
        routes.get("/console/console.js", ctx -> asset(ctx, "console.js", "text/javascript; charset=utf-8"));
        routes.before("/console*", this::guard);
        routes.get("/console/login", ctx -> signInPage(ctx, 200, Optional.empty()));
        routes.post("/console/login", this::login);
        routes.get(
                "/console",
                ctx -> ctx.html(pages.queue(
                        lang(ctx),
                        session(ctx).csrf(),
                        session(ctx).userId(),
                        parts.tickets().open(),
                        alerts(),
                        clock.instant(),
                        Optional.ofNullable(ctx.queryParam("done"))
                                .map(done -> ConsoleTexts.of(lang(ctx), "done." + ConsoleTickets.action(done))))));
        routes.get(
                "/console/alerts",
                ctx -> ctx.html(pages.alerts(lang(ctx), session(ctx).userId(), alerts())));
        routes.get(
                "/console/queue/list",
                ctx -> ctx.html(pages.queueLists(lang(ctx), parts.tickets().open(), clock.instant())));
        routes.get("/console/tickets/{id}", tickets::page);
        routes.get(
                "/console/tickets/{id}/head",
                ctx -> ctx.html(pages.ticketHead(lang(ctx), tickets.readable(ctx), clock.instant())));
        routes.get(
                "/console/tickets/{id}/transcript",
                ctx -> ctx.html(pages.transcript(
                        lang(ctx),
                        parts.transcripts().apply(tickets.readable(ctx).conversationId()))));
        routes.get(
                "/console/tickets/{id}/faq/{entry}",
                ctx -> ctx.contentType("text/plain; charset=utf-8")
                        .result(tickets.answer(tickets.readable(ctx), ctx.pathParam("entry"))));
        for (String action : ConsoleTickets.ACTIONS) {
            routes.post("/console/tickets/{id}/" + action, ctx -> tickets.act(ctx, action));
        }
        routes.get("/console/supervisor", ctx -> supervisor(ctx).page(ctx, session(ctx), lang(ctx)));
        routes.post("/console/supervisor/phrasing", ctx -> supervisor(ctx).addPhrasing(ctx, session(ctx), lang(ctx)));
        routes.post("/console/language", ctx -> {
            signIn.setLanguage(session(ctx), ConsoleTexts.language(ctx.formParam("lang")));
            ctx.redirect("/console", io.javalin.http.HttpStatus.SEE_OTHER);
        });
        routes.post("/console/sign-out", ctx -> {
            signIn.signOut(session(ctx));
            ctx.res().addHeader("Set-Cookie", cookie(ctx, SESSION_COOKIE, "", 0));
            ctx.redirect("/console/login?lang=" + lang(ctx), io.javalin.http.HttpStatus.SEE_OTHER);
        });
        routes.sse("/console/events", client -> {
            Context ctx = client.ctx();
            Optional<OfficerLogins.Session> session = signIn.session(ctx.cookie(SESSION_COOKIE), false);
            if (session.isEmpty()) {
                client.sendEvent("signed-out", "signed-out");
                client.close();
                return;
            }
            long ticket = ConsoleTickets.parseId(
                    Optional.ofNullable(ctx.queryParam("ticket")).orElse("0"));
            long conversation = ticket == 0
                    ? 0
                    : parts.tickets().find(ticket).map(Ticket::conversationId).orElse(0L);
            feed.watch(client, session.get().tokenHash(), conversation);
        });
        routes.exception(Refusal.class, (refusal, ctx) -> {
            ctx.status(refusal.status);
            String lang = langOrDefault(ctx);
            String message = refusal.getMessage() != null ? refusal.getMessage() : ConsoleTexts.of(lang, refusal.key);
            // The ticket's page again, with the desk's words, only for an officer who may read it (Minh refused a Take
            // of Lan's ticket must not see its conversation).
            if (refusal.ticket.isPresent()
                    && ctx.attribute(SESSION) != null
                    && parts.desk()
                            .mayRead(session(ctx).userId(), refusal.ticket.get().id())) {
                tickets.page(ctx, refusal.status, Optional.of(message), true, refusal.ticket.get(), "");
            } else {
                ctx.html(pages.problem(lang, message));
            }
        });
        routes.exception(StoreException.class, (e, ctx) -> {
            ctx.status(503).header("Retry-After", "5");
            ctx.html(pages.problem(langOrDefault(ctx), ConsoleTexts.of(langOrDefault(ctx), "unavailable")));
        });
    }

    /**
     * Before every console route: security headers; the session for all but sign-in and assets (pages redirect to
     * sign-in, fragments and actions answer 401); the CSRF token on every POST (403 otherwise).
     */
    private void guard(Context ctx) {
        ctx.header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
        String path = ctx.path();
        boolean post = "POST".equals(ctx.method().name());
        if (path.equals("/console/login")
                || path.equals("/console/console.css")
                || path.equals("/console/console.js")) {
            if (post && !ConsoleSignIn.same(ctx.formParam("csrf"), ctx.cookie(FORM_COOKIE))) {
                parts.tickets()
                        .audit(
                                Optional.empty(),
                                "anonymous",
                                "console-refused",
                                "sign-in without its CSRF token",
                                clock.instant());
                throw new Refusal(403, "forbidden", null, Optional.empty());
            }
            return;
        }
        if (path.equals("/console/events")) {
            return; // checks its session itself, without counting as activity
        }
        boolean background = path.endsWith("/list")
                || path.endsWith("/head")
                || path.endsWith("/transcript")
                || path.equals("/console/alerts");
        String token = ctx.cookie(SESSION_COOKIE);
        Optional<OfficerLogins.Session> session = signIn.session(token, !background);
        if (session.isEmpty()) {
            if (!post && !background) {
                ctx.redirect("/console/login" + (token != null ? "?idle=1" : ""), io.javalin.http.HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
                return;
            }
            throw new Refusal(401, "idle", null, Optional.empty());
        }
        ctx.attribute(SESSION, session.get());
        if (post && !ConsoleSignIn.same(ctx.formParam("csrf"), session.get().csrf())) {
            parts.tickets()
                    .audit(
                            Optional.empty(),
                            session.get().userId(),
                            "console-refused",
                            "POST " + path + " without its CSRF token",
                            clock.instant());
            throw new Refusal(403, "forbidden", null, Optional.empty());
        }
    }

    private void signInPage(Context ctx, int status, Optional<String> message) {
        String lang =
                ConsoleTexts.language(ctx.queryParam("lang") != null ? ctx.queryParam("lang") : ctx.formParam("lang"));
        String formToken = signIn.token();
        ctx.res().addHeader("Set-Cookie", cookie(ctx, FORM_COOKIE, formToken, -1));
        if (message.isEmpty() && ctx.queryParam("idle") != null) {
            message = Optional.of(ConsoleTexts.of(lang, "idle"));
        }
        ctx.status(status).html(pages.signIn(lang, formToken, message));
    }

    private void login(Context ctx) {
        String lang = ConsoleTexts.language(ctx.formParam("lang"));
        ConsoleSignIn.Outcome outcome = signIn.signIn(
                Optional.ofNullable(ctx.formParam("id")).orElse(""),
                Optional.ofNullable(ctx.formParam("password")).orElse(""),
                lang);
        if (outcome instanceof ConsoleSignIn.SignedIn signedIn) {
            ctx.res().addHeader("Set-Cookie", cookie(ctx, SESSION_COOKIE, signedIn.token(), -1));
            ctx.redirect("/console", io.javalin.http.HttpStatus.SEE_OTHER);
        } else if (outcome instanceof ConsoleSignIn.Locked locked) {
            signInPage(
                    ctx,
                    429,
                    Optional.of(
                            String.format(ConsoleTexts.of(lang, "locked"), ConsolePages.TIME.format(locked.until()))));
        } else {
            signInPage(ctx, 401, Optional.of(ConsoleTexts.of(lang, "refused")));
        }
    }

    /**
     * The cookie as a header: HttpOnly and SameSite=Strict always, Secure over HTTPS (or when the setting says so),
     * scoped to the console's path; {@code maxAge} -1 for a browser session, 0 to delete.
     */
    private String cookie(Context ctx, String name, String value, int maxAge) {
        boolean https = "https".equalsIgnoreCase(ctx.scheme())
                || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"))
                || config.secureCookie();
        return name + "=" + value + "; Path=/console; HttpOnly; SameSite=Strict" + (https ? "; Secure" : "")
                + (maxAge >= 0 ? "; Max-Age=" + maxAge : "");
    }

    private SupervisorConsole supervisor(Context ctx) {
        return supervisor.orElseThrow(() -> new Refusal(404, "notFound", null, Optional.empty()));
    }

    static OfficerLogins.Session session(Context ctx) {
        OfficerLogins.Session session = ctx.attribute(SESSION);
        if (session == null) {
            throw new Refusal(401, "idle", null, Optional.empty());
        }
        return session;
    }

    static String lang(Context ctx) {
        return ConsoleTexts.language(session(ctx).language());
    }

    private static String langOrDefault(Context ctx) {
        OfficerLogins.Session session = ctx.attribute(SESSION);
        return ConsoleTexts.language(session != null ? session.language() : ctx.queryParam("lang"));
    }

    private static void asset(Context ctx, String name, String type) {
        try (InputStream in = OfficerConsole.class.getResourceAsStream("/console/" + name)) {
            if (in == null) {
                throw new Refusal(404, "notFound", null, Optional.empty());
            }
            ctx.contentType(type).header("Cache-Control", "no-cache").result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The officers' latest cards, notices and alarms: what the queue page lists beside the tickets. */
    private List<OfficerOutbox.Posted> alerts() {
        return parts.officerOutbox().latestNotRelayed(ConsolePages.ALERTS);
    }

    /**
     * What the citizens' turns tell the console: after each turn of this process the open pages are looked at at once
     * (a new ticket or message shows in officers' browsers without waiting for the next look); changes made by other
     * instances still show at the next look.
     */
    public TurnObserver changes() {
        return TurnObserver.afterEachTurn(feed::nudge);
    }

    /** Open pages receiving live updates (for tests and metrics). */
    public int livePages() {
        return feed.watching();
    }

    @Override
    public void close() {
        feed.close();
    }
}
