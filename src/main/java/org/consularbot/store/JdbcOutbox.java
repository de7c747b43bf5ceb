package org.consularbot.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.consularbot.conversation.Button;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.Outbox;
import org.consularbot.conversation.OutboxEntry;
import org.consularbot.conversation.Reply;
import org.consularbot.conversation.ReplyKind;

/** The outbox table: replies queued in the turn's transaction, marked sent once the channel took them. */
public final class JdbcOutbox implements Outbox {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SELECT =
            "SELECT o.id, o.conversation_id, c.channel, c.chat_id, o.kind, o.entry_id, o.text, "
                    + "o.buttons, o.created_at, o.attempts FROM outbox o JOIN conversations c ON c.id = o.conversation_id ";

    private final Transactions tx;

    JdbcOutbox(Transactions tx) {
        this.tx = tx;
    }

    OutboxEntry insert(
            Connection connection,
            long conversationId,
            ConversationKey key,
            long inboundId,
            Reply reply,
            Instant at,
            Instant relaysFrom)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outbox (conversation_id, inbound_id, kind, entry_id, text, buttons, created_at, attempts, next_attempt_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, conversationId);
            if (inboundId > 0) {
                insert.setLong(2, inboundId);
            } else {
                insert.setNull(2, Types.BIGINT); // an officer's turn answers no citizen message
            }
            insert.setString(3, reply.kind().code());
            insert.setString(4, reply.entryId().orElse(null));
            insert.setString(5, reply.text());
            insert.setString(6, buttons(reply));
            Transactions.setInstant(insert, 7, at);
            Transactions.setInstant(insert, 8, relaysFrom.isAfter(at) ? relaysFrom : null);
            insert.executeUpdate();
            return new OutboxEntry(Transactions.generatedId(insert), conversationId, key, reply, at, 0);
        }
    }

    @Override
    public List<OutboxEntry> unsent(int limit) {
        return tx.inTransaction("listing unsent replies", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    SELECT + "WHERE o.sent_at IS NULL AND o.attempts < ? ORDER BY o.id LIMIT ?")) {
                select.setInt(1, MAX_ATTEMPTS);
                select.setInt(2, limit);
                return read(select);
            }
        });
    }

    /** Replies waiting to be sent (attempts left), for the backlog metric. */
    public long countUnsent() {
        return tx.inTransaction("counting unsent replies", connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND attempts < ?")) {
                select.setInt(1, MAX_ATTEMPTS);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    @Override
    public List<OutboxEntry> due(int limit, Instant now) {
        return tx.inTransaction("listing replies due for another attempt", connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement(SELECT + "WHERE o.sent_at IS NULL AND o.attempts < ? "
                            + "AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?) ORDER BY o.id LIMIT ?")) {
                select.setInt(1, MAX_ATTEMPTS);
                Transactions.setInstant(select, 2, now);
                select.setInt(3, limit);
                return read(select);
            }
        });
    }

    @Override
    public boolean claim(long outboxId, Instant dueBy, Instant leasedUntil) {
        return tx.inTransaction("claiming a reply", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE outbox SET next_attempt_at = ? WHERE id = ? "
                            + "AND sent_at IS NULL AND attempts < ? AND (next_attempt_at IS NULL OR next_attempt_at <= ?)")) {
                Transactions.setInstant(update, 1, leasedUntil);
                update.setLong(2, outboxId);
                update.setInt(3, MAX_ATTEMPTS);
                Transactions.setInstant(update, 4, dueBy);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<OutboxEntry> unsent(long conversationId) {
        return tx.inTransaction("listing a conversation's unsent replies", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    SELECT + "WHERE o.conversation_id = ? AND o.sent_at IS NULL AND o.attempts < ? ORDER BY o.id")) {
                select.setLong(1, conversationId);
                select.setInt(2, MAX_ATTEMPTS);
                return read(select);
            }
        });
    }

    @Override
    public List<OutboxEntry> replies(long conversationId) {
        return tx.inTransaction("listing replies", connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement(SELECT + "WHERE o.conversation_id = ? ORDER BY o.id")) {
                select.setLong(1, conversationId);
                return read(select);
            }
        });
    }

    @Override
    public void markSent(long outboxId, Instant at) {
        tx.inTransaction("marking a reply sent", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE outbox SET sent_at = ? WHERE id = ?")) {
                Transactions.setInstant(update, 1, at);
                update.setLong(2, outboxId);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public void markFailed(long outboxId, String error, boolean permanent, Instant notBefore) {
        tx.inTransaction("recording a failed send", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE outbox SET attempts = "
                    + (permanent ? "?" : "attempts + 1") + ", last_error = ?, next_attempt_at = ? WHERE id = ?")) {
                int i = 1;
                if (permanent) {
                    update.setInt(i++, MAX_ATTEMPTS);
                }
                String message = error == null ? "" : error;
                update.setString(i++, message.length() > 500 ? message.substring(0, 500) : message);
                Transactions.setInstant(update, i++, notBefore);
                update.setLong(i, outboxId);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public void markHeld(long outboxId, String why, Instant notBefore) {
        tx.inTransaction("holding a reply", connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE outbox SET last_error = ?, next_attempt_at = ? WHERE id = ?")) {
                String message = why == null ? "" : why;
                update.setString(1, message.length() > 500 ? message.substring(0, 500) : message);
                Transactions.setInstant(update, 2, notBefore);
                update.setLong(3, outboxId);
                return update.executeUpdate();
            }
        });
    }

    private static List<OutboxEntry> read(PreparedStatement select) throws SQLException {
        List<OutboxEntry> entries = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String buttons = rows.getString("buttons");
                Reply reply = new Reply(
                        ReplyKind.fromCode(rows.getString("kind")),
                        rows.getString("text"),
                        buttons(buttons, "choices"),
                        buttons(buttons, "feedback"),
                        Optional.ofNullable(rows.getString("entry_id")));
                entries.add(new OutboxEntry(
                        rows.getLong("id"),
                        rows.getLong("conversation_id"),
                        new ConversationKey(rows.getString("channel"), rows.getString("chat_id")),
                        reply,
                        Transactions.instant(rows, "created_at"),
                        rows.getInt("attempts")));
            }
        }
        return entries;
    }

    private static String buttons(Reply reply) {
        if (reply.choices().isEmpty() && reply.feedback().isEmpty()) {
            return null;
        }
        ObjectNode node = JSON.createObjectNode();
        write(node.putArray("choices"), reply.choices());
        write(node.putArray("feedback"), reply.feedback());
        return node.toString();
    }

    private static void write(ArrayNode array, List<Button> buttons) {
        for (Button button : buttons) {
            array.addObject().put("label", button.label()).put("payload", button.payload());
        }
    }

    private static List<Button> buttons(String json, String group) throws SQLException {
        if (json == null) {
            return List.of();
        }
        try {
            List<Button> buttons = new ArrayList<>();
            for (JsonNode node : JSON.readTree(json).path(group)) {
                buttons.add(new Button(
                        node.path("label").asText(), node.path("payload").asText()));
            }
            return buttons;
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable buttons in the outbox", e);
        }
    }
}
