package org.consularbot.conversation;

import java.time.Instant;
import java.util.List;

/** Replies waiting to be sent or resent. Sending is at least once: a reply is marked sent only after the channel took it. */
public interface Outbox {

    /**
     * Sending stops after this many failed attempts; the reply stays in the log as never delivered. With the
     * backoff of {@link RetrySchedule} the last attempt comes about 25 minutes after the first.
     */
    int MAX_ATTEMPTS = 12;

    /** Unsent replies with attempts left, oldest first, whether due or not. */
    List<OutboxEntry> unsent(int limit);

    /** Unsent replies with attempts left whose next attempt is due at {@code now}, oldest first. */
    List<OutboxEntry> due(int limit, Instant now);

    /**
     * Takes the reply for one attempt, atomically: when it is still waiting and due by {@code dueBy}, moves its next
     * attempt to {@code leasedUntil} and returns true. Another instance's relay then leaves it alone until the lease
     * ends, even if the database forgets this instance's locks (a restart) while it sends.
     */
    boolean claim(long outboxId, Instant dueBy, Instant leasedUntil);

    void markSent(long outboxId, Instant at);

    /**
     * Counts a failed attempt; a permanent failure uses up all attempts at once.
     *
     * @param notBefore when the next attempt may be made; {@code null} for at once
     */
    void markFailed(long outboxId, String error, boolean permanent, Instant notBefore);

    /** Holds a reply until {@code notBefore} without counting an attempt (the channel will take it later). */
    void markHeld(long outboxId, String why, Instant notBefore);

    /** Counts a failed attempt that may be retried at once. */
    default void markFailed(long outboxId, String error, boolean permanent) {
        markFailed(outboxId, error, permanent, null);
    }

    /** A conversation's unsent replies with attempts left, oldest first, due or not (held ones included). */
    List<OutboxEntry> unsent(long conversationId);

    /** Every reply queued in a conversation, oldest first, sent or not. */
    List<OutboxEntry> replies(long conversationId);
}
