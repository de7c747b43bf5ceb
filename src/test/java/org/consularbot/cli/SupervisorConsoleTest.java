package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consularbot.faq.TestCorpora;
import org.consularbot.store.JdbcOfficerLogins;
import org.consularbot.store.Reports;
import org.consularbot.web.ConsolePasswords;
import org.consularbot.web.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The supervisors' page on a real server (port 0) over the real assembly serving a corpus folder (a copy of the real
 * one): refused to officers, the queue's figures and {@code report}'s per day, the unanswered questions redacted and
 * without who asked, and "add as a phrasing" written to the entry's file, audited, CSRF-protected, then answered by
 * the bot once the watcher reloads.
 */
class SupervisorConsoleTest extends AssembledHandoff {

    static final String CHI_PASSWORD = "chi-secret-2026";
    /** Words no entry, bulletin or decline covers: the bot falls back. */
    static final String UNKNOWN = "xqzv blorf wurzle plimb?";

    static final String ENTRY = "civil.birth.eligibility";

    private Path faq;
    private WebServer web;

    @BeforeEach
    @Override
    void start() throws Exception {
        faq = TestCorpora.copyOfReal(tmp.resolve("faq"));
        open(Map.of("FAQ_DIR", faq.toString()));
        web = serveWithSupervisor(bot);
    }

    /** The console as {@link ConsoleHttpTest#serveConsole} serves it, and Chi (9), a supervisor, with a password. */
    static WebServer serveWithSupervisor(BotAssembly bot) {
        WebServer web = ConsoleHttpTest.serveConsole(bot);
        new JdbcOfficerLogins(bot.database.dataSource())
                .setPasswordHash(
                        "9",
                        new ConsolePasswords().hash(CHI_PASSWORD),
                        bot.clock().instant());
        return web;
    }

    @AfterEach
    void stopServer() {
        web.close();
    }

    private ConsoleClient signedIn(String id, String password) throws Exception {
        ConsoleClient client = new ConsoleClient(ConsoleClient.http(), "http://127.0.0.1:" + web.port());
        assertThat(client.signIn(id, password)).as(id + " signs in").isTrue();
        return client;
    }

    private List<String> audit(String action) {
        return bot.tickets.eventsWithoutTicket().stream()
                .filter(e -> e.action().equals(action))
                .map(e -> e.actor() + " " + e.detail())
                .toList();
    }

    private static int count(String page, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(page);
        assertThat(m.find()).as(id + " on the page").isTrue();
        return Integer.parseInt(m.group(1).strip());
    }

