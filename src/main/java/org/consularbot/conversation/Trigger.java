package org.consularbot.conversation;

import java.util.Locale;

/** Why a conversation changes state; recorded with every change. */
public enum Trigger {
    /** The bot offered choices. */
    SUGGESTED,
    /** The citizen picked a choice, or asked something else instead. */
    CHOICE_SETTLED,
    /** The citizen asked for an officer. */
    HUMAN_REQUESTED,
    /** An emergency was detected and officers were alerted. */
    EMERGENCY_ESCALATED,
    /** An officer took the conversation. */
    OFFICER_JOINED,
    /** The officer put the conversation back in the queue for another officer. */
    OFFICER_UNASSIGNED,
    /** The officer handed the conversation back to the bot. */
    OFFICER_RELEASED,
    /** The citizen withdrew the request (or left the officer). */
    CITIZEN_CANCELLED,
    /** An officer closed the conversation. */
    CLOSED_BY_OFFICER,
    /** The citizen wrote again after it was closed. */
    REOPENED;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
