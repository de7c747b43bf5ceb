package org.consularbot.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.consularbot.ManualClock;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.InboundMessage;
import org.consularbot.faq.Language;
import org.consularbot.handoff.OfficerMessage;
import org.consularbot.handoff.Ticket;
import org.consularbot.store.Database;
import org.consularbot.store.JdbcConversationStore;
import org.consularbot.store.JdbcOfficerDirectory;
import org.consularbot.store.JdbcOfficerOutbox;
import org.consularbot.store.JdbcTicketStore;
import org.consularbot.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * The officers' group under Telegram's limit of 20 messages a minute, enforced by a real HTTP stub on the test's
 * clock: one citizen's flood of 60 lines, or a queue of ordinary cards, must not hold up another citizen's URGENT card
 * (issue 18: it came 184 s late), and Telegram's {@code retry_after} is honoured. The relay runs every second, as in
 * the service; the clock moves a quarter second a step, so no test waits for real time.
 */
class OfficerGroupPacingTest {

    private static final long GROUP = -1001234567890L;
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private final ManualClock clock = new ManualClock(T0);
    private final Database db = TestDatabases.h2();
    private final JdbcOfficerOutbox outbox = new JdbcOfficerOutbox(db.dataSource());
    private final JdbcTicketStore tickets = new JdbcTicketStore(db.dataSource());
    private final JdbcConversationStore conversations =
            new JdbcConversationStore(db.dataSource(), Clock.fixed(T0, ZoneOffset.UTC));
    private final GroupRateLimitStub telegram = new GroupRateLimitStub(clock, 20);
    private final GroupPacing pacing = new GroupPacing(20, Duration.ofSeconds(6), clock);
    private final OfficerGroup group = new OfficerGroup(
            new OkHttpTelegramClient(
                    "123:" + "A".repeat(30), new TelegramUrl("http", "127.0.0.1", telegram.port(), false)),
            GROUP,
            null, // the desk acts on officers' actions; draining the outbox does not use it
            outbox,
            new JdbcOfficerDirectory(db.dataSource()),
            pacing,
            clock);

    @AfterEach
    void close() {
        telegram.close();
        db.close();
    }

    @Test
    void anUrgentCardGoesWithinFiveSecondsDuringAFloodOfSixtyRelaysFromOneCitizen() {
        Ticket flooding = ticket("flood", Ticket.Priority.NORMAL);
        Instant urgentAt = T0.plusSeconds(5);
        int lines = 0;
        boolean urgentQueued = false;
        for (int step = 0; step < 4 * 120; step++) {
            if (lines < 60 && step % 2 == 0) { // two lines a second, as fast as one types
                relay(flooding, "dòng " + (++lines));
            }
            if (!urgentQueued && !clock.instant().isBefore(urgentAt)) {
                card(ticket("victim", Ticket.Priority.URGENT), "🆘 URGENT anh ấy đang đập cửa");
                urgentQueued = true;
            }
            tick(step);
        }

        Duration delay = Duration.between(urgentAt, arrivalOf("🆘 URGENT"));
        System.out.println("urgent card delay under a 60-line flood: " + delay.toMillis() + " ms (limit 20/min)");
        assertThat(delay).isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(telegram.refused()).as("calls Telegram refused (429)").isZero();
        List<String> relayed = telegram.posted().stream()
                .filter(p -> !p.text().startsWith("🆘"))
                .flatMap(p -> p.text().lines())
                .map(line -> line.replaceFirst("^#\\d+ 💬 ", ""))
                .toList();
        assertThat(relayed)
                .as("every line, once, in order")
                .isEqualTo(
                        IntStream.rangeClosed(1, 60).mapToObj(i -> "dòng " + i).toList());
        assertThat(outbox.unsent(100)).isEmpty();
        assertThat(telegram.posted())
                .as("the 60 lines went gathered, not one message a line")
                .hasSizeLessThan(15);
    }

