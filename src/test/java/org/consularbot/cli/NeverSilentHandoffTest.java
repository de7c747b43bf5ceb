package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.consularbot.conversation.ConversationState;
import org.consularbot.faq.TestCorpora;
import org.consularbot.handoff.OfficerMessage;
import org.consularbot.handoff.Ticket;
import org.consularbot.handoff.TicketStatus;
import org.consularbot.handoff.TicketStore;
import org.junit.jupiter.api.Test;

/**
 * A handoff that never leaves a citizen in silence (issue 18), through the real assembly (H2): while a ticket waits
 * the bot answers what the FAQ answers and passes everything on; once it is taken each relayed message is
 * acknowledged, at most once a minute per ticket; "the duty officer has been alerted" only when the roster has one
 * on duty; an urgent ticket whose holder stays silent past the SLA goes back to the queue, the supervisors alarmed
 * and the citizen told, with the hotline. The dialogue's side: {@code NeverSilentDialogueTest}.
 */
class NeverSilentHandoffTest extends AssembledHandoff {

    static final String RENEW_VI = "ho chieu het han lam lai o dau";
    static final String ARRESTED_VI = "toi bi canh sat bat";

    @Test
    void whileATicketWaitsAnFaqQuestionIsAnsweredAndStillReachesTheOfficers() {
        citizen("200", "/human");
        long id = bot.tickets.open().get(0).id();
        forOfficers();
        int before = toCitizens.size();

        citizen("200", RENEW_VI);

        assertThat(toCitizens)
                .as("one reply: the answer, no acknowledgement on top")
                .hasSize(before + 1);
        assertThat(toCitizens.get(before).reply().entryId()).contains("passport.issue.renew-abroad");
        assertThat(lastToCitizen()).contains("cũng đã được chuyển tới cán bộ");
        assertThat(forOfficers()).singleElement().satisfies(relay -> {
            assertThat(relay.kind()).isEqualTo(OfficerMessage.Kind.RELAY);
            assertThat(relay.text()).isEqualTo("#" + id + " 💬 " + RENEW_VI);
        });
        assertThat(state("200")).isEqualTo(ConversationState.WAITING_FOR_OFFICER);
    }

    @Test
    void whileATicketWaitsAMessageTheFaqDoesNotAnswerIsPassedOnWithTheHotline() {
        citizen("201", "/human");
        forOfficers();
        int before = toCitizens.size();

        citizen("201", "alo, có ai không");

        assertThat(toCitizens).hasSize(before + 1);
        assertThat(lastToCitizen()).contains("đã được chuyển tới cán bộ", TestCorpora.HOTLINE);
        assertThat(forOfficers()).anySatisfy(m -> assertThat(m.text()).contains("alo, có ai không"));
    }

    @Test
    void onceTakenRelayedMessagesAreAcknowledgedAtMostOnceAMinutePerTicket() {
        citizen("202", "/human");
        long id = bot.tickets.open().get(0).id();
        desk.take("7", id);
        forOfficers();
        int before = toCitizens.size();

        citizen("202", "chị ơi");
        citizen("202", "em gửi giấy tờ rồi");
        clock.advance(Duration.ofSeconds(59));
        citizen("202", "chị đọc được không");
        assertThat(toCitizens).as("one acknowledgement in the first minute").hasSize(before + 1);
        assertThat(lastToCitizen()).contains("Đã chuyển tới cán bộ đang phụ trách");

        clock.advance(Duration.ofSeconds(1));
        citizen("202", "em chờ ạ");

        assertThat(toCitizens).as("a minute after the last one, another").hasSize(before + 2);
        assertThat(forOfficers())
                .as("every message reached the officer")
                .filteredOn(m -> m.kind() == OfficerMessage.Kind.RELAY)
                .hasSize(4);
        assertThat(state("202")).isEqualTo(ConversationState.WITH_OFFICER);
    }

    @Test
    void theAcknowledgementIsInTheConversationsLanguage() {
        citizen("203", "/lang en");
        citizen("203", "/human");
        desk.take("8", bot.tickets.open().get(0).id());

        citizen("203", "are you there?");

        assertThat(lastToCitizen()).isEqualTo("✓ Delivered to the officer handling your request.");
    }

    @Test
    void onDutyAnEmergencySaysTheDutyOfficerWasAlertedOffDutyItSaysNobodyIsAndGivesTheHotline() throws Exception {
        withRoster();
        citizen("204", ARRESTED_VI);
        assertThat(toCitizens)
                .singleElement()
                .satisfies(r -> assertThat(r.reply().text()).contains("Cán bộ trực đã được báo"));

        clock.set(HandoffFlowTest.SATURDAY_NOON_TORONTO);
        citizen("205", ARRESTED_VI);

        assertThat(toCitizens).as("one reply, no second out-of-hours message").hasSize(2);
        assertThat(lastToCitizen())
                .contains("Hiện không có cán bộ trực", TestCorpora.HOTLINE)
                .doesNotContain("đã được báo");
        assertThat(state("205")).isEqualTo(ConversationState.WAITING_FOR_OFFICER);
        assertThat(forOfficers())
                .filteredOn(m -> m.text().contains("URGENT"))
                .hasSize(2)
                .last()
                .satisfies(card -> assertThat(card.mention()).as("the backup").containsExactly("9"));
    }

