package org.consularbot.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Passes every call to a real store; tests override the one call they want to break. */
class DelegatingStore implements ConversationStore {

    private final ConversationStore store;

    DelegatingStore(ConversationStore store) {
        this.store = store;
    }

    @Override
    public StoredInbound recordInbound(InboundMessage message) {
        return store.recordInbound(message);
    }

    @Override
    public List<OutboxEntry> commitTurn(TurnRecord turn, Instant relaysFrom) {
        return store.commitTurn(turn, relaysFrom);
    }

    @Override
    public Optional<Conversation> conversation(long id) {
        return store.conversation(id);
    }

    @Override
    public Optional<StoredInbound> inbound(long inboundId) {
        return store.inbound(inboundId);
    }

    @Override
    public Optional<Conversation> find(ConversationKey key) {
        return store.find(key);
    }

    @Override
    public List<StoredInbound> unanswered(int limit) {
        return store.unanswered(limit);
    }

    @Override
    public List<ConversationEvent> log(long conversationId) {
        return store.log(conversationId);
    }

    @Override
    public List<Feedback> feedback(String entryId) {
        return store.feedback(entryId);
    }

    @Override
    public long conversationCount() {
        return store.conversationCount();
    }

    @Override
    public PurgeReport purge(Instant cutoff) {
        return store.purge(cutoff);
    }

    @Override
    public boolean forget(ConversationKey key) {
        return store.forget(key);
    }

    @Override
    public Map<String, Long> keptCounts() {
        return store.keptCounts();
    }
}
