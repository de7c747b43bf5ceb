package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.consularbot.config.ConsoleConfig;
import org.consularbot.config.WebConfig;
import org.consularbot.faq.Language;
import org.consularbot.handoff.Ticket;
import org.consularbot.handoff.TicketStore;
import org.consularbot.store.JdbcOfficerLogins;
import org.consularbot.store.JdbcTranscripts;
import org.consularbot.web.ConsolePasswords;
import org.consularbot.web.OfficerConsole;
import org.consularbot.web.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ticket work in the web console on a real server (port 0): handing a ticket to a colleague, starting a reply from an
 * FAQ answer, the desk's refusals in the officer's language, the officers' cards and alarms beside the queue, and the
 * live feed watching a ticket by a cheap version rather than reading its whole conversation.
 */
class ConsoleTicketWorkTest extends AssembledHandoff {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    static final String RENEW = "passport.issue.renew-abroad";
    static final String CHI_PASSWORD = "chi-secret-2026";

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final AtomicInteger transcriptReads = new AtomicInteger();
    private final AtomicInteger versionReads = new AtomicInteger();
    private WebServer web;

    @BeforeEach
    void serve() {
        // As ConsoleHttpTest.serveConsole, with the transcript's reads counted; Chi, a supervisor, signs in too.
        JdbcOfficerLogins logins = new JdbcOfficerLogins(bot.database.dataSource());
        ConsolePasswords passwords = new ConsolePasswords();
        logins.setPasswordHash("7", passwords.hash(ConsoleHttpTest.LAN_PASSWORD), clock.instant());
        logins.setPasswordHash("8", passwords.hash(ConsoleHttpTest.MINH_PASSWORD), clock.instant());
        logins.setPasswordHash("9", passwords.hash(CHI_PASSWORD), clock.instant());
        JdbcTranscripts transcripts = new JdbcTranscripts(bot.database.dataSource());
        OfficerConsole console = new OfficerConsole(
                new OfficerConsole.Parts(
                        bot.desk(),
                        bot.tickets,
                        bot.officers,
                        logins,
                        conversation -> {
                            transcriptReads.incrementAndGet();
                            return transcripts.transcript(conversation);
                        },
                        conversation -> {
                            versionReads.incrementAndGet();
                            return transcripts.version(conversation);
                        },
                        bot.officerOutbox,
                        bot::serving,
                        bot.config.handoff().urgentLimit(),
                        bot.config.handoff().normalLimit()),
                ConsoleConfig.DEFAULT,
                passwords,
                clock,
                Duration.ofMillis(100),
                Optional.empty());
        WebServer.Status up = new WebServer.Status(true, "ok");
        web = WebServer.start(
                new WebConfig("127.0.0.1", 0), List.of(), () -> "", () -> up, () -> up, Optional.of(console));
    }

    @AfterEach
    void stopServer() {
        web.close();
    }

    /** One officer's browser: its cookies and the last page it read. */
    private final class Officer {
        final Map<String, String> cookies = new HashMap<>();
        String page = "";
        /** The CSRF token of the last page that had one (a refusal's page has none). */
        String csrf = "";

        Officer(String id, String password, String lang) throws Exception {
            get("/console/login");
            assertThat(post("/console/login", Map.of("lang", lang, "id", id, "password", password))
                            .statusCode())
                    .isEqualTo(303);
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        /** A form POST carrying the CSRF token of the page last read. */
        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            Map<String, String> fields = new HashMap<>(form);
            fields.putIfAbsent("csrf", csrf);
            String body = fields.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        String cookieHeader() {
            return cookies.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookieHeader());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("set-cookie")) {
                String pair = set.split(";", 2)[0];
                cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            page = response.body();
            Matcher m = CSRF.matcher(page);
            if (m.find()) {
                csrf = m.group(1);
            }
            return response;
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + web.port() + path);
    }

    private long urgentTakenByLan(Officer lan) throws Exception {
        citizen("100", "toi bi canh sat bat");
        long id = bot.tickets.open().get(0).id();
        lan.get("/console/tickets/" + id);
        assertThat(lan.post("/console/tickets/" + id + "/take", Map.of()).statusCode())
                .isEqualTo(303);
        lan.get("/console/tickets/" + id + "?done=take");
        return id;
    }

