package org.consularbot.handoff;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Officers' actions (a take, a reply to a citizen, a button on a ticket card) stored before their channel tells the
 * platform they arrived. An action runs after it is stored, on the officers' own lane, since it may wait for a
 * citizen's turn or a send slot; if the instance dies first, start-up runs it then. Without this, the platform
 * counted an officer's reply as delivered while nothing had sent it: a citizen waiting for an officer never got it.
 * The channel keeps its own action in {@code payload}; an action redelivered after it was stored is recognised by
 * its {@code sourceId} (the platform's update id) and not run twice.
 */
public interface OfficerInbox {

    /** A stored action: the channel's id for it, the ticket it is about, its own encoding of it, and when it came. */
    record Action(String sourceId, Optional<Long> ticket, String payload, Instant receivedAt) {}

    /**
     * Stores an action.
     *
     * @param ticket the ticket the action is about, when the channel can tell: a citizen who withdraws consent takes
     *               the pending actions about their tickets along (their text may quote the citizen)
     * @return false when this source id was stored before (a redelivery): it is not run again
     * @throws org.consularbot.conversation.StoreException when it could not be stored: do not acknowledge it
     */
    boolean add(String sourceId, Optional<Long> ticket, String payload, Instant at);

    /** The action ran (or failed for good): it is not run again, and its text is no longer kept. */
    void handled(String sourceId, Instant at);

    /** Stored actions not yet handled, oldest first. */
    List<Action> pending(int limit);

    /** Forgets handled actions stored before {@code before}; returns how many. */
    int prune(Instant before);
}
