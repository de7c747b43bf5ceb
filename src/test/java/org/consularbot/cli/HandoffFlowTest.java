package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.consularbot.ManualClock;
import org.consularbot.channel.OfficerCommandLine;
import org.consularbot.config.BotConfig;
import org.consularbot.config.Settings;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.ConversationState;
import org.consularbot.conversation.InboundMessage;
import org.consularbot.conversation.OfficerTurns;
import org.consularbot.conversation.OutboxEntry;
import org.consularbot.conversation.Trigger;
import org.consularbot.conversation.TurnProcessor;
import org.consularbot.faq.TestCorpora;
import org.consularbot.handoff.Officer;
import org.consularbot.handoff.OfficerDesk;
import org.consularbot.handoff.OfficerMessage;
import org.consularbot.handoff.Ticket;
import org.consularbot.handoff.TicketStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The handoff as citizens and officers live it, through the real assembly (H2): an emergency raises an urgent
 * card, an officer takes it, messages flow both ways, close gives the conversation back to the bot; refusals are
 * audited; SLA alarms and duty hours follow an injected clock.
 */
class HandoffFlowTest {

    static final Instant SATURDAY_NOON_TORONTO = Instant.parse("2026-11-28T17:00:00Z");
    static final Instant MONDAY_10_TORONTO = Instant.parse("2026-11-30T15:00:00Z");

    @TempDir
    Path tmp;

    private final ManualClock clock = new ManualClock(MONDAY_10_TORONTO);
    private final List<OutboxEntry> toCitizens = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private BotAssembly bot;
    private TurnProcessor processor;
    private OfficerTurns officerTurns;
    private OfficerDesk desk;

    @BeforeEach
    void start() throws Exception {
        open(Map.of());
    }

