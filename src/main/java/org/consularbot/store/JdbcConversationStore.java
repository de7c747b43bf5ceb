package org.consularbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.consularbot.conversation.Actor;
import org.consularbot.conversation.ConcurrentTurnException;
import org.consularbot.conversation.ContentKind;
import org.consularbot.conversation.Conversation;
import org.consularbot.conversation.ConversationEvent;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.ConversationState;
import org.consularbot.conversation.ConversationStore;
import org.consularbot.conversation.DeclaredEmergency;
import org.consularbot.conversation.Feedback;
import org.consularbot.conversation.InboundMessage;
import org.consularbot.conversation.OutboxEntry;
import org.consularbot.conversation.PurgeReport;
import org.consularbot.conversation.Reply;
import org.consularbot.conversation.StoredInbound;
import org.consularbot.conversation.TurnRecord;
import org.consularbot.faq.Language;

/**
 * Conversations in a relational database through plain JDBC: the same SQL on H2 and PostgreSQL. Every method
 * is one transaction. Deduplication rests on a unique constraint, not on a prior lookup, so it holds across
 * instances too; a turn commits only if the conversation's version is still the one it started from.
 */
public final class JdbcConversationStore implements ConversationStore {

    private final Transactions tx;
    private final JdbcOutbox outbox;
    private final JdbcConversationHistory history;
    private final Clock clock;
    /** On an H2 file: where each message is also written before the channel is told it is stored. */
    private final Optional<ReceiptJournal> receipts;

    public JdbcConversationStore(DataSource dataSource, Clock clock) {
        this(dataSource, clock, Optional.empty());
    }

    /** @param receipts the journal H2 needs to keep what it acknowledged through a kill (none on PostgreSQL) */
    public JdbcConversationStore(DataSource dataSource, Clock clock, Optional<ReceiptJournal> receipts) {
        this.tx = new Transactions(dataSource);
        this.outbox = new JdbcOutbox(tx);
        this.history = new JdbcConversationHistory(tx);
        this.clock = clock;
        this.receipts = receipts;
    }

    /**
     * Gives the database again every message in the receipt journal, at start-up before recovery: those it lost
     * when the last run was killed are stored (unanswered, so recovery answers them); the others are duplicates.
     *
     * @return how many messages the database had lost
     */
    public int restoreReceipts() {
        int restored = 0;
        for (InboundMessage message : receipts.map(ReceiptJournal::messages).orElse(List.of())) {
            if (!store(message).duplicate()) {
                restored++;
            }
        }
        return restored;
    }

    /** The outbox kept in the same database, so replies are queued in the turn's transaction. */
    public JdbcOutbox outbox() {
        return outbox;
    }

    @Override
    public StoredInbound recordInbound(InboundMessage message) {
        receipts.ifPresent(journal -> journal.append(message));
        return store(message);
    }

