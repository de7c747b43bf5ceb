package org.consularbot.handoff;

import java.util.List;
import java.util.Optional;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.OfficerTurnTexts;
import org.consularbot.conversation.OfficerTurns;
import org.consularbot.conversation.Reply;
import org.consularbot.conversation.ReplyKind;
import org.consularbot.conversation.Trigger;
import org.consularbot.faq.Language;

/**
 * What officers' actions say to the citizen, sent as officer turns of the conversation (state change, log,
 * outbox), so they are as durable as the bot's own replies.
 */
public final class CitizenLine {

    private final OfficerTurns turns;
    private final OfficerTurnTexts texts;

    public CitizenLine(OfficerTurns turns, OfficerTurnTexts texts) {
        this.turns = turns;
        this.texts = texts;
    }

    boolean officerJoined(ConversationKey key, Language l, String officer) {
        return turn(key, Trigger.OFFICER_JOINED, texts.officerJoined(l, officer), "taken by " + officer);
    }

    /** The ticket moved to another officer while the citizen talks to one: who answers now (named or by role). */
    boolean handedOver(ConversationKey key, Language l, String officer) {
        return turn(key, null, texts.handedOver(l, officer), "handed over to " + officer);
    }

    boolean say(ConversationKey key, String officer, String text) {
        return turn(key, null, texts.officerSays(officer, text), "officer replied");
    }

    boolean closed(ConversationKey key, Language l) {
        return turn(key, Trigger.OFFICER_RELEASED, texts.officerClosed(l), "closed by an officer");
    }

    boolean released(ConversationKey key, Language l) {
        return turn(key, Trigger.OFFICER_UNASSIGNED, texts.officerReleased(l), "back to the queue");
    }

    boolean notForgotten(ConversationKey key, Language l) {
        return turn(key, null, texts.notForgotten(l), "no officer reply in time");
    }

    boolean relayAcknowledged(ConversationKey key, Language l) {
        return turn(key, null, texts.relayAcknowledged(l), "message delivered to the officer");
    }

    /** Back to the queue from a silent holder: the conversation waits for an officer again. */
    boolean holderSilent(ConversationKey key, Language l) {
        return turn(
                key, Trigger.OFFICER_UNASSIGNED, texts.holderSilent(l), "back to the queue: the officer was silent");
    }

    private boolean turn(ConversationKey key, Trigger trigger, String text, String detail) {
        return turns.take(key, Optional.ofNullable(trigger), List.of(Reply.text(ReplyKind.OFFICER, text)), detail);
    }
}
