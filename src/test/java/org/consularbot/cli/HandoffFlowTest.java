package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.ConversationState;
import org.consularbot.conversation.Trigger;
import org.consularbot.faq.TestCorpora;
import org.consularbot.handoff.OfficerDesk;
import org.consularbot.handoff.OfficerMessage;
import org.consularbot.handoff.Ticket;
import org.consularbot.handoff.TicketStatus;
import org.junit.jupiter.api.Test;

/**
 * The handoff as citizens and officers live it, through the real assembly (H2): an emergency raises an urgent
 * card, an officer takes it, messages flow both ways, close gives the conversation back to the bot, release puts it
 * back in the queue; SLA alarms and duty hours follow an injected clock. Who may do what: {@link OfficerDeskRulesTest}.
 */
class HandoffFlowTest extends AssembledHandoff {

    static final Instant SATURDAY_NOON_TORONTO = Instant.parse("2026-11-28T17:00:00Z");

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
                .as("the bot does not answer over the officer, only says the message reached them")
                .hasSize(before + 1);
        assertThat(lastToCitizen()).contains("Đã chuyển tới cán bộ");
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
}