    @Test
    void aTicketIsHandedToAListedColleagueFromItsPageAndAnUnknownOneIsRefused() throws Exception {
        Officer lan = new Officer("7", ConsoleHttpTest.LAN_PASSWORD, "en");
        long id = urgentTakenByLan(lan);
        assertThat(lan.page)
                .contains("<select name=\"to\" id=\"reassign-to\" required><option value=\"9\">Chi (supervisor)")
                .contains("<option value=\"8\">Minh</option>")
                .as("not to the holder")
                .doesNotContain("<option value=\"7\">");

        HttpResponse<String> unknown = lan.post("/console/tickets/" + id + "/reassign", Map.of("to", "99"));
        assertThat(unknown.statusCode()).isEqualTo(409);
        assertThat(unknown.body()).contains("&quot;99&quot; is not a listed officer; nothing was done.");
        assertThat(bot.tickets.find(id).orElseThrow().officerId()).contains("7");

        HttpResponse<String> forged =
                lan.post("/console/tickets/" + id + "/reassign", Map.of("to", "8", "csrf", "forged"));
        assertThat(forged.statusCode()).isEqualTo(403);

        HttpResponse<String> handed = lan.post("/console/tickets/" + id + "/reassign", Map.of("to", "8"));
        assertThat(handed.statusCode()).isEqualTo(303);
        assertThat(handed.headers().firstValue("location"))
                .as("no longer Lan's to read: back to the queue")
                .contains("/console?done=reassign");
        lan.get("/console?done=reassign");
        assertThat(lan.page).contains("<p class=\"message\" id=\"message\">Handed to another officer.</p>");
        assertThat(bot.tickets.find(id).orElseThrow().officerId()).contains("8");
        assertThat(lastToCitizen()).contains("Một cán bộ khác đã tiếp nhận", "Minh");
        lan.get("/console/tickets/" + id);
        assertThat(lan.page).as("Lan no longer holds it: not hers to read").contains("is with Minh");
        assertThat(bot.tickets.events(id))
                .extracting(TicketStore.Event::actor, TicketStore.Event::action)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("7", "refused"),
                        org.assertj.core.groups.Tuple.tuple("7", "reassigned"));

