package org.consularbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.consularbot.conversation.Conversation;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.ConversationState;
import org.consularbot.conversation.DeclaredEmergency;
import org.consularbot.faq.Language;

/** A conversation's row: the columns read, the row turned into a {@link Conversation}, and the look-ups by key or id. */
final class ConversationRows {

    static final String COLUMNS =
            "c.id, c.channel, c.chat_id, c.state, c.preferred_language, c.last_language, c.pending_choices, c.unanswered_streak, c.version, "
                    + "c.created_at, c.updated_at, c.last_entry, c.last_country, c.last_emergency, c.last_emergency_at, c.last_emergency_alerted";

    private ConversationRows() {}

    static Optional<Conversation> find(Connection connection, ConversationKey key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM conversations c WHERE c.channel = ? AND c.chat_id = ?")) {
            select.setString(1, key.channel());
            select.setString(2, key.chatId());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(conversation(rows)) : Optional.empty();
            }
        }
    }

    static Optional<Conversation> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT " + COLUMNS + " FROM conversations c WHERE c.id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(conversation(rows)) : Optional.empty();
            }
        }
    }

    static Conversation conversation(ResultSet rows) throws SQLException {
        String pending = rows.getString("pending_choices");
        return new Conversation(
                rows.getLong("id"),
                new ConversationKey(rows.getString("channel"), rows.getString("chat_id")),
                ConversationState.fromCode(rows.getString("state")),
                Language.fromCode(rows.getString("preferred_language")),
                Language.fromCode(rows.getString("last_language")).orElse(Language.VI),
                pending == null || pending.isBlank() ? List.of() : Arrays.asList(pending.split(" ")),
                rows.getInt("unanswered_streak"),
                rows.getLong("version"),
                Transactions.instant(rows, "created_at"),
                Transactions.instant(rows, "updated_at"),
                Optional.ofNullable(rows.getString("last_entry")),
                Optional.ofNullable(rows.getString("last_country")),
                lastEmergency(rows));
    }

    private static Optional<DeclaredEmergency> lastEmergency(ResultSet rows) throws SQLException {
        String situation = rows.getString("last_emergency");
        Instant at = Transactions.instant(rows, "last_emergency_at");
        return situation == null || at == null
                ? Optional.empty()
                : Optional.of(new DeclaredEmergency(situation, at, rows.getBoolean("last_emergency_alerted")));
    }
}
