package org.consularbot.handoff;

import java.time.Instant;
import java.util.Locale;

/**
 * One line of a ticket's whole conversation as an officer reads it: who said it (the citizen, the bot, an officer, or
 * a private note), when, and what.
 */
public record TranscriptLine(Instant at, Speaker speaker, String text) {

    /** Who a line is from. */
    public enum Speaker {
        CITIZEN,
        BOT,
        OFFICER,
        NOTE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