    @Test
    void anOfficerIsRefusedWith403AndAPageSayingWhyAndNoLinkLeadsThere() throws Exception {
        ConsoleClient lan = signedIn("7", ConsoleHttpTest.LAN_PASSWORD);
        assertThat(lan.get("/console").body()).doesNotContain("/console/supervisor");

        HttpResponse<String> refused = lan.get("/console/supervisor");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Only supervisors may open this page.");
        lan.get("/console");
        assertThat(lan.post("/console/supervisor/phrasing", Map.of("entry", ENTRY, "text", "abc", "lang", "vi"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(audit("console-refused"))
                .containsExactly(
                        "7 GET /console/supervisor: supervisors only",
                        "7 POST /console/supervisor/phrasing: supervisors only");
        ConsoleClient chi = signedIn("9", CHI_PASSWORD);
        assertThat(chi.get("/console").body()).contains("href=\"/console/supervisor\"");
    }

    @Test
    void theFiguresAreTheQueuesAndTheReportsPerDay() throws Exception {
        citizen("100", "toi bi canh sat bat");
        citizen("101", "/human");
        citizen("102", "ho chieu het han lam lai o dau");
        citizen("103", UNKNOWN);
        clock.advance(Duration.ofMinutes(12));
        desk.take(
                "7",
                bot.tickets.open().stream()
                        .filter(t -> t.conversation().chatId().equals("101"))
                        .findFirst()
                        .orElseThrow()
                        .id());
        ConsoleClient chi = signedIn("9", CHI_PASSWORD);

        String page = chi.get("/console/supervisor").body();

        assertThat(count(page, "open-count")).isEqualTo(2);
        assertThat(count(page, "waiting-count")).isEqualTo(1);
        assertThat(count(page, "urgent-waiting")).isEqualTo(1);
        assertThat(page).contains("id=\"oldest-wait\">12 min<");
        assertThat(page).contains("<svg id=\"outcomes-chart\"").doesNotContain("<script>");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Instant since = today.minusDays(13).atStartOfDay(ZoneOffset.UTC).toInstant(); // the page's 14 days
        Reports.Day report = new Reports(bot.database.dataSource())
                .days(since).stream()
                        .filter(d -> d.day().equals(today))
                        .findFirst()
                        .orElseThrow();
        assertThat(report.messages()).isEqualTo(4);
        assertThat(bar(page, today, "answered")).isEqualTo(report.answered()).isPositive();
        assertThat(bar(page, today, "unanswered"))
                .isEqualTo(report.unanswered())
                .isEqualTo(1);
        assertThat(bar(page, today, "emergencies"))
                .isEqualTo(report.emergencies())
                .isEqualTo(1);
        assertThat(page).contains("<tr data-day=\"" + today + "\"><td>" + today + "</td><td>4</td>");
    }

    private static long bar(String page, LocalDate day, String series) {
        Matcher m = Pattern.compile("data-day=\"" + day + "\" data-series=\"" + series + "\" data-count=\"(\\d+)\"")
                .matcher(page);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    @Test
    void unansweredQuestionsAreRedactedAndNeverSayWhoAsked() throws Exception {
        citizen("555123", UNKNOWN + " goi toi so +1 613 555 0199");
        ConsoleClient chi = signedIn("9", CHI_PASSWORD);

        String page = chi.get("/console/supervisor").body();

        assertThat(page).contains("xqzv blorf wurzle plimb").doesNotContain("555 0199", "555123");
    }

    @Test
    void aPhrasingIsWrittenAuditedAndAnsweredAfterTheReloadWhileRefusalsChangeNothing() throws Exception {
        // The hot reload serve runs every 5 s, here by hand (with the tests' model cache), watching from the start.
        CorpusWatcher watcher = new CorpusWatcher(faq, TestCorpora.loader(clock), bot::reload);
        citizen("100", UNKNOWN);
        assertThat(toCitizens.get(toCitizens.size() - 1).reply().entryId()).isEmpty();
        ConsoleClient chi = signedIn("9", CHI_PASSWORD);
        assertThat(chi.get("/console/supervisor").body()).contains("xqzv blorf wurzle plimb?");
        String file = TestCorpora.entryFile(faq, ENTRY);
        String before = Files.readString(faq.resolve(file), StandardCharsets.UTF_8);

        HttpResponse<String> unknownEntry = chi.post(
                "/console/supervisor/phrasing", Map.of("entry", "no.such.entry", "text", UNKNOWN, "lang", "vi"));
        assertThat(unknownEntry.statusCode()).isEqualTo(422);
        assertThat(unknownEntry.body()).contains("Not added: no FAQ entry has the id &#39;no.such.entry&#39;");
        assertThat(chi.post(
                                "/console/supervisor/phrasing",
                                Map.of("csrf", "forged", "entry", ENTRY, "text", UNKNOWN, "lang", "vi"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(Files.readString(faq.resolve(file), StandardCharsets.UTF_8)).isEqualTo(before);

        chi.get("/console/supervisor");
        HttpResponse<String> added =
                chi.post("/console/supervisor/phrasing", Map.of("entry", ENTRY, "text", UNKNOWN, "lang", "vi"));

        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(added.headers().firstValue("location")).contains("/console/supervisor?added=" + ENTRY);
        assertThat(chi.get("/console/supervisor?added=" + ENTRY).body()).contains("Added to entry " + ENTRY);
        assertThat(Files.readString(faq.resolve(file), StandardCharsets.UTF_8)).contains("        - " + UNKNOWN);
        assertThat(Files.readAllLines(faq.resolve(file))).hasSize(before.split("\n", -1).length);
        assertThat(audit("faq-phrasing")).containsExactly("9 added to " + ENTRY + " (vi, " + file + "): " + UNKNOWN);
        assertThat(audit("faq-phrasing-refused")).singleElement().asString().contains("no.such.entry");

        assertThat(watcher.check()).isEmpty();
        citizen("101", UNKNOWN);
        assertThat(toCitizens.get(toCitizens.size() - 1).reply().entryId()).contains(ENTRY);
    }
}
