package org.consularbot.handoff;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a ticket stands, and the one table of moves between states: queued → assigned (taken) → queued
 * (released) or closed; a queued ticket can be closed too (the citizen withdrew, or an officer dealt with it).
 */
public enum TicketStatus {
    QUEUED,
    ASSIGNED,
    CLOSED;

    private static final Map<TicketStatus, Set<TicketStatus>> MOVES = Map.of(
            QUEUED, Set.of(ASSIGNED, CLOSED),
            ASSIGNED, Set.of(QUEUED, CLOSED),
            CLOSED, Set.of());

    public boolean canMoveTo(TicketStatus next) {
        return MOVES.get(this).contains(next);
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TicketStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