    @Test
    void anUrgentCardGoesWithinFiveSecondsWhenOrdinaryMessagesHaveUsedTheirShareOfTheMinute() {
        for (int i = 0; i < 40; i++) {
            card(ticket("asks" + i, Ticket.Priority.NORMAL), "🔔 a question " + i);
        }
        Instant urgentAt = T0.plusSeconds(30);
        boolean urgentQueued = false;
        for (int step = 0; step < 4 * 200; step++) {
            if (!urgentQueued && !clock.instant().isBefore(urgentAt)) {
                assertThat(!pacing.mayPost(false))
                        .as("ordinary share used up when the emergency comes")
                        .isTrue();
                card(ticket("victim", Ticket.Priority.URGENT), "🆘 URGENT bị bắt");
                urgentQueued = true;
            }
            tick(step);
        }

        Duration delay = Duration.between(urgentAt, arrivalOf("🆘 URGENT"));
        System.out.println("urgent card delay behind 40 ordinary cards: " + delay.toMillis() + " ms (limit 20/min)");
        assertThat(delay).isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(telegram.refused()).isZero();
        assertThat(telegram.posted()).hasSize(41); // every ordinary card went too, within the limit
    }

    @Test
    void nothingGoesBeforeTelegramsRetryAfterHasPassed() {
        Ticket ticket = ticket("c", Ticket.Priority.NORMAL);
        card(ticket, "🔔 first");
        telegram.refuseNext(7);
        group.drain();
        assertThat(telegram.calls()).isEqualTo(1);
        for (int second = 1; second < 7; second++) {
            clock.advance(Duration.ofSeconds(1));
            group.drain();
        }
        assertThat(telegram.calls()).as("no call while Telegram said to wait").isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        group.drain();
        assertThat(telegram.posted())
                .extracting(GroupRateLimitStub.Posted::text)
                .containsExactly("🔔 first");
    }

    @Test
    void aReplyToAGatheredRelayReachesItsTicket() {
        Ticket ticket = ticket("c", Ticket.Priority.NORMAL);
        relay(ticket, "một");
        group.drain();
        relay(ticket, "hai");
        relay(ticket, "ba");
        group.drain(); // within the gathering time: they wait
        assertThat(telegram.posted()).hasSize(1);
        clock.advance(Duration.ofSeconds(6));
        group.drain();

        assertThat(telegram.posted()).hasSize(2);
        assertThat(telegram.posted().get(1).text()).contains("hai").contains("ba");
        assertThat(outbox.ticketOfChannelMessage("2")).contains(ticket.id());
    }

    /** Regression (issue 18): a button's ticket number too large for a long threw before the action was stored. */
    @Test
    void aButtonWithATicketNumberBeyondAnyTicketIsAnsweredNotThrown() {
        Incoming.OfficerAction forged = new Incoming.OfficerAction(
                "42", "tk:take:99999999999999999999", Optional.empty(), Optional.of("cb1"), Optional.empty());

        assertThat(group.ticketOf(forged)).isEmpty();
        group.handle(forged); // answered "?", nothing done
        assertThat(telegram.calls()).isEqualTo(1);
    }

    /** One quarter second; the relay runs every second, as in the service. */
    private void tick(int step) {
        if (step % 4 == 0) {
            group.drain();
        }
        clock.advance(Duration.ofMillis(250));
    }

    private Instant arrivalOf(String prefix) {
        return telegram.posted().stream()
                .filter(p -> p.text().startsWith(prefix))
                .map(GroupRateLimitStub.Posted::at)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " card reached the group"));
    }

    private Ticket ticket(String chat, Ticket.Priority priority) {
        long conversation = conversations
                .recordInbound(InboundMessage.text(new ConversationKey("telegram", chat), chat, "m1", "help", T0))
                .conversation()
                .id();
        return tickets.openOrRaise(conversation, priority, Language.VI, Optional.empty(), "asked", clock.instant())
                .ticket();
    }

    private void card(Ticket ticket, String text) {
        outbox.enqueue(Optional.of(ticket.id()), OfficerMessage.Kind.CARD, text, List.of(), clock.instant());
    }

    private void relay(Ticket ticket, String text) {
        outbox.enqueue(
                Optional.of(ticket.id()),
                OfficerMessage.Kind.RELAY,
                "#" + ticket.id() + " 💬 " + text,
                List.of(),
                clock.instant());
    }
}
