package org.consularbot.conversation;

import java.util.Locale;

/** Why the bot said something; kept with each reply for the log and for anonymous counts. */
public enum ReplyKind {
    ANSWER,
    SUGGESTION,
    FALLBACK,
    EMERGENCY,
    WELCOME,
    HELP,
    LANGUAGE,
    HANDOFF,
    CANCEL,
    FEEDBACK_THANKS,
    NOT_TEXT,
    RATE_LIMITED,
    CHOICE_INVALID,
    OFFICER,
    /** Small talk (greeting, thanks, "are you a bot?"): not a question the bot failed to answer. */
    SMALL_TALK,
    /** Outside what an embassy does: a pointer to who can help. */
    DECLINE,
    /** The hotline and an "I am in danger" button above an answer, when the triage was unsure. */
    SAFETY,
    /** The advisories subscription exchange: asking where the citizen is, confirming, withdrawing. */
    SUBSCRIPTION;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ReplyKind fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
