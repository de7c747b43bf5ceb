package org.consularbot.conversation;

import java.util.Locale;

/** What a citizen sent. Only text and button presses carry meaning for the bot; the rest get a polite reply. */
public enum ContentKind {
    TEXT,
    BUTTON,
    PHOTO,
    VOICE,
    VIDEO,
    STICKER,
    LOCATION,
    FILE,
    CONTACT,
    OTHER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ContentKind fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** Whether the message has text the bot can read. */
    public boolean readable() {
        return this == TEXT || this == BUTTON;
    }
}
