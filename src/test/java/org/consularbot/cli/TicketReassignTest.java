package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.ConversationState;
import org.consularbot.handoff.DeskRefusal;
import org.consularbot.handoff.OfficerDesk;
import org.consularbot.handoff.OfficerMessage;
import org.consularbot.handoff.Ticket;
import org.consularbot.handoff.TicketStatus;
import org.consularbot.handoff.TicketStore;
import org.junit.jupiter.api.Test;

/**
 * Handing a ticket to another officer, through the real assembly: who may, what the citizen is told (a name only when
 * names are shown), what the officers' channel says and to whom, the audit, and an unknown officer refused.
 */
class TicketReassignTest extends AssembledHandoff {

    private long takenByLan() {
        citizen("100", "toi bi canh sat bat");
        long id = bot.tickets.open().get(0).id();
        assertThat(desk.take("7", id).ok()).isTrue();
        forOfficers();
        return id;
    }

    @Test
    void theHolderHandsTheTicketToAColleagueWhoNowAnswersTheCitizen() {
        long id = takenByLan();
        int before = toCitizens.size();

        OfficerDesk.Result result = desk.reassign("7", id, "8");

        assertThat(result.ok()).isTrue();
        assertThat(result.message()).isEqualTo("#" + id + " is now with Minh.");
        Ticket ticket = bot.tickets.find(id).orElseThrow();
        assertThat(ticket.officerId()).contains("8");
        assertThat(ticket.status()).isEqualTo(TicketStatus.ASSIGNED);
        assertThat(ticket.unansweredSince())
                .as("the citizen waits for Minh now")
                .contains(clock.instant());
        assertThat(toCitizens).hasSize(before + 1);
        assertThat(lastToCitizen()).contains("Một cán bộ khác đã tiếp nhận", "Minh");
        assertThat(state("100")).isEqualTo(ConversationState.WITH_OFFICER);
        assertThat(forOfficers()).singleElement().satisfies(notice -> {
            assertThat(notice.kind()).isEqualTo(OfficerMessage.Kind.NOTICE);
            assertThat(notice.text()).isEqualTo("#" + id + " ↪ handed to Minh by Lan");
            assertThat(notice.mention()).as("the new holder is named").containsExactly("8");
        });
        assertThat(bot.tickets.events(id))
                .extracting(TicketStore.Event::actor, TicketStore.Event::action, TicketStore.Event::detail)
                .contains(Tuple.tuple("7", "reassigned", "Lan → Minh"));

        assertThat(desk.reply("7", id, "still here").refusal()).contains(DeskRefusal.WITH_NOT_SENT);
        assertThat(desk.reply("8", id, "Chào em, chị Minh đây.").ok()).isTrue();
        assertThat(lastToCitizen()).isEqualTo("👤 Minh: Chào em, chị Minh đây.");
    }

    @Test
    void anUnknownOfficerIsRefusedWithAClearMessageAndAudited() {
        long id = takenByLan();

        OfficerDesk.Result result = desk.reassign("7", id, "  99 ");

        assertThat(result.ok()).isFalse();
        assertThat(result.refusal()).contains(DeskRefusal.UNKNOWN_OFFICER);
        assertThat(result.message()).isEqualTo("\"99\" is not a listed officer; nothing was done.");
        assertThat(bot.tickets.find(id).orElseThrow().officerId()).contains("7");
        assertThat(bot.tickets.events(id))
                .extracting(TicketStore.Event::action, TicketStore.Event::detail)
                .contains(Tuple.tuple("refused", "reassign to someone who is not a listed officer: 99"));
        assertThat(desk.reassign("7", id, "7").refusal())
                .as("to the one who holds it")
                .contains(DeskRefusal.HELD_BY);
    }

    @Test
    void onlyTheHolderOrASupervisorHandsOnAHeldTicketAndAnyOfficerAWaitingOne() {
        long id = takenByLan();

        assertThat(desk.reassign("8", id, "8").refusal()).contains(DeskRefusal.WITH);
        assertThat(bot.tickets.find(id).orElseThrow().officerId()).contains("7");
        assertThat(desk.reassign("9", id, "8").ok()).as("Chi, a supervisor").isTrue();
        assertThat(bot.tickets.find(id).orElseThrow().officerId()).contains("8");

        citizen("200", "/human");
        long waiting = bot.tickets
                .openFor(bot.store
                        .find(new ConversationKey("telegram", "200"))
                        .orElseThrow()
                        .id())
                .orElseThrow()
                .id();
        assertThat(desk.reassign("7", waiting, "8").ok()).isTrue();
        assertThat(bot.tickets.find(waiting).orElseThrow().officerId()).contains("8");
        assertThat(state("200")).as("Minh joined the waiting citizen").isEqualTo(ConversationState.WITH_OFFICER);
        assertThat(lastToCitizen()).contains("Minh", "đã nhận");
        assertThat(desk.reassign("7", 424242, "8").refusal()).contains(DeskRefusal.NO_TICKET);
    }

    @Test
    void withNamesHiddenTheCitizenIsNotToldTheNewOfficersName() throws Exception {
        bot.close();
        open(Map.of("HANDOFF_SHOW_OFFICER_NAME", "false"));
        long id = takenByLan();

        assertThat(desk.reassign("7", id, "8").ok()).isTrue();

        assertThat(lastToCitizen()).contains("Cán bộ lãnh sự").doesNotContain("Minh");
        assertThat(bot.tickets.find(id).flatMap(Ticket::officerId)).isEqualTo(Optional.of("8"));
    }
}
