package org.consularbot.handoff;

import java.util.Locale;

/**
 * A duty officer who may act on tickets, identified by their user id on the officers' channel (a Telegram user
 * id; any label in the terminal console). Supervisors also get escalations and may act on anyone's ticket.
 */
public record Officer(String userId, String name, Role role) {

    public enum Role {
        OFFICER,
        SUPERVISOR;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Role fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    public boolean supervisor() {
        return role == Role.SUPERVISOR;
    }
}
