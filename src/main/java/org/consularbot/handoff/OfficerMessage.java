package org.consularbot.handoff;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Something for the officers' channel: a new ticket's card (with Take / Close), a citizen's message relayed, a
 * notice, or an alarm that names who must look ({@code mention}: officer user ids). {@code urgent}: an urgent
 * ticket's card or an alarm, which goes before everything else (one citizen's flood of relays must not hold up
 * another citizen's emergency).
 */
public record OfficerMessage(
        long id, Optional<Long> ticketId, Kind kind, String text, List<String> mention, boolean urgent) {

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

    /** A message whose urgency follows from its kind alone: alarms are urgent. */
    public OfficerMessage(long id, Optional<Long> ticketId, Kind kind, String text, List<String> mention) {
        this(id, ticketId, kind, text, mention, kind == Kind.ALARM);
    }
}
