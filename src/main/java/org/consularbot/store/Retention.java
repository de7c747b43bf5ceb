package org.consularbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.consularbot.conversation.PurgeReport;

/**
 * The retention purge, inside the caller's transaction: count what is about to go into {@code daily_counts}
 * (UTC days, per channel), then delete it. Citizens' words and chat ids do not outlive the retention period;
 * the numbers for reports and the anonymous feedback do.
 */
final class Retention {

    private record Key(LocalDate day, String channel, String metric) {}

    private final Connection connection;

    Retention(Connection connection) {
        this.connection = connection;
    }

    PurgeReport purge(Instant cutoff) throws SQLException {
        Map<Key, Long> counts = new HashMap<>();
        count(
                counts,
                "SELECT i.received_at AS at, c.channel, i.kind AS what FROM inbound_messages i "
                        + "JOIN conversations c ON c.id = i.conversation_id WHERE i.stored_at < ?",
                "messages.",
                cutoff);
        count(
                counts,
                "SELECT o.created_at AS at, c.channel, o.kind AS what FROM outbox o "
                        + "JOIN conversations c ON c.id = o.conversation_id WHERE o.created_at < ?",
                "replies.",
                cutoff);
        count(
                counts,
                "SELECT c.created_at AS at, c.channel, 'opened' AS what FROM conversations c WHERE c.updated_at < ?",
                "conversations.",
                cutoff);
        for (Map.Entry<Key, Long> entry : counts.entrySet()) {
            add(entry.getKey(), entry.getValue());
        }
        update("UPDATE feedback SET conversation_id = NULL WHERE at < ?", cutoff);
        long replies = update("DELETE FROM outbox WHERE created_at < ?", cutoff);
        long messages = update("DELETE FROM inbound_messages WHERE stored_at < ?", cutoff);
        long events = update("DELETE FROM conversation_events WHERE at < ?", cutoff);
        // Officers' copies of citizens' messages (cards, relays) and notes go with the same age; tickets closed
        // before it too (a conversation deleted below takes its tickets and their outbox with it).
        update("DELETE FROM officer_outbox WHERE created_at < ?", cutoff);
        update("DELETE FROM ticket_events WHERE at < ?", cutoff);
        update("DELETE FROM tickets WHERE status = 'closed' AND closed_at < ?", cutoff);
        // Which emergency a citizen declared is as personal as their words: it goes at the same age, the
        // conversation staying.
        update(
                "UPDATE conversations SET last_emergency = NULL, last_emergency_at = NULL, last_emergency_alerted = NULL "
                        + "WHERE last_emergency_at < ?",
                cutoff);
        long conversations = update("DELETE FROM conversations WHERE updated_at < ?", cutoff);
        return new PurgeReport(messages, replies, events, conversations);
    }

    /** The conversation's tickets, whose officers' actions {@link #forget} deletes too. */
    Set<Long> tickets(long conversationId) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT id FROM tickets WHERE conversation_id = ?")) {
            select.setLong(1, conversationId);
            Set<Long> ids = new HashSet<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    /**
     * A citizen withdrew consent: what the database holds about their conversation goes (messages, replies, log,
     * tickets and officers' copies by cascade, officers' notes on its tickets, officers' actions about them), after it
     * is added to the anonymous daily counts. Feedback stays, anonymous.
     *
     * @return whether there was anything to forget
     */
    boolean forget(long conversationId) throws SQLException {
        Map<Key, Long> counts = new HashMap<>();
        countFor(
                counts,
                "SELECT i.received_at AS at, c.channel, i.kind AS what FROM inbound_messages i "
                        + "JOIN conversations c ON c.id = i.conversation_id WHERE c.id = ?",
                "messages.",
                conversationId);
        countFor(
                counts,
                "SELECT o.created_at AS at, c.channel, o.kind AS what FROM outbox o "
                        + "JOIN conversations c ON c.id = o.conversation_id WHERE c.id = ?",
                "replies.",
                conversationId);
        countFor(
                counts,
                "SELECT c.created_at AS at, c.channel, 'opened' AS what FROM conversations c WHERE c.id = ?",
                "conversations.",
                conversationId);
        for (Map.Entry<Key, Long> entry : counts.entrySet()) {
            add(entry.getKey(), entry.getValue());
        }
        try (PreparedStatement feedback =
                connection.prepareStatement("UPDATE feedback SET conversation_id = NULL WHERE conversation_id = ?")) {
            feedback.setLong(1, conversationId);
            feedback.executeUpdate();
        }
        // The tickets' audit has no foreign key (it also records refusals on no ticket): officers' notes and replies
        // about this citizen go here, or their personal data would outlive the withdrawal.
        try (PreparedStatement events = connection.prepareStatement(
                "DELETE FROM ticket_events WHERE ticket_id IN (SELECT id FROM tickets WHERE conversation_id = ?)")) {
            events.setLong(1, conversationId);
            events.executeUpdate();
        }
        // Officers' actions about its tickets not yet carried out (a crash, the database away): their text may quote
        // the citizen. Handled ones kept only their ticket number, gone with them too.
        try (PreparedStatement actions = connection.prepareStatement(
                "DELETE FROM officer_inbox WHERE ticket_id IN (SELECT id FROM tickets WHERE conversation_id = ?)")) {
            actions.setLong(1, conversationId);
            actions.executeUpdate();
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM conversations WHERE id = ?")) {
            delete.setLong(1, conversationId);
            return delete.executeUpdate() == 1;
        }
    }

    private void countFor(Map<Key, Long> counts, String sql, String prefix, long conversationId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, conversationId);
            count(counts, select, prefix);
        }
    }

    private void count(Map<Key, Long> counts, String sql, String prefix, Instant cutoff) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            Transactions.setInstant(select, 1, cutoff);
            count(counts, select, prefix);
        }
    }

    /** Adds each row (at, channel, what) to the day's count for its channel and metric. */
    private static void count(Map<Key, Long> counts, PreparedStatement select, String prefix) throws SQLException {
        select.setFetchSize(1000);
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                LocalDate day = LocalDate.ofInstant(Transactions.instant(rows, "at"), ZoneOffset.UTC);
                counts.merge(new Key(day, rows.getString("channel"), prefix + rows.getString("what")), 1L, Long::sum);
            }
        }
    }

    private void add(Key key, long count) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE daily_counts SET total = total + ? WHERE on_day = ? AND channel = ? AND metric = ?")) {
            update.setLong(1, count);
            update.setObject(2, key.day());
            update.setString(3, key.channel());
            update.setString(4, key.metric());
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO daily_counts (on_day, channel, metric, total) VALUES (?, ?, ?, ?)")) {
            insert.setObject(1, key.day());
            insert.setString(2, key.channel());
            insert.setString(3, key.metric());
            insert.setLong(4, count);
            insert.executeUpdate();
        }
    }

    private long update(String sql, Instant cutoff) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Transactions.setInstant(statement, 1, cutoff);
            return statement.executeUpdate();
        }
    }

    static Map<String, Long> totals(Connection connection) throws SQLException {
        Map<String, Long> totals = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                        "SELECT metric, SUM(total) AS total FROM daily_counts GROUP BY metric");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                totals.put(rows.getString("metric"), rows.getLong("total"));
            }
        }
        return new LinkedHashMap<>(totals);
    }
}