    private StoredInbound store(InboundMessage message) {
        return tx.inTransaction("storing a message", connection -> {
            Instant now = clock.instant();
            Conversation conversation = findOrOpen(connection, message.conversation(), now);
            Savepoint beforeInsert = connection.setSavepoint();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO inbound_messages (conversation_id, channel_message_id, user_id, kind, text, received_at, stored_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, conversation.id());
                insert.setString(2, message.channelMessageId());
                insert.setString(3, message.userId());
                insert.setString(4, message.kind().code());
                insert.setString(5, message.text());
                Transactions.setInstant(insert, 6, message.receivedAt());
                Transactions.setInstant(insert, 7, now);
                insert.executeUpdate();
                long id = Transactions.generatedId(insert);
                // A new message makes the conversation active again: retention must not delete it as idle.
                try (PreparedStatement touch =
                        connection.prepareStatement("UPDATE conversations SET updated_at = ? WHERE id = ?")) {
                    Transactions.setInstant(touch, 1, now);
                    touch.setLong(2, conversation.id());
                    touch.executeUpdate();
                }
                appendEvents(
                        connection,
                        conversation.id(),
                        List.of(ConversationEvent.of(
                                now,
                                Actor.CITIZEN,
                                ConversationEvent.Type.MESSAGE_RECEIVED,
                                message.kind().code() + " #" + id)));
                return new StoredInbound(id, conversation, message, false, false);
            } catch (SQLException e) {
                if (!Transactions.isUniqueViolation(e)) {
                    throw e;
                }
                connection.rollback(beforeInsert);
                return existing(connection, conversation, message);
            }
        });
    }

    private StoredInbound existing(Connection connection, Conversation conversation, InboundMessage redelivered)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, user_id, kind, text, received_at, handled_at FROM inbound_messages "
                        + "WHERE conversation_id = ? AND channel_message_id = ?")) {
            select.setLong(1, conversation.id());
            select.setString(2, redelivered.channelMessageId());
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                InboundMessage original = new InboundMessage(
                        conversation.key(),
                        rows.getString("user_id"),
                        redelivered.channelMessageId(),
                        ContentKind.fromCode(rows.getString("kind")),
                        rows.getString("text"),
                        Transactions.instant(rows, "received_at"));
                return new StoredInbound(
                        rows.getLong("id"), conversation, original, true, rows.getObject("handled_at") != null);
            }
        }
    }

    private Conversation findOrOpen(Connection connection, ConversationKey key, Instant now) throws SQLException {
        Optional<Conversation> found = ConversationRows.find(connection, key);
        if (found.isPresent()) {
            return found.get();
        }
        Savepoint beforeInsert = connection.setSavepoint();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO conversations (channel, chat_id, state, preferred_language, last_language, pending_choices, version, "
                        + "created_at, updated_at) VALUES (?, ?, ?, NULL, ?, '', 0, ?, ?)")) {
            insert.setString(1, key.channel());
            insert.setString(2, key.chatId());
            insert.setString(3, ConversationState.BOT_ANSWERING.code());
            insert.setString(4, Language.VI.code());
            Transactions.setInstant(insert, 5, now);
            Transactions.setInstant(insert, 6, now);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!Transactions.isUniqueViolation(e)) {
                throw e;
            }
            connection.rollback(beforeInsert); // opened by another instance at the same moment
        }
        return ConversationRows.find(connection, key)
                .orElseThrow(() -> new SQLException("conversation " + key + " vanished"));
    }

    @Override
    public List<OutboxEntry> commitTurn(TurnRecord turn, Instant relaysFrom) {
        return tx.inTransaction("committing a turn", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE conversations SET state = ?, preferred_language = ?, last_language = ?, pending_choices = ?, "
                            + "unanswered_streak = ?, last_entry = ?, last_country = COALESCE(?, last_country), "
                            + "last_emergency = COALESCE(?, last_emergency), last_emergency_at = COALESCE(?, last_emergency_at), "
                            + "last_emergency_alerted = COALESCE(?, last_emergency_alerted), version = version + 1, updated_at = ? "
                            + "WHERE id = ? AND version = ?")) {
                update.setString(1, turn.state().code());
                update.setString(2, turn.preferredLanguage().map(Language::code).orElse(null));
                update.setString(3, turn.lastLanguage().code());
                update.setString(4, String.join(" ", turn.pendingChoices()));
                update.setInt(5, turn.unansweredStreak());
                update.setString(6, turn.lastEntry().orElse(null));
                update.setString(7, turn.country().orElse(null));
                // a turn that declares no emergency keeps the one declared before (its three columns together)
                Optional<DeclaredEmergency> declared = turn.emergency();
                update.setString(8, declared.map(DeclaredEmergency::situation).orElse(null));
                Transactions.setInstant(
                        update, 9, declared.map(DeclaredEmergency::at).orElse(null));
                update.setObject(
                        10, declared.map(DeclaredEmergency::officersAlerted).orElse(null), Types.BOOLEAN);
                Transactions.setInstant(update, 11, turn.at());
                update.setLong(12, turn.conversationId());
                update.setLong(13, turn.expectedVersion());
                if (update.executeUpdate() != 1) {
                    throw new ConcurrentTurnException(turn.conversationId());
                }
            }
            try (PreparedStatement handled = connection.prepareStatement(
                    "UPDATE inbound_messages SET handled_at = ?, outcome = ? WHERE id = ?")) {
                Transactions.setInstant(handled, 1, turn.at());
                handled.setString(2, turn.outcome().code());
                handled.setLong(3, turn.inboundId());
                if (turn.inboundId() > 0) {
                    handled.executeUpdate();
                }
            }
            appendEvents(connection, turn.conversationId(), turn.events());
            List<OutboxEntry> queued = new ArrayList<>();
            ConversationKey key = ConversationRows.find(connection, turn.conversationId())
                    .orElseThrow()
                    .key();
            for (Reply reply : turn.replies()) {
                OutboxEntry entry = outbox.insert(
                        connection, turn.conversationId(), key, turn.inboundId(), reply, turn.at(), relaysFrom);
                queued.add(entry);
                appendEvents(
                        connection,
                        turn.conversationId(),
                        List.of(ConversationEvent.of(
                                turn.at(),
                                Actor.BOT,
                                ConversationEvent.Type.REPLY_QUEUED,
                                reply.kind().code()
                                        + reply.entryId().map(id -> " " + id).orElse("") + " #" + entry.id())));
            }
            if (turn.feedback().isPresent()) {
                Feedback feedback = turn.feedback().get();
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO feedback (conversation_id, entry_id, helpful, at) VALUES (?, ?, ?, ?)")) {
                    insert.setLong(1, turn.conversationId());
                    insert.setString(2, feedback.entryId());
                    insert.setBoolean(3, feedback.helpful());
                    Transactions.setInstant(insert, 4, feedback.at());
                    insert.executeUpdate();
                }
            }
            return queued;
        });
    }

    private static void appendEvents(Connection connection, long conversationId, List<ConversationEvent> events)
            throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO conversation_events (conversation_id, at, actor, type, from_state, to_state, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (ConversationEvent event : events) {
                insert.setLong(1, conversationId);
                Transactions.setInstant(insert, 2, event.at());
                insert.setString(3, event.actor().code());
                insert.setString(4, event.type().code());
                insert.setString(5, event.from().map(ConversationState::code).orElse(null));
                insert.setString(6, event.to().map(ConversationState::code).orElse(null));
                String detail = event.detail();
                insert.setString(7, detail.length() > 500 ? detail.substring(0, 500) : detail);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Override
    public Optional<Conversation> conversation(long id) {
        return tx.inTransaction("reading a conversation", connection -> ConversationRows.find(connection, id));
    }

    @Override
    public Optional<StoredInbound> inbound(long inboundId) {
        return tx.inTransaction("reading a message", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT conversation_id, channel_message_id, user_id, kind, text, received_at, handled_at "
                            + "FROM inbound_messages WHERE id = ?")) {
                select.setLong(1, inboundId);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.<StoredInbound>empty();
                    }
                    Conversation conversation = ConversationRows.find(connection, rows.getLong("conversation_id"))
                            .orElseThrow();
                    InboundMessage message = new InboundMessage(
                            conversation.key(),
                            rows.getString("user_id"),
                            rows.getString("channel_message_id"),
                            ContentKind.fromCode(rows.getString("kind")),
                            rows.getString("text"),
                            Transactions.instant(rows, "received_at"));
                    return Optional.of(new StoredInbound(
                            inboundId, conversation, message, false, rows.getObject("handled_at") != null));
                }
            }
        });
    }

    @Override
    public Optional<Conversation> find(ConversationKey key) {
        return tx.inTransaction("reading a conversation", connection -> ConversationRows.find(connection, key));
    }

    @Override
    public List<StoredInbound> unanswered(int limit) {
        return tx.inTransaction("listing unanswered messages", connection -> {
            List<StoredInbound> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT i.id AS inbound_id, i.channel_message_id, i.user_id, i.kind, i.text, i.received_at, "
                            + ConversationRows.COLUMNS
                            + " FROM inbound_messages i JOIN conversations c ON c.id = i.conversation_id"
                            + " WHERE i.handled_at IS NULL ORDER BY i.id LIMIT ?")) {
                select.setInt(1, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Conversation conversation = ConversationRows.conversation(rows);
                        InboundMessage message = new InboundMessage(
                                conversation.key(),
                                rows.getString("user_id"),
                                rows.getString("channel_message_id"),
                                ContentKind.fromCode(rows.getString("kind")),
                                rows.getString("text"),
                                Transactions.instant(rows, "received_at"));
                        found.add(new StoredInbound(rows.getLong("inbound_id"), conversation, message, true, false));
                    }
                }
            }
            return found;
        });
    }

    @Override
    public List<ConversationEvent> log(long conversationId) {
        return history.log(conversationId);
    }

    @Override
    public List<Feedback> feedback(String entryId) {
        return history.feedback(entryId);
    }

    @Override
    public long conversationCount() {
        return history.conversationCount();
    }

    @Override
    public Map<String, Long> keptCounts() {
        return history.keptCounts();
    }

    /** What conversations said and were sent, read for officers, Zalo's reply window and reports. */
    public JdbcConversationHistory history() {
        return history;
    }

    @Override
    public PurgeReport purge(Instant cutoff) {
        return tx.inTransaction("purging old content", connection -> new Retention(connection).purge(cutoff));
    }

    /**
     * Deletes everything stored about one conversation (a citizen withdrew consent), keeping anonymous counts.
     *
     * @return whether there was such a conversation
     */
    @Override
    public boolean forget(ConversationKey key) {
        // The journal first: were the process killed between the two, a replay must not bring back what the database
        // had deleted (the withdrawal was not acknowledged then, and the channel sends it again).
        if (receipts.isPresent()) {
            Set<Long> tickets = tx.inTransaction("reading a conversation's tickets", connection -> {
                Optional<Conversation> found = ConversationRows.find(connection, key);
                return found.isPresent()
                        ? new Retention(connection).tickets(found.get().id())
                        : Set.<Long>of();
            });
            receipts.get().forget(key, tickets); // with the officers' actions about them
        }
        return tx.inTransaction("forgetting a conversation", connection -> {
            Optional<Conversation> found = ConversationRows.find(connection, key);
            return found.isPresent()
                    && new Retention(connection).forget(found.get().id());
        });
    }
}
