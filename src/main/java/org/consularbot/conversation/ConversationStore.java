package org.consularbot.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable conversations: messages, state, log and feedback. Implementations are safe for concurrent use and
 * throw {@link StoreException} when the database cannot be reached, so a channel never acknowledges a
 * message that was not stored.
 */
public interface ConversationStore {

    /**
     * Stores a citizen's message, opening the conversation if it is new. A message already stored (same
     * conversation and channel message id) is not stored twice: the stored one comes back marked duplicate.
     */
    StoredInbound recordInbound(InboundMessage message);

    /**
     * Commits a turn atomically and returns the queued replies in order.
     *
     * @throws ConcurrentTurnException when the conversation changed since {@link TurnRecord#expectedVersion()}
     */
    List<OutboxEntry> commitTurn(TurnRecord turn);

    Optional<Conversation> conversation(long id);

    /** A stored message as it stands now (answered or not), with its conversation as it stands now. */
    Optional<StoredInbound> inbound(long inboundId);

    Optional<Conversation> find(ConversationKey key);

    /** Stored messages never answered (the process stopped in between), oldest first. */
    List<StoredInbound> unanswered(int limit);

    /** The conversation's log, oldest first. */
    List<ConversationEvent> log(long conversationId);

    List<Feedback> feedback(String entryId);

    long conversationCount();

    /**
     * Deletes message content, replies, logs and idle conversations older than {@code cutoff}, adding them to
     * anonymous daily counts first; feedback is kept without its conversation.
     */
    PurgeReport purge(Instant cutoff);

    /** Anonymous daily counts kept by {@link #purge}, as metric → total. */
    java.util.Map<String, Long> keptCounts();
}
