package org.consularbot.conversation;

import java.util.Locale;

/** Who caused an event in a conversation's log. */
public enum Actor {
    CITIZEN,
    BOT,
    OFFICER,
    SYSTEM;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Actor fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
