package org.consularbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.consularbot.conversation.ConversationState.AWAITING_CHOICE;
import static org.consularbot.conversation.ConversationState.BOT_ANSWERING;
import static org.consularbot.conversation.ConversationState.CLOSED;
import static org.consularbot.conversation.ConversationState.WAITING_FOR_OFFICER;
import static org.consularbot.conversation.ConversationState.WITH_OFFICER;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The transition table, spelled out: every allowed change, everything else refused, no state unreachable. */
class TransitionsTest {

    /** The table as the design says it should be; the tests compare the code against it both ways. */
    private static final Map<String, ConversationState> ALLOWED = new HashMap<>();

    static {
        allow(BOT_ANSWERING, Trigger.SUGGESTED, AWAITING_CHOICE);
        allow(BOT_ANSWERING, Trigger.HUMAN_REQUESTED, WAITING_FOR_OFFICER);
        allow(BOT_ANSWERING, Trigger.EMERGENCY_ESCALATED, WAITING_FOR_OFFICER);
        allow(BOT_ANSWERING, Trigger.OFFICER_JOINED, WITH_OFFICER);
        allow(BOT_ANSWERING, Trigger.CLOSED_BY_OFFICER, CLOSED);
        allow(AWAITING_CHOICE, Trigger.SUGGESTED, AWAITING_CHOICE);
        allow(AWAITING_CHOICE, Trigger.CHOICE_SETTLED, BOT_ANSWERING);
        allow(AWAITING_CHOICE, Trigger.CITIZEN_CANCELLED, BOT_ANSWERING);
        allow(AWAITING_CHOICE, Trigger.HUMAN_REQUESTED, WAITING_FOR_OFFICER);
        allow(AWAITING_CHOICE, Trigger.EMERGENCY_ESCALATED, WAITING_FOR_OFFICER);
        allow(AWAITING_CHOICE, Trigger.OFFICER_JOINED, WITH_OFFICER);
        allow(AWAITING_CHOICE, Trigger.CLOSED_BY_OFFICER, CLOSED);
        allow(WAITING_FOR_OFFICER, Trigger.OFFICER_JOINED, WITH_OFFICER);
        allow(WAITING_FOR_OFFICER, Trigger.CITIZEN_CANCELLED, BOT_ANSWERING);
        allow(WAITING_FOR_OFFICER, Trigger.OFFICER_RELEASED, BOT_ANSWERING);
        allow(WAITING_FOR_OFFICER, Trigger.CLOSED_BY_OFFICER, CLOSED);
        allow(WITH_OFFICER, Trigger.OFFICER_RELEASED, BOT_ANSWERING);
        allow(WITH_OFFICER, Trigger.OFFICER_UNASSIGNED, WAITING_FOR_OFFICER);
        allow(WITH_OFFICER, Trigger.CITIZEN_CANCELLED, BOT_ANSWERING);
        allow(WITH_OFFICER, Trigger.CLOSED_BY_OFFICER, CLOSED);
        allow(CLOSED, Trigger.REOPENED, BOT_ANSWERING);
    }

