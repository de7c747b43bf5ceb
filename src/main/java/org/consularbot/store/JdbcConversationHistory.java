package org.consularbot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.consularbot.conversation.Actor;
import org.consularbot.conversation.ConversationEvent;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.ConversationState;
import org.consularbot.conversation.Feedback;

/**
 * What conversations said and were sent, read but never written: the log and feedback, an officer's card's last
 * messages, Zalo's reply window (when the citizen last wrote, how many replies since) and the counts reports keep.
 * Kept apart from {@link JdbcConversationStore}, which owns the turn's writes.
 */
public final class JdbcConversationHistory {

    private final Transactions tx;

    JdbcConversationHistory(Transactions tx) {
        this.tx = tx;
    }

    /** A conversation's last text messages, oldest first: what an officer's ticket card shows. */
    public List<String> recentTexts(long conversationId, int limit) {
        return tx.inTransaction("reading recent messages", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT kind, text FROM inbound_messages "
                    + "WHERE conversation_id = ? ORDER BY id DESC LIMIT ?")) {
                select.setLong(1, conversationId);
                select.setInt(2, limit);
                List<String> texts = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String text = rows.getString("text");
                        String kind = rows.getString("kind");
                        texts.add(
                                0,
                                "text".equals(kind) || "button".equals(kind)
                                        ? text
                                        : "[" + kind + "] " + (text == null ? "" : text));
                    }
                }
                return texts;
            }
        });
    }

    public List<ConversationEvent> log(long conversationId) {
        return tx.inTransaction("reading a conversation log", connection -> {
            List<ConversationEvent> events = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT at, actor, type, from_state, to_state, detail FROM conversation_events WHERE conversation_id = ? ORDER BY id")) {
                select.setLong(1, conversationId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        events.add(new ConversationEvent(
                                Transactions.instant(rows, "at"),
                                Actor.fromCode(rows.getString("actor")),
                                ConversationEvent.Type.fromCode(rows.getString("type")),
                                Optional.ofNullable(rows.getString("from_state"))
                                        .map(ConversationState::fromCode),
                                Optional.ofNullable(rows.getString("to_state")).map(ConversationState::fromCode),
                                rows.getString("detail")));
                    }
                }
            }
            return events;
        });
    }

    public List<Feedback> feedback(String entryId) {
        return tx.inTransaction("reading feedback", connection -> {
            List<Feedback> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT entry_id, helpful, at FROM feedback WHERE entry_id = ? ORDER BY id")) {
                select.setString(1, entryId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(new Feedback(
                                rows.getString("entry_id"),
                                rows.getBoolean("helpful"),
                                Transactions.instant(rows, "at")));
                    }
                }
            }
            return found;
        });
    }

    public long conversationCount() {
        return tx.inTransaction("counting conversations", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM conversations");
                    ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** When the citizen last wrote in this conversation, if ever. */
    public Optional<Instant> lastCitizenMessage(ConversationKey key) {
        return tx.inTransaction("reading a conversation", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT MAX(i.received_at) AS at FROM inbound_messages i "
                            + "JOIN conversations c ON c.id = i.conversation_id WHERE c.channel = ? AND c.chat_id = ?")) {
                select.setString(1, key.channel());
                select.setString(2, key.chatId());
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next()
                            ? Optional.ofNullable(Transactions.instant(rows, "at"))
                            : Optional.<Instant>empty();
                }
            }
        });
    }

    /** How many replies went out to this conversation since {@code since}. */
    public int repliesSentSince(ConversationKey key, Instant since) {
        return tx.inTransaction("counting replies", connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT COUNT(*) FROM outbox o JOIN conversations c "
                            + "ON c.id = o.conversation_id WHERE c.channel = ? AND c.chat_id = ? AND o.sent_at >= ?")) {
                select.setString(1, key.channel());
                select.setString(2, key.chatId());
                Transactions.setInstant(select, 3, since);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    public Map<String, Long> keptCounts() {
        return tx.inTransaction("reading counts", connection -> Retention.totals(connection));
    }
}
