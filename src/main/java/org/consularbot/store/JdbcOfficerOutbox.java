package org.consularbot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
        return tx.inTransaction("listing messages for officers", connection -> {
            // Never given up: a card or an alarm must reach the officers however long their channel is down.
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT id, ticket_id, kind, text, mention FROM officer_outbox "
                            + "WHERE sent_at IS NULL ORDER BY id LIMIT ?")) {
                select.setInt(1, limit);
                List<OfficerMessage> messages = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        long ticket = rows.getLong("ticket_id");
                        Optional<Long> ticketId = rows.wasNull() ? Optional.empty() : Optional.of(ticket);
                        String mention = rows.getString("mention");
                        messages.add(new OfficerMessage(
                                rows.getLong("id"),
                                ticketId,
                                OfficerMessage.Kind.fromCode(rows.getString("kind")),
                                rows.getString("text"),
                                mention == null ? List.of() : Arrays.asList(mention.split(","))));
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
                    "UPDATE officer_outbox SET sent_at = ?, channel_message_id = ? WHERE id = ?")) {
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
