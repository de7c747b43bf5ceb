package org.consularbot.conversation;

import java.time.Instant;
import java.util.List;

/** Replies waiting to be sent or resent. Sending is at least once: a reply is marked sent only after the channel took it. */
public interface Outbox {

    /** Sending stops after this many failed attempts; the reply stays in the log as never delivered. */
    int MAX_ATTEMPTS = 8;

    /** Unsent replies with attempts left, oldest first. */
    List<OutboxEntry> unsent(int limit);

    void markSent(long outboxId, Instant at);

    /** Counts a failed attempt; a permanent failure uses up all attempts at once. */
    void markFailed(long outboxId, String error, boolean permanent);

    /** Every reply queued in a conversation, oldest first, sent or not. */
    List<OutboxEntry> replies(long conversationId);
}