        Officer minh = new Officer("8", ConsoleHttpTest.MINH_PASSWORD, "en");
        minh.get("/console/alerts");
        assertThat(minh.page)
                .as("the new holder is told, marked for them")
                .contains("class=\"alert notice mine\"", "for you", "#" + id + " ↪ handed to Minh by Lan");
        minh.get("/console/tickets/" + id);
        assertThat(minh.page).contains("toi bi canh sat bat");
    }

    @Test
    void theDesksRefusalsAreInTheOfficersLanguage() throws Exception {
        Officer lan = new Officer("7", ConsoleHttpTest.LAN_PASSWORD, "en");
        long id = urgentTakenByLan(lan);
        Officer minh = new Officer("8", ConsoleHttpTest.MINH_PASSWORD, "vi");
        minh.get("/console");

        HttpResponse<String> take = minh.post("/console/tickets/" + id + "/take", Map.of());
        assertThat(take.statusCode()).isEqualTo(409);
        assertThat(take.body()).contains("Yêu cầu #" + id + " đã do Lan nhận.").doesNotContain("already with");
        HttpResponse<String> read = minh.get("/console/tickets/" + id);
        assertThat(read.statusCode()).isEqualTo(403);
        assertThat(read.body())
                .contains("Yêu cầu #" + id + " đang do Lan xử lý; chỉ người đó và giám sát được xem.")
                .doesNotContain("only they");
        minh.get("/console");
        assertThat(minh.post("/console/tickets/" + id + "/reassign", Map.of("to", "8"))
                        .body())
                .contains("Yêu cầu #" + id + " đang do Lan xử lý.");
        assertThat(minh.post("/console/tickets/424242/close", Map.of()).body()).contains("Không có yêu cầu #424242.");

        HttpResponse<String> english = lan.post("/console/tickets/" + id + "/reply", Map.of("text", "  "));
        assertThat(english.body()).contains("Nothing to send.");
    }

    @Test
    void anFaqAnswerInTheTicketsLanguageStartsTheReplyForTheOfficerToEdit() throws Exception {
        Officer lan = new Officer("7", ConsoleHttpTest.LAN_PASSWORD, "en");
        long id = urgentTakenByLan(lan);
        var corpus = bot.serving();
        var entry = corpus.entry(RENEW).orElseThrow();
        String vietnamese = corpus.answer(entry, Language.VI);
        assertThat(lan.page)
                .contains("<option value=\"" + RENEW + "\"", ">" + entry.title(Language.VI) + "</option>")
                .doesNotContain(">" + entry.title(Language.EN) + "</option>");

        lan.get("/console/tickets/" + id + "?faq=" + RENEW);
        assertThat(lan.page).contains(">" + escape(vietnamese) + "</textarea>");
        HttpResponse<String> plain = lan.get("/console/tickets/" + id + "/faq/" + RENEW);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.body()).isEqualTo(vietnamese).doesNotContain("{{");
        assertThat(lan.get("/console/tickets/" + id + "/faq/no.such.entry").statusCode())
                .isEqualTo(404);

        citizen("200", "hello");
        long conversation = bot.store
                .find(new org.consularbot.conversation.ConversationKey("telegram", "200"))
                .orElseThrow()
                .id();
        Ticket english = bot.tickets
                .openOrRaise(
                        conversation, Ticket.Priority.NORMAL, Language.EN, Optional.empty(), "asked", clock.instant())
                .ticket();
        assertThat(lan.get("/console/tickets/" + english.id() + "/faq/" + RENEW).body())
                .isEqualTo(corpus.answer(entry, Language.EN));
    }

    @Test
    void aSilentHoldersAlarmShowsBesideTheQueue() throws Exception {
        Officer lan = new Officer("7", ConsoleHttpTest.LAN_PASSWORD, "en");
        long id = urgentTakenByLan(lan);
        clock.advance(Duration.ofMinutes(11));

        bot.slaWatch().check();

        Officer chi = new Officer("9", CHI_PASSWORD, "en");
        HttpResponse<String> queue = chi.get("/console");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body())
                .contains("<section id=\"alerts\"", "class=\"alert alarm urgent mine\"")
                .contains("⏰ URGENT #" + id + ": Lan has not answered for 11 min; back in the queue");
    }

    @Test
    void anOpenTicketPageIsWatchedByItsVersionAndReadOnlyWhenThePageAsks() throws Exception {
        Officer lan = new Officer("7", ConsoleHttpTest.LAN_PASSWORD, "en");
        long id = urgentTakenByLan(lan);
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(uri("/console/events?ticket=" + id))
                .header("Cookie", lan.cookieHeader())
                .header("Accept", "text/event-stream")
                .build();
        var stream = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body()
                        .filter(line -> line.startsWith("event:"))
                        .forEach(events::add));
        try {
            assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("event: hello");
            assertThat(nextTicketEvent(events)).as("the first look").isEqualTo("event: ticket");
            int reads = transcriptReads.get();
            int versions = versionReads.get();
            Thread.sleep(1000); // ten rounds of the feed at 100 ms: what they cost is what is measured
            assertThat(versionReads.get() - versions).as("a version a round").isGreaterThanOrEqualTo(3);
            assertThat(transcriptReads.get())
                    .as("no whole transcript read by the feed")
                    .isEqualTo(reads);

            citizen("100", "em o Toronto");

            assertThat(nextTicketEvent(events))
                    .as("told the conversation changed")
                    .isEqualTo("event: ticket");
            assertThat(transcriptReads.get()).isEqualTo(reads);
        } finally {
            stream.cancel(true);
        }
    }

    /** The next event other than the queue's and the alerts' (which the feed's first round sends too). */
    private static String nextTicketEvent(BlockingQueue<String> events) throws InterruptedException {
        String next = events.poll(10, TimeUnit.SECONDS);
        while ("event: queue".equals(next) || "event: alerts".equals(next)) {
            next = events.poll(10, TimeUnit.SECONDS);
        }
        return next;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
