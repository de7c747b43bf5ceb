package org.consularbot.conversation;

import java.util.Locale;

/** Where a conversation stands. Changes only through {@link Transitions}. */
public enum ConversationState {
    /** The bot answers from the FAQ (and the fallback). */
    BOT_ANSWERING,
    /** The bot offered "did you mean" choices and waits for a button or a number. */
    AWAITING_CHOICE,
    /** The citizen asked for an officer, or an emergency was raised; the bot relays and stays quiet. */
    WAITING_FOR_OFFICER,
    /** An officer has taken the conversation; the bot relays and stays quiet. */
    WITH_OFFICER,
    /** Finished by an officer; the citizen's next message opens it again. */
    CLOSED;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ConversationState fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** Whether a human is (or is about to be) in charge, so the bot must not answer questions itself. */
    public boolean humanInCharge() {
        return this == WAITING_FOR_OFFICER || this == WITH_OFFICER;
    }
}
