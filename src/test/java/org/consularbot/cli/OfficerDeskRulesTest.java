package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.consularbot.channel.OfficerCommandLine;
import org.consularbot.handoff.Ticket;
import org.consularbot.handoff.TicketStatus;
import org.junit.jupiter.api.Test;

/**
 * Who may do what at the officers' desk, through the real assembly (H2): only the holder or a supervisor replies,
 * releases, closes or reads a taken ticket; every refusal is audited with who and why; commands without a number act
 * only on the one ticket an officer holds.
 */
class OfficerDeskRulesTest extends AssembledHandoff {

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
                .contains("citizen: /human");
        assertThat(OfficerCommandLine.run(
                                desk, "7", "/close@consular_bot " + open.get(1).id())
                        .orElseThrow()
                        .ok())
                .as("the group's form, with the bot's name")
                .isTrue();
        assertThat(OfficerCommandLine.run(desk, "7", "/help").orElseThrow().message())
                .contains("/take N");
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

    /** Regression (issue 18): "/close abc" closed the one ticket the officer held, as "/close" alone does. */
    @Test
    void wordsWhereATicketNumberBelongsAreRefusedAndNothingIsDone() {
        citizen("130", "/human");
        long id = bot.tickets.open().get(0).id();
        desk.take("7", id);

        for (String line : List.of("/close abc", "/release abc", "/take abc", "/transcript abc", "/close -5")) {
            assertThat(OfficerCommandLine.run(desk, "7", line)).as(line).hasValueSatisfying(r -> {
                assertThat(r.ok()).isFalse();
                assertThat(r.message()).contains("is not a ticket number; nothing was done");
            });
        }
        assertThat(bot.tickets.find(id).orElseThrow().officerId()).contains("7");
        assertThat(bot.tickets.find(id).orElseThrow().open()).isTrue();
        assertThat(OfficerCommandLine.parse("/close abc")).isEmpty();
        assertThat(OfficerCommandLine.run(desk, "7", "/reply cảm ơn chị")
                        .orElseThrow()
                        .ok())
                .as("a reply's words are its text")
                .isTrue();
    }
}
