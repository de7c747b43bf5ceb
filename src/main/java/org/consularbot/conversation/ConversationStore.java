package org.consularbot.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
     * Commits a turn atomically and returns the queued replies in order; relays may send them at once.
     *
     * @throws ConcurrentTurnException when the conversation changed since {@link TurnRecord#expectedVersion()}
     */
    default List<OutboxEntry> commitTurn(TurnRecord turn) {
        return commitTurn(turn, turn.at());
    }

    /**
     * As {@link #commitTurn(TurnRecord)}, with the queued replies left to relays only from {@code relaysFrom}:
     * the turn delivers them itself meanwhile. A lease, so that a relay on another instance does not send a
     * reply the turn sent but could not yet record (its database restarting, its conversation lock lost).
     */
    List<OutboxEntry> commitTurn(TurnRecord turn, Instant relaysFrom);

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

    /**
     * Deletes everything stored about one conversation (the citizen withdrew consent), keeping anonymous counts.
     *
     * @return whether there was such a conversation
     */
    boolean forget(ConversationKey key);

    /** Anonymous daily counts kept by {@link #purge}, as metric → total. */
    Map<String, Long> keptCounts();
}
