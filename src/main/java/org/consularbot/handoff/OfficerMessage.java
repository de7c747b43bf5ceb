package org.consularbot.handoff;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Something for the officers' channel: a new ticket's card (with Take / Close), a citizen's message relayed, a
 * notice, or an alarm that names who must look ({@code mention}: officer user ids).
 */
public record OfficerMessage(long id, Optional<Long> ticketId, Kind kind, String text, List<String> mention) {

    public enum Kind {
        CARD,
        RELAY,
        NOTICE,
        ALARM;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    public OfficerMessage {
        mention = List.copyOf(mention);
    }
}
