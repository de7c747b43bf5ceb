package org.consularbot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.consularbot.handoff.OfficerMessage;
import org.consularbot.handoff.OfficerOutbox;

/** The officer_outbox table: messages for the officers' channel, kept until it took them. */
public final class JdbcOfficerOutbox implements OfficerOutbox {

    private final Transactions tx;

    public JdbcOfficerOutbox(DataSource dataSource) {
        this.tx = new Transactions(dataSource);
    }

    @Override
    public void enqueue(
            Optional<Long> ticketId, OfficerMessage.Kind kind, String text, List<String> mention, Instant now) {
        tx.inTransaction("queueing a message for officers", connection -> {
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO officer_outbox (ticket_id, kind, text, mention, "
                            + "created_at, attempts) VALUES (?, ?, ?, ?, ?, 0)")) {
                if (ticketId.isPresent()) {
                    insert.setLong(1, ticketId.get());
                } else {
                    insert.setNull(1, Types.BIGINT);
                }
                insert.setString(2, kind.code());
                insert.setString(3, text);
                insert.setString(4, mention.isEmpty() ? null : String.join(",", mention));
                Transactions.setInstant(insert, 5, now);
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public List<OfficerMessage> unsent(int limit) {
        // Never given up: a card or an alarm must reach the officers however long their channel is down. Urgent
        // tickets' cards and alarms first: strictly oldest first, one citizen's flood of relays held up another
        // citizen's emergency card for minutes behind the officers' group's rate limit.
        return select(
                "listing messages for officers",
                SELECT + "WHERE o.sent_at IS NULL ORDER BY urgent DESC, o.id LIMIT ?",
                statement -> statement.setInt(1, limit));
    }

    @Override
    public List<OfficerMessage> after(long afterId, int limit) {
        return select("following messages for officers", SELECT + "WHERE o.id > ? ORDER BY o.id LIMIT ?", statement -> {
            statement.setLong(1, afterId);
            statement.setInt(2, limit);
        });
    }

    @Override
    public long deliveredUpTo() {
        return tx.inTransaction("finding where officers' messages wait", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                            "SELECT (SELECT MIN(id) FROM officer_outbox WHERE sent_at IS NULL), "
                                    + "(SELECT MAX(id) FROM officer_outbox)");
                    ResultSet rows = select.executeQuery()) {
                rows.next();
                long firstUnsent = rows.getLong(1);
                if (!rows.wasNull()) {
                    return firstUnsent - 1;
                }
                return rows.getLong(2); // 0 when there is none
            }
        });
    }

    @Override
    public List<Posted> latestNotRelayed(int limit) {
        return posted(
                "listing the officers' latest messages",
                SELECT + "WHERE o.kind <> 'relay' ORDER BY o.id DESC LIMIT ?",
                statement -> statement.setInt(1, limit));
    }

    @Override
    public long latestNotRelayedId() {
        return tx.inTransaction("finding the officers' latest message", connection -> {
            try (PreparedStatement select =
                            connection.prepareStatement("SELECT MAX(id) FROM officer_outbox WHERE kind <> 'relay'");
                    ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1); // 0 when there is none
            }
        });
    }

    private static final String SELECT = "SELECT o.id, o.ticket_id, o.kind, o.text, o.mention, o.created_at, "
            + "CASE WHEN o.kind = 'alarm' OR (o.kind = 'card' AND t.priority = 'urgent') THEN 1 ELSE 0 END AS urgent "
            + "FROM officer_outbox o LEFT JOIN tickets t ON t.id = o.ticket_id ";

    private interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    private List<OfficerMessage> select(String what, String sql, Parameters parameters) {
        return posted(what, sql, parameters).stream().map(Posted::message).toList();
    }

    private List<Posted> posted(String what, String sql, Parameters parameters) {
        return tx.inTransaction(what, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                parameters.set(select);
                List<Posted> messages = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        long ticket = rows.getLong("ticket_id");
                        Optional<Long> ticketId = rows.wasNull() ? Optional.empty() : Optional.of(ticket);
                        String mention = rows.getString("mention");
                        messages.add(new Posted(
                                new OfficerMessage(
                                        rows.getLong("id"),
                                        ticketId,
                                        OfficerMessage.Kind.fromCode(rows.getString("kind")),
                                        rows.getString("text"),
                                        mention == null ? List.of() : Arrays.asList(mention.split(",")),
                                        rows.getInt("urgent") == 1),
                                Transactions.instant(rows, "created_at")));
                    }
                }
                return messages;
            }
        });
    }

    /** Messages waiting for the officers' channel, for the backlog metric. */
    public long countUnsent() {
        return tx.inTransaction("counting messages for officers", connection -> {
            try (PreparedStatement select =
                            connection.prepareStatement("SELECT COUNT(*) FROM officer_outbox WHERE sent_at IS NULL");
                    ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    @Override
    public void markSent(long id, String channelMessageId, Instant at) {
        tx.inTransaction("marking a message for officers sent", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE officer_outbox SET sent_at = ?, channel_message_id = ? WHERE id = ? AND sent_at IS NULL")) {
                Transactions.setInstant(update, 1, at);
                update.setString(2, channelMessageId);
                update.setLong(3, id);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public void markFailed(long id) {
        tx.inTransaction("recording a failed message for officers", connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE officer_outbox SET attempts = attempts + 1 WHERE id = ?")) {
                update.setLong(1, id);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Long> ticketOfChannelMessage(String channelMessageId) {
        return tx.inTransaction("finding a ticket", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT ticket_id FROM officer_outbox WHERE channel_message_id = ? AND ticket_id IS NOT NULL")) {
                select.setString(1, channelMessageId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getLong(1)) : Optional.<Long>empty();
                }
            }
        });
    }
}
