package org.consularbot.conversation;

import java.util.Locale;

/** Why the bot said something; kept with each reply for the log and for anonymous counts. */
public enum ReplyKind {
    ANSWER, SUGGESTION, FALLBACK, EMERGENCY, WELCOME, HELP, LANGUAGE, HANDOFF, CANCEL, FEEDBACK_THANKS,
    NOT_TEXT, RATE_LIMITED, CHOICE_INVALID, OFFICER;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ReplyKind fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