    private static void allow(ConversationState from, Trigger trigger, ConversationState to) {
        ALLOWED.put(from + "/" + trigger, to);
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @CsvSource({
        "BOT_ANSWERING, SUGGESTED, AWAITING_CHOICE",
        "BOT_ANSWERING, HUMAN_REQUESTED, WAITING_FOR_OFFICER",
        "BOT_ANSWERING, EMERGENCY_ESCALATED, WAITING_FOR_OFFICER",
        "BOT_ANSWERING, OFFICER_JOINED, WITH_OFFICER",
        "BOT_ANSWERING, CLOSED_BY_OFFICER, CLOSED",
        "AWAITING_CHOICE, SUGGESTED, AWAITING_CHOICE",
        "AWAITING_CHOICE, CHOICE_SETTLED, BOT_ANSWERING",
        "AWAITING_CHOICE, CITIZEN_CANCELLED, BOT_ANSWERING",
        "AWAITING_CHOICE, HUMAN_REQUESTED, WAITING_FOR_OFFICER",
        "AWAITING_CHOICE, EMERGENCY_ESCALATED, WAITING_FOR_OFFICER",
        "AWAITING_CHOICE, OFFICER_JOINED, WITH_OFFICER",
        "AWAITING_CHOICE, CLOSED_BY_OFFICER, CLOSED",
        "WAITING_FOR_OFFICER, OFFICER_JOINED, WITH_OFFICER",
        "WAITING_FOR_OFFICER, CITIZEN_CANCELLED, BOT_ANSWERING",
        "WAITING_FOR_OFFICER, OFFICER_RELEASED, BOT_ANSWERING",
        "WAITING_FOR_OFFICER, CLOSED_BY_OFFICER, CLOSED",
        "WITH_OFFICER, OFFICER_RELEASED, BOT_ANSWERING",
        "WITH_OFFICER, OFFICER_UNASSIGNED, WAITING_FOR_OFFICER",
        "WITH_OFFICER, CITIZEN_CANCELLED, BOT_ANSWERING",
        "WITH_OFFICER, CLOSED_BY_OFFICER, CLOSED",
        "CLOSED, REOPENED, BOT_ANSWERING",
    })
    void allowedTransitionLeadsWhereTheDesignSays(ConversationState from, Trigger trigger, ConversationState to) {
        assertThat(Transitions.next(from, trigger)).contains(to);
        assertThat(Transitions.require(from, trigger)).isEqualTo(to);
    }

    @Test
    void everyPairOutsideTheTableIsRefused() {
        int refused = 0;
        for (ConversationState from : ConversationState.values()) {
            for (Trigger trigger : Trigger.values()) {
                ConversationState expected = ALLOWED.get(from + "/" + trigger);
                if (expected != null) {
                    assertThat(Transitions.next(from, trigger))
                            .as("%s on %s", from, trigger)
                            .contains(expected);
                    continue;
                }
                refused++;
                assertThat(Transitions.next(from, trigger))
                        .as("%s on %s must be refused", from, trigger)
                        .isEmpty();
                assertThatThrownBy(() -> Transitions.require(from, trigger))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining(from.code())
                        .hasMessageContaining(trigger.code());
            }
        }
        assertThat(ALLOWED).hasSize(21);
        assertThat(refused).isEqualTo(ConversationState.values().length * Trigger.values().length - 21);
    }

    @Test
    void namedForbiddenJumpsAreRefused() {
        assertThat(Transitions.next(CLOSED, Trigger.OFFICER_JOINED))
                .as("closed -> with-officer")
                .isEmpty();
        assertThat(Transitions.next(WAITING_FOR_OFFICER, Trigger.SUGGESTED))
                .as("waiting -> suggested")
                .isEmpty();
        assertThat(Transitions.next(WITH_OFFICER, Trigger.SUGGESTED))
                .as("the bot never suggests over an officer")
                .isEmpty();
        assertThat(Transitions.next(BOT_ANSWERING, Trigger.CHOICE_SETTLED))
                .as("nothing to settle")
                .isEmpty();
        assertThat(Transitions.next(BOT_ANSWERING, Trigger.REOPENED))
                .as("only a closed conversation reopens")
                .isEmpty();
        assertThat(Transitions.next(CLOSED, Trigger.HUMAN_REQUESTED))
                .as("closed must reopen first")
                .isEmpty();
        assertThatThrownBy(() -> Transitions.require(CLOSED, Trigger.OFFICER_JOINED))
                .hasMessage("no transition from closed on officer-joined");
    }

    @Test
    void everyStateIsReachableFromANewConversation() {
        assertThat(reachableFrom(BOT_ANSWERING)).containsExactlyInAnyOrder(ConversationState.values());
    }

    @Test
    void everyStateLeadsBackToTheBotSoNoConversationIsStuck() {
        for (ConversationState state : ConversationState.values()) {
            assertThat(reachableFrom(state)).as("from %s", state).contains(BOT_ANSWERING);
        }
    }

    @Test
    void codesRoundTrip() {
        for (ConversationState state : ConversationState.values()) {
            assertThat(ConversationState.fromCode(state.code())).isEqualTo(state);
        }
        assertThat(WAITING_FOR_OFFICER.code()).isEqualTo("waiting-for-officer");
        assertThat(Trigger.CLOSED_BY_OFFICER.code()).isEqualTo("closed-by-officer");
        assertThat(EnumSet.allOf(ConversationState.class).stream().filter(ConversationState::humanInCharge))
                .containsExactlyInAnyOrder(WAITING_FOR_OFFICER, WITH_OFFICER);
    }

    private static Set<ConversationState> reachableFrom(ConversationState start) {
        Set<ConversationState> seen = EnumSet.of(start);
        Deque<ConversationState> todo = new ArrayDeque<>(Set.of(start));
        while (!todo.isEmpty()) {
            ConversationState state = todo.poll();
            for (Trigger trigger : Trigger.values()) {
                Transitions.next(state, trigger).filter(seen::add).ifPresent(todo::add);
            }
        }
        return seen;
    }
}