    @Test
    void offDutyHumanIsToldOnceThatItIsOutsideHoursWithTheHotline() throws Exception {
        withRoster();
        clock.set(HandoffFlowTest.SATURDAY_NOON_TORONTO);

        citizen("206", "/human");

        assertThat(toCitizens)
                .singleElement()
                .satisfies(r -> assertThat(r.reply().text())
                        .contains("ngoài giờ trực", TestCorpora.HOTLINE)
                        .doesNotContain("Đã chuyển yêu cầu tới cán bộ trực"));
        assertThat(bot.tickets.open()).as("the request is queued all the same").hasSize(1);
    }

    @Test
    // Issue 18: when the officer holding an urgent ticket went offline, only a supervisor could act and the citizen
    // heard nothing.
    void anUrgentTicketsSilentHolderLosesItTheSupervisorsAreAlarmedAndTheCitizenIsTold() {
        citizen("207", ARRESTED_VI);
        long id = bot.tickets.open().get(0).id();
        desk.take("7", id);
        forOfficers();
        clock.advance(Duration.ofMinutes(9));
        bot.slaWatch().check();
        assertThat(bot.tickets.find(id).orElseThrow().status()).isEqualTo(TicketStatus.ASSIGNED);
        forOfficers();

        clock.advance(Duration.ofMinutes(1));
        bot.slaWatch().check();

        Ticket ticket = bot.tickets.find(id).orElseThrow();
        assertThat(ticket.status()).isEqualTo(TicketStatus.QUEUED);
        assertThat(ticket.officerId()).isEmpty();
        assertThat(state("207")).isEqualTo(ConversationState.WAITING_FOR_OFFICER);
        assertThat(lastToCitizen()).contains("chuyển lại cho các cán bộ trực", TestCorpora.HOTLINE);
        List<OfficerMessage> toOfficers = forOfficers();
        assertThat(toOfficers)
                .filteredOn(m -> m.text().contains("has not answered"))
                .singleElement()
                .satisfies(alarm -> {
                    assertThat(alarm.kind()).isEqualTo(OfficerMessage.Kind.ALARM);
                    assertThat(alarm.text()).contains("URGENT #" + id, "Lan", "10 min");
                    assertThat(alarm.mention()).as("the supervisor").containsExactly("9");
                });
        assertThat(toOfficers)
                .filteredOn(m -> m.kind() == OfficerMessage.Kind.CARD)
                .singleElement()
                .satisfies(card -> assertThat(card.text()).contains("/take " + id, "Lan silent"));
        assertThat(bot.tickets.events(id)).extracting(TicketStore.Event::action).contains("requeued");

        int before = toCitizens.size();
        bot.slaWatch().check();
        assertThat(toCitizens).as("told once").hasSize(before);
        assertThat(desk.take("8", id).ok()).isTrue();
        assertThat(lastToCitizen()).contains("Minh");
    }

    @Test
    void aHolderWhoAnsweredKeepsTheTicketUntilTheCitizenHasWaitedPastTheLimitAgain() {
        citizen("208", ARRESTED_VI);
        long id = bot.tickets.open().get(0).id();
        desk.take("7", id);
        clock.advance(Duration.ofMinutes(5));
        desk.reply("7", id, "Chị đây, em đang ở đâu?");
        clock.advance(Duration.ofMinutes(1));
        citizen("208", "em o Toronto");

        clock.advance(Duration.ofMinutes(9));
        bot.slaWatch().check();
        assertThat(bot.tickets.find(id).orElseThrow().officerId()).contains("7");

        clock.advance(Duration.ofMinutes(1));
        bot.slaWatch().check();
        assertThat(bot.tickets.find(id).orElseThrow().status()).isEqualTo(TicketStatus.QUEUED);
    }

    @Test
    void aNormalTicketStaysWithItsHolder() {
        citizen("209", "/human");
        long id = bot.tickets.open().get(0).id();
        desk.take("7", id);

        clock.advance(Duration.ofHours(3));
        bot.slaWatch().check();

        assertThat(bot.tickets.find(id).orElseThrow().officerId()).contains("7");
        assertThat(state("209")).isEqualTo(ConversationState.WITH_OFFICER);
    }

    /** Lan on duty weekdays 9 to 17 in Toronto, Chi the backup: reopens the assembly with it. */
    private void withRoster() throws Exception {
        bot.close();
        Path roster = tmp.resolve("roster.yaml");
        Files.writeString(roster, """
                time_zone: America/Toronto
                backup: ["9"]
                officers:
                  "7": {mon: "09:00-17:00", tue: "09:00-17:00", wed: "09:00-17:00", thu: "09:00-17:00", fri: "09:00-17:00"}
                """);
        open(Map.of("ROSTER_FILE", roster.toString()));
    }
}