    private void open(Map<String, String> extra) throws Exception {
        HashMap<String, String> env = new HashMap<>(Map.of(
                "DB_URL",
                "jdbc:h2:mem:handoff" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                "RATE_LIMIT_PER_MINUTE",
                "0"));
        env.putAll(extra);
        bot = BotAssembly.open(BotConfig.from(Settings.load(env, tmp.resolve("none.env"))), TestCorpora.real(), clock);
        BotAssembly.Turns turns = bot.turns(Map.of("telegram", entry -> toCitizens.add(entry)));
        processor = turns.citizens();
        officerTurns = turns.officers();
        desk = bot.desk();
        bot.officers.add(new Officer("7", "Lan", Officer.Role.OFFICER), clock.instant());
        bot.officers.add(new Officer("8", "Minh", Officer.Role.OFFICER), clock.instant());
        bot.officers.add(new Officer("9", "Chi", Officer.Role.SUPERVISOR), clock.instant());
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private void citizen(String chat, String text) {
        processor.handle(InboundMessage.text(
                new ConversationKey("telegram", chat), chat, "m" + ids.incrementAndGet(), text, clock.instant()));
    }

    private String lastToCitizen() {
        return toCitizens.get(toCitizens.size() - 1).reply().text();
    }

    private ConversationState state(String chat) {
        return bot.store
                .find(new ConversationKey("telegram", chat))
                .orElseThrow()
                .state();
    }

    private List<OfficerMessage> forOfficers() {
        List<OfficerMessage> messages = bot.officerOutbox.unsent(100);
        messages.forEach(m -> bot.officerOutbox.markSent(m.id(), "c" + m.id(), clock.instant()));
        return messages;
    }

    @Test
    void anEmergencyRaisesAnUrgentCardAndAnOfficerTakesAnswersAndClosesIt() {
        citizen("100", "toi bi canh sat bat");

        assertThat(toCitizens.get(0).reply().text()).startsWith("🆘").contains(TestCorpora.HOTLINE);
        assertThat(state("100")).isEqualTo(ConversationState.WAITING_FOR_OFFICER);
        Ticket ticket = bot.tickets.open().get(0);
        assertThat(ticket.priority()).isEqualTo(Ticket.Priority.URGENT);
        assertThat(forOfficers()).singleElement().satisfies(card -> {
            assertThat(card.kind()).isEqualTo(OfficerMessage.Kind.CARD);
            assertThat(card.text())
                    .contains("🆘 URGENT #" + ticket.id(), "toi bi canh sat bat", "/take " + ticket.id());
            assertThat(card.mention()).containsExactlyInAnyOrder("7", "8", "9");
        });

        assertThat(desk.take("7", ticket.id()).ok()).isTrue();
        assertThat(lastToCitizen()).contains("Lan", "đã nhận");
        assertThat(state("100")).isEqualTo(ConversationState.WITH_OFFICER);
        assertThat(desk.take("8", ticket.id()).message()).isEqualTo("#" + ticket.id() + " is already with Lan.");

        int before = toCitizens.size();
        citizen("100", "em o Toronto, em cho chi a");
        assertThat(toCitizens)
                .as("the bot stays quiet while an officer is in charge")
                .hasSize(before);
        assertThat(forOfficers())
                .anySatisfy(m -> assertThat(m.text()).isEqualTo("#" + ticket.id() + " 💬 em o Toronto, em cho chi a"));

        assertThat(desk.reply("7", ticket.id(), "Chị đang gọi cho đồn cảnh sát, em giữ máy nhé.")
                        .ok())
                .isTrue();
        assertThat(lastToCitizen()).isEqualTo("👤 Lan: Chị đang gọi cho đồn cảnh sát, em giữ máy nhé.");
        assertThat(bot.tickets.find(ticket.id()).orElseThrow().firstReplyAt()).contains(clock.instant());

        assertThat(desk.close("7", ticket.id()).ok()).isTrue();
        assertThat(lastToCitizen()).contains("kết thúc");
        assertThat(state("100")).isEqualTo(ConversationState.BOT_ANSWERING);
        citizen("100", "ho chieu het han lam lai o dau");
        assertThat(toCitizens.get(toCitizens.size() - 1).reply().entryId()).contains("passport.issue.renew-abroad");
    }

    @Test
    void onlyTheHolderOrASupervisorMayReplyAndNobodyAfterClose() {
        citizen("101", "/human");
        long id = bot.tickets.open().get(0).id();
        assertThat(desk.reply("7", id, "hello").message()).contains("Take #" + id + " first");
        desk.take("7", id);

        assertThat(desk.reply("8", id, "hi").message()).contains("is with Lan; nothing was sent");
        assertThat(desk.reply("9", id, "Chi here, supervisor").ok()).isTrue();
        desk.close("7", id);
        int before = toCitizens.size();

        assertThat(desk.reply("7", id, "one more thing").message())
                .isEqualTo("#" + id + " is closed; nothing was sent.");
        assertThat(toCitizens).hasSize(before);
    }

    @Test
    // Regression (issue 17): a refused take was not audited, and any officer could read any transcript.
    void aColleaguesTicketCannotBeTakenOrReadAndTheAttemptsAreAudited() {
        citizen("112", "/human");
        long id = bot.tickets.open().get(0).id();
        assertThat(desk.transcript("8", id).ok())
                .as("waiting: any officer may read before taking")
                .isTrue();
        desk.take("7", id);

        assertThat(desk.take("8", id).message()).isEqualTo("#" + id + " is already with Lan.");
        assertThat(desk.transcript("8", id).ok()).isFalse();
        assertThat(desk.transcript("8", id).message()).contains("is with Lan");
        assertThat(desk.transcript("7", id).ok()).as("the holder").isTrue();
        assertThat(desk.transcript("9", id).ok()).as("a supervisor").isTrue();

        assertThat(bot.tickets.events(id))
                .filteredOn(e -> e.actor().equals("8") && e.action().equals("refused"))
                .extracting(e -> e.detail())
                .contains("take of a ticket held by Lan", "transcript of another officer's ticket");
        desk.close("7", id);
        assertThat(desk.take("8", id).ok()).isFalse();
        assertThat(bot.tickets.events(id))
                .anySatisfy(e -> assertThat(e.detail()).isEqualTo("take of a closed ticket"));
    }

    @Test
    void someoneWhoIsNotAnOfficerIsRefusedAndTheAttemptAudited() {
        citizen("102", "/human");
        long id = bot.tickets.open().get(0).id();

        assertThat(desk.take("666", id).ok()).isFalse();
        assertThat(desk.queue("666").message()).contains("not a listed officer");
        assertThat(desk.take("7", 9999).message()).isEqualTo("There is no ticket #9999.");

        assertThat(bot.tickets.events(id)).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("666");
            assertThat(e.action()).isEqualTo("refused");
        });
        assertThat(bot.tickets.find(id).orElseThrow().status()).isEqualTo(TicketStatus.QUEUED);
    }

    @Test
    // Regression (issue 17): a refused take of an unknown ticket was not audited (the review found it untested).
    void aTakeOfAnUnknownTicketIsRefusedAndAuditedWithWhoAndWhich() {
        assertThat(desk.take("8", 9999).ok()).isFalse();

        assertThat(bot.tickets.eventsWithoutTicket()).singleElement().satisfies(e -> {
            assertThat(e.ticketId()).isEmpty();
            assertThat(e.actor()).isEqualTo("8");
            assertThat(e.action()).isEqualTo("refused");
            assertThat(e.detail()).isEqualTo("take of ticket #9999, which does not exist");
            assertThat(e.at()).isEqualTo(clock.instant());
        });
    }

    @Test
    void releasePutsTheCitizenBackInTheQueueAndCancelClosesTheTicket() {
        citizen("103", "/human");
        long id = bot.tickets.open().get(0).id();
        desk.take("7", id);

        forOfficers();
        assertThat(desk.release("7", id).ok()).isTrue();
        assertThat(state("103")).isEqualTo(ConversationState.WAITING_FOR_OFFICER);
        assertThat(lastToCitizen()).contains("hàng chờ");
        assertThat(forOfficers())
                .as("a fresh card, so another officer can take it")
                .anySatisfy(m -> {
                    assertThat(m.kind()).isEqualTo(OfficerMessage.Kind.CARD);
                    assertThat(m.text()).contains("released by Lan");
                });

        citizen("103", "/cancel");
        assertThat(bot.tickets.find(id).orElseThrow().status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(forOfficers()).anySatisfy(m -> assertThat(m.text()).contains("withdrew"));
    }

    @Test
    void noReplyInTimeRemindsThenEscalatesAndTellsTheCitizenOnceEach() {
        citizen("104", "/human");
        long id = bot.tickets.open().get(0).id();
        forOfficers();

        clock.advance(Duration.ofMinutes(59));
        assertThat(bot.slaWatch().check()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(bot.slaWatch().check()).isEqualTo(1);
        assertThat(forOfficers()).singleElement().satisfies(alarm -> {
            assertThat(alarm.kind()).isEqualTo(OfficerMessage.Kind.ALARM);
            assertThat(alarm.text()).contains("#" + id, "60 min");
        });
        assertThat(bot.slaWatch().check()).as("no repeat").isZero();

        clock.advance(Duration.ofMinutes(60));
        int before = toCitizens.size();
        assertThat(bot.slaWatch().check()).isEqualTo(1);
        assertThat(forOfficers())
                .singleElement()
                .satisfies(alarm -> assertThat(alarm.mention()).containsExactly("9"));
        assertThat(toCitizens).hasSize(before + 1);
        assertThat(lastToCitizen()).contains("chưa quên", TestCorpora.HOTLINE);
        assertThat(bot.slaWatch().check())
                .as("a new watch (a restart) does not repeat it")
                .isZero();
    }

    @Test
    void outsideDutyHoursTheCitizenIsToldAndAnUrgentCardStillNamesTheBackup() throws Exception {
        bot.close();
        Path roster = tmp.resolve("roster.yaml");
        Files.writeString(roster, """
                time_zone: America/Toronto
                holidays: [2026-12-25]
                backup: ["9"]
                officers:
                  "7": {mon: "09:00-17:00", tue: "09:00-17:00", wed: "09:00-17:00", thu: "09:00-17:00", fri: "09:00-17:00"}
                  "8": {mon: "13:00-21:00"}
                """);
        clock.set(SATURDAY_NOON_TORONTO);
        open(Map.of("ROSTER_FILE", roster.toString()));

        citizen("105", "/human");
        assertThat(lastToCitizen()).contains("ngoài giờ trực", TestCorpora.HOTLINE);

        citizen("106", "toi bi tai nan giao thong dang o benh vien");
        assertThat(forOfficers())
                .filteredOn(m -> m.text().contains("URGENT"))
                .singleElement()
                .satisfies(card -> assertThat(card.mention()).containsExactly("9"));
    }

    @Test
    void aMessageWhileAnOfficerIsInChargeButNoTicketIsOpenOpensOneSoItIsNotLost() {
        citizen("107", "/human");
        long id = bot.tickets.open().get(0).id();
        desk.take("7", id);
        // The citizen's /cancel and another officer's close crossed: the conversation is with an officer, the ticket
        // closed.
        bot.tickets.close(id, clock.instant());
        forOfficers();

        citizen("107", "alo, có ai không");

        assertThat(bot.tickets.openFor(bot.store
                        .find(new ConversationKey("telegram", "107"))
                        .orElseThrow()
                        .id()))
                .isPresent();
        assertThat(forOfficers()).anySatisfy(m -> assertThat(m.text()).contains("alo, có ai không"));
    }

    @Test
    void takingATicketWhoseConversationCannotBeJoinedClosesIt() {
        citizen("108", "/human");
        long id = bot.tickets.open().get(0).id();
        bot.store.find(new ConversationKey("telegram", "108")).orElseThrow();
        // The conversation was closed by another officer's action on it meanwhile.
        officerTurns.take(
                new ConversationKey("telegram", "108"),
                Optional.of(Trigger.CLOSED_BY_OFFICER),
                List.of(),
                "closed elsewhere");

        OfficerDesk.Result result = desk.take("7", id);

        assertThat(result.ok()).isFalse();
        assertThat(result.message()).contains("can no longer be taken");
        assertThat(bot.tickets.find(id).orElseThrow().status()).isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void withNoChannelToOfficersCitizensAreNotPromisedOne() {
        bot.officerChannel(false);

        citizen("109", "/human");

        assertThat(lastToCitizen()).contains("Hiện chưa thể nhắn trực tiếp với cán bộ");
        assertThat(bot.tickets.open()).isEmpty();
    }

    @Test
    void aCommandWithoutANumberActsOnlyWhenTheOfficerHoldsExactlyOneTicket() {
        citizen("110", "/human");
        citizen("111", "/human");
        List<Ticket> open = bot.tickets.open();
        assertThat(OfficerCommandLine.run(desk, "7", "/take " + open.get(0).id())
                        .orElseThrow()
                        .ok())
                .isTrue();

        assertThat(OfficerCommandLine.run(desk, "7", "/reply Chào bạn")
                        .orElseThrow()
                        .ok())
                .as("one held: it is the one")
                .isTrue();
        assertThat(lastToCitizen()).isEqualTo("👤 Lan: Chào bạn");

        OfficerCommandLine.run(desk, "7", "/take " + open.get(1).id());
        assertThat(OfficerCommandLine.run(desk, "7", "/close").orElseThrow().message())
                .contains("Which ticket?");
        assertThat(OfficerCommandLine.run(desk, "7", "close the door"))
                .as("not a command")
                .isEmpty();
        assertThat(OfficerCommandLine.run(
                                desk, "7", "/transcript " + open.get(1).id())
                        .orElseThrow()
                        .message())
                .contains("› /human");
        assertThat(OfficerCommandLine.run(
                                desk, "7", "/close@consular_bot " + open.get(1).id())
                        .orElseThrow()
                        .ok())
                .as("the group's form, with the bot's name")
                .isTrue();
        assertThat(OfficerCommandLine.run(desk, "7", "/help").orElseThrow().message())
                .contains("/take N");
    }

    @Test
    void closingAndReleasingAreRefusedWhereTheyCannotApplyAndAllowedToTheHolderAndSupervisors() {
        citizen("120", "/human");
        long id = bot.tickets.open().get(0).id();

        assertThat(desk.release("7", id).message()).isEqualTo("#" + id + " is not taken.");
        desk.take("7", id);
        assertThat(desk.release("8", id).message()).isEqualTo("#" + id + " is with Lan.");
        assertThat(desk.close("8", id).ok()).isFalse();
        assertThat(bot.tickets.events(id))
                .filteredOn(e -> e.actor().equals("8"))
                .extracting(e -> e.detail())
                .containsExactly("release of another officer's ticket", "close of another officer's ticket");

        assertThat(desk.release("9", id).message()).as("a supervisor").isEqualTo("#" + id + " is back in the queue.");
        desk.take("7", id);
        assertThat(desk.close("7", id).message()).isEqualTo("#" + id + " closed; the bot answers the citizen again.");
        assertThat(lastToCitizen()).contains("/human");
        assertThat(desk.close("7", id).message()).isEqualTo("#" + id + " is closed already.");
        assertThat(desk.release("7", id).ok()).isFalse();
    }

    /** Regression: a ticket number too large for a long threw instead of answering the officer. */
    @Test
    void aTicketNumberBeyondAnyTicketIsAnsweredNotThrown() {
        assertThat(OfficerCommandLine.run(desk, "7", "/take 99999999999999999999"))
                .hasValueSatisfying(r -> {
                    assertThat(r.ok()).isFalse();
                    assertThat(r.message()).contains("no ticket");
                });
    }
}
