package org.consularbot.handoff;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Officers' actions (a take, a reply to a citizen, a button on a ticket card) stored before their channel tells the
 * platform they arrived. An action runs after it is stored, on the officers' own lane, since it may wait for a
 * citizen's turn or a send slot; if the instance dies first, start-up runs it then. Without this, the platform
 * counted an officer's reply as delivered while nothing had sent it: a citizen waiting for an officer never got it.
 * The channel keeps its own action in {@code payload}; an action redelivered after it was stored is recognised by
 * its {@code sourceId} (the platform's update id) and not run twice.
 *
 * <p>With several instances on one database, an action is carried out only by the instance that holds its
 * {@link Claim} in the store: the one that stored it, or the first to claim it once that one's lease ran out (it
 * died). Held in each instance's memory only, the claim did not stop the instance relaying to officers from carrying
 * out an action another instance had just stored and was about to carry out itself: the reply went out twice.
 */
public interface OfficerInbox {

    /** A stored action: the channel's id for it, the ticket it is about, its own encoding of it, and when it came. */
    record Action(String sourceId, Optional<Long> ticket, String payload, Instant receivedAt) {}

    /**
     * An instance's hold on an action: its name (one per process, never reused, so a restarted instance does not take
     * a dead one's actions for its own) and when the hold runs out unless renewed. Another instance may claim the
     * action from then on.
     */
    record Claim(String holder, Instant until) {
        public Claim {
            Objects.requireNonNull(until, "until");
            if (holder == null || holder.isBlank()) {
                throw new IllegalArgumentException("a claim needs its holder's name");
            }
        }
    }

    /**
     * Stores an action, held by {@code claim}'s holder: it is carried out where it came in, and the other instances'
     * relay rounds leave it alone while the claim lasts.
     *
     * @param ticket the ticket the action is about, when the channel can tell: a citizen who withdraws consent takes
     *               the pending actions about their tickets along (their text may quote the citizen)
     * @return false when this source id was stored before (a redelivery): it is not run again
     * @throws org.consularbot.conversation.StoreException when it could not be stored: do not acknowledge it
     */
    boolean add(String sourceId, Optional<Long> ticket, String payload, Instant at, Claim claim);

    /**
     * Claims an action not yet handled for {@code claim}'s holder, if nobody else holds it at {@code now}: unclaimed,
     * already the holder's, or its last claim ran out. One conditional update, so of two instances claiming at once
     * exactly one gets it.
     *
     * @return whether the holder now holds it, until {@code claim.until()}: only then may it carry the action out
     */
    boolean claim(String sourceId, Claim claim, Instant now);

    /**
     * Extends the holder's claim on those of these actions it still holds and are not handled (an instance renews
     * what waits in its memory, so another does not take it over while it is alive); returns how many.
     */
    int renew(Collection<String> sourceIds, Claim claim);

    /** The action ran (or failed for good): it is not run again, and its text is no longer kept. */
    void handled(String sourceId, Instant at);

    /** Stored actions not yet handled, oldest first, whoever holds them. */
    List<Action> pending(int limit);

    /**
     * Stored actions not yet handled that {@code holder} could claim at {@code now} (see {@link #claim}), oldest first:
     * what a relay round may take up. Listing is not claiming: two instances may list the same action.
     */
    List<Action> claimable(String holder, Instant now, int limit);

    /** Forgets handled actions stored before {@code before}; returns how many. */
    int prune(Instant before);
}
