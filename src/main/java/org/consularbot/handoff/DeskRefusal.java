package org.consularbot.handoff;

/**
 * Why the desk refused an officer, with its English words (the Telegram group's and the terminal's). A channel that
 * speaks the officer's language (the web console) words each in its own texts from the refusal and its arguments, so a
 * Vietnamese page never shows an English refusal.
 */
public enum DeskRefusal {
    NOT_LISTED("You are not a listed officer; ask a supervisor to add you (officer add)."),
    NO_TICKET("There is no ticket #%s."),
    CLOSED("#%s is closed."),
    CLOSED_NOT_SENT("#%s is closed; nothing was sent."),
    CLOSED_ALREADY("#%s is closed already."),
    HELD_BY("#%s is already with %s."),
    WITH_NOT_SENT("#%s is with %s; nothing was sent."),
    WITH("#%s is with %s."),
    WITH_NOT_READ("#%s is with %s; only they and supervisors read it."),
    TAKE_FIRST("Take #%s first (/take %1$s)."),
    NOTHING_TO_SEND("Nothing to send."),
    WITHDRAWN("#%s can no longer be taken (the citizen withdrew); it is closed."),
    NOT_TAKEN("#%s is not taken."),
    UNKNOWN_OFFICER("\"%s\" is not a listed officer; nothing was done."),
    WHICH_TICKET("Which ticket? e.g. /%s 12 (you hold none, or more than one)");

    private final String english;

    DeskRefusal(String english) {
        this.english = english;
    }

    /** The refusal in English, with its arguments (ticket number first, then names). */
    public String english(Object... args) {
        return String.format(english, args);
    }
}
