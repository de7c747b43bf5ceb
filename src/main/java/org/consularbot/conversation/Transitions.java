package org.consularbot.conversation;

import static org.consularbot.conversation.ConversationState.AWAITING_CHOICE;
import static org.consularbot.conversation.ConversationState.BOT_ANSWERING;
import static org.consularbot.conversation.ConversationState.CLOSED;
import static org.consularbot.conversation.ConversationState.WAITING_FOR_OFFICER;
import static org.consularbot.conversation.ConversationState.WITH_OFFICER;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every allowed state change, in one table: what may happen in each state and where it leads. Anything not
 * here is a bug and is refused, so the log never shows an unexplainable jump.
 */
public final class Transitions {

    private static final Map<ConversationState, Map<Trigger, ConversationState>> TABLE = table();

    private Transitions() {}

    private static Map<ConversationState, Map<Trigger, ConversationState>> table() {
        Map<ConversationState, Map<Trigger, ConversationState>> t = new EnumMap<>(ConversationState.class);
        for (ConversationState state : ConversationState.values()) {
            t.put(state, new EnumMap<>(Trigger.class));
        }
        t.get(BOT_ANSWERING).put(Trigger.SUGGESTED, AWAITING_CHOICE);
        t.get(AWAITING_CHOICE).put(Trigger.SUGGESTED, AWAITING_CHOICE);
        t.get(AWAITING_CHOICE).put(Trigger.CHOICE_SETTLED, BOT_ANSWERING);
        t.get(AWAITING_CHOICE).put(Trigger.CITIZEN_CANCELLED, BOT_ANSWERING);
        for (ConversationState botState : new ConversationState[] {BOT_ANSWERING, AWAITING_CHOICE}) {
            t.get(botState).put(Trigger.HUMAN_REQUESTED, WAITING_FOR_OFFICER);
            t.get(botState).put(Trigger.EMERGENCY_ESCALATED, WAITING_FOR_OFFICER);
            // An officer may take a conversation nobody asked for (e.g. spotted in the log).
            t.get(botState).put(Trigger.OFFICER_JOINED, WITH_OFFICER);
        }
        t.get(WAITING_FOR_OFFICER).put(Trigger.OFFICER_JOINED, WITH_OFFICER);
        t.get(WAITING_FOR_OFFICER).put(Trigger.CITIZEN_CANCELLED, BOT_ANSWERING);
        t.get(WAITING_FOR_OFFICER).put(Trigger.OFFICER_RELEASED, BOT_ANSWERING);
        t.get(WITH_OFFICER).put(Trigger.OFFICER_RELEASED, BOT_ANSWERING);
        t.get(WITH_OFFICER).put(Trigger.OFFICER_UNASSIGNED, WAITING_FOR_OFFICER);
        t.get(WITH_OFFICER).put(Trigger.CITIZEN_CANCELLED, BOT_ANSWERING);
        for (ConversationState open :
                new ConversationState[] {BOT_ANSWERING, AWAITING_CHOICE, WAITING_FOR_OFFICER, WITH_OFFICER}) {
            t.get(open).put(Trigger.CLOSED_BY_OFFICER, CLOSED);
        }
        t.get(CLOSED).put(Trigger.REOPENED, BOT_ANSWERING);
        return t;
    }

    /** Where {@code trigger} leads from {@code state}, or empty when it is not allowed there. */
    public static Optional<ConversationState> next(ConversationState state, Trigger trigger) {
        return Optional.ofNullable(TABLE.get(state).get(trigger));
    }

    /** Like {@link #next} but refuses a change the table does not allow. */
    public static ConversationState require(ConversationState state, Trigger trigger) {
        return next(state, trigger)
                .orElseThrow(() ->
                        new IllegalStateException("no transition from " + state.code() + " on " + trigger.code()));
    }
}
