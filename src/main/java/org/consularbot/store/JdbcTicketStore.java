package org.consularbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.faq.Language;
import org.consularbot.handoff.Ticket;
import org.consularbot.handoff.TicketStatus;
import org.consularbot.handoff.TicketStore;

/**
 * Tickets in the database. Take, release and close are single conditional UPDATEs on the status, so exactly one of
 * two concurrent officers (or instances) wins; opening checks for an open ticket of the conversation under a row
 * lock on the conversation, so one conversation never gets two.
 */
public final class JdbcTicketStore implements TicketStore {

    private static final String SELECT =
            "SELECT t.id, t.conversation_id, c.channel, c.chat_id, t.priority, t.language, t.topic, "
                    + "t.reason, t.status, t.officer_id, t.created_at, t.queued_at, t.first_reply_at, t.closed_at, t.sla_level, "
                    + "t.unanswered_since "
                    + "FROM tickets t JOIN conversations c ON c.id = t.conversation_id ";

    private final Transactions tx;

    public JdbcTicketStore(DataSource dataSource) {
        this.tx = new Transactions(dataSource);
    }

    @Override
    public Opened openOrRaise(
            long conversationId,
            Ticket.Priority priority,
            Language language,
            Optional<String> topic,
            String reason,
            Instant now) {
        return tx.inTransaction("opening a ticket", connection -> {
            try (PreparedStatement lock =
                    connection.prepareStatement("SELECT id FROM conversations WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, conversationId);
                lock.executeQuery().close();
            }
            Optional<Ticket> open = openFor(connection, conversationId);
            if (open.isPresent()) {
                Ticket ticket = open.get();
                if (priority == Ticket.Priority.URGENT && ticket.priority() != Ticket.Priority.URGENT) {
                    try (PreparedStatement raise = connection.prepareStatement(
                            "UPDATE tickets SET priority = 'urgent', sla_level = 0, version = version + 1 WHERE id = ?")) {
                        raise.setLong(1, ticket.id());
                        raise.executeUpdate();
                    }
                    return new Opened(find(connection, ticket.id()).orElseThrow(), false, true);
                }
                return new Opened(ticket, false, false);
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO tickets (conversation_id, priority, language, topic, "
                            + "reason, status, created_at, queued_at, sla_level, version) VALUES (?, ?, ?, ?, ?, 'queued', ?, ?, 0, 0)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, conversationId);
                insert.setString(2, priority.code());
                insert.setString(3, language.code());
                insert.setString(4, topic.orElse(null));
                insert.setString(5, reason.length() > 200 ? reason.substring(0, 200) : reason);
                Transactions.setInstant(insert, 6, now);
                Transactions.setInstant(insert, 7, now);
                insert.executeUpdate();
                return new Opened(
                        find(connection, Transactions.generatedId(insert)).orElseThrow(), true, false);
            }
        });
    }

    @Override
    public Optional<Ticket> find(long id) {
        return tx.inTransaction("reading a ticket", connection -> find(connection, id));
    }

    @Override
    public Optional<Ticket> openFor(long conversationId) {
        return tx.inTransaction("reading a ticket", connection -> openFor(connection, conversationId));
    }

    @Override
    public List<Ticket> open() {
        return tx.inTransaction("listing tickets", connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT + "WHERE t.status <> 'closed' "
                    + "ORDER BY CASE WHEN t.priority = 'urgent' THEN 0 ELSE 1 END, t.created_at, t.id")) {
                return read(select);
            }
        });
    }

    @Override
    public boolean take(long id, String officerId, Instant now) {
        return tx.inTransaction("taking a ticket", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE tickets SET status = 'assigned', officer_id = ?, unanswered_since = ?, "
                            + "version = version + 1 WHERE id = ? AND status = 'queued'")) {
                update.setString(1, officerId);
                Transactions.setInstant(update, 2, now);
                update.setLong(3, id);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean release(long id, Instant now) {
        return tx.inTransaction("releasing a ticket", connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE tickets SET status = 'queued', officer_id = NULL, "
                            + "queued_at = ?, first_reply_at = NULL, sla_level = 0, unanswered_since = NULL, version = version + 1 "
                            + "WHERE id = ? AND status = 'assigned'")) {
                Transactions.setInstant(update, 1, now);
                update.setLong(2, id);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean reassign(long id, String fromOfficerId, String toOfficerId, Instant now) {
        return tx.inTransaction("handing a ticket to another officer", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE tickets SET officer_id = ?, unanswered_since = ?, version = version + 1 "
                            + "WHERE id = ? AND status = 'assigned' AND officer_id = ?")) {
                update.setString(1, toOfficerId);
                Transactions.setInstant(update, 2, now);
                update.setLong(3, id);
                update.setString(4, fromOfficerId);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean requeueSilent(long id, String officerId, Instant silentSince, Instant now) {
        return tx.inTransaction("putting a ticket back in the queue", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE tickets SET status = 'queued', officer_id = NULL, queued_at = ?, first_reply_at = NULL, "
                            + "sla_level = 0, unanswered_since = NULL, version = version + 1 WHERE id = ? "
                            + "AND status = 'assigned' AND officer_id = ? AND unanswered_since <= ?")) {
                Transactions.setInstant(update, 1, now);
                update.setLong(2, id);
                update.setString(3, officerId);
                Transactions.setInstant(update, 4, silentSince);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean close(long id, Instant now) {
        return tx.inTransaction("closing a ticket", connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE tickets SET status = 'closed', closed_at = ?, "
                            + "version = version + 1 WHERE id = ? AND status <> 'closed'")) {
                Transactions.setInstant(update, 1, now);
                update.setLong(2, id);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void officerReplied(long id, Instant now) {
        tx.inTransaction("recording an officer's reply", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE tickets SET first_reply_at = COALESCE(first_reply_at, ?), unanswered_since = NULL "
                            + "WHERE id = ?")) {
                Transactions.setInstant(update, 1, now);
                update.setLong(2, id);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public void citizenWaiting(long id, Instant now) {
        tx.inTransaction("recording a citizen waiting", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE tickets SET unanswered_since = ? "
                    + "WHERE id = ? AND status = 'assigned' AND unanswered_since IS NULL")) {
                Transactions.setInstant(update, 1, now);
                update.setLong(2, id);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public List<Ticket> awaitingHolder() {
        return tx.inTransaction("listing tickets", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    SELECT
                            + "WHERE t.status = 'assigned' AND t.unanswered_since IS NOT NULL ORDER BY t.unanswered_since, t.id")) {
                return read(select);
            }
        });
    }

    @Override
    public boolean claimRelayAck(long id, Instant now, Duration gap) {
        return tx.inTransaction("claiming an acknowledgement", connection -> {
            // The ticket's row lock orders claims of one ticket, across instances: no insert race to lose.
            try (PreparedStatement lock =
                    connection.prepareStatement("SELECT id FROM tickets WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, id);
                try (ResultSet rows = lock.executeQuery()) {
                    if (!rows.next()) {
                        return false;
                    }
                }
            }
            Instant last = null;
            boolean known = false;
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT last_ack_at FROM relay_acks WHERE ticket_id = ?")) {
                select.setLong(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        known = true;
                        last = Transactions.instant(rows, "last_ack_at");
                    }
                }
            }
            if (known && last.plus(gap).isAfter(now)) {
                return false;
            }
            try (PreparedStatement write = connection.prepareStatement(
                    known
                            ? "UPDATE relay_acks SET last_ack_at = ? WHERE ticket_id = ?"
                            : "INSERT INTO relay_acks (last_ack_at, ticket_id) VALUES (?, ?)")) {
                Transactions.setInstant(write, 1, now);
                write.setLong(2, id);
                write.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public List<Ticket> awaitingFirstReply() {
        return tx.inTransaction("listing tickets", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    SELECT + "WHERE t.status <> 'closed' AND t.first_reply_at IS NULL ORDER BY t.created_at")) {
                return read(select);
            }
        });
    }

    @Override
    public boolean raiseSla(long id, int level) {
        return tx.inTransaction("recording an alarm", connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE tickets SET sla_level = ? WHERE id = ? AND sla_level < ?")) {
                update.setInt(1, level);
                update.setLong(2, id);
                update.setInt(3, level);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void audit(Optional<Long> ticketId, String actor, String action, String detail, Instant at) {
        tx.inTransaction("auditing", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO ticket_events (ticket_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?)")) {
                if (ticketId.isPresent()) {
                    insert.setLong(1, ticketId.get());
                } else {
                    insert.setNull(1, Types.BIGINT);
                }
                Transactions.setInstant(insert, 2, at);
                insert.setString(3, cut(actor, 64));
                insert.setString(4, cut(action, 32));
                insert.setString(5, cut(detail, 500));
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public List<Event> events(long ticketId) {
        return tx.inTransaction("reading the audit trail", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT ticket_id, at, actor, action, detail FROM ticket_events WHERE ticket_id = ? ORDER BY id")) {
                select.setLong(1, ticketId);
                List<Event> events = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        events.add(new Event(
                                Optional.of(rows.getLong("ticket_id")),
                                Transactions.instant(rows, "at"),
                                rows.getString("actor"),
                                rows.getString("action"),
                                rows.getString("detail")));
                    }
                }
                return events;
            }
        });
    }

    /** Refused attempts not tied to a ticket (e.g. an unknown number), newest last: for the audit report. */
    public List<Event> eventsWithoutTicket() {
        return tx.inTransaction("reading the audit trail", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT at, actor, action, detail FROM ticket_events WHERE ticket_id IS NULL ORDER BY id")) {
                List<Event> events = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        events.add(new Event(
                                Optional.empty(),
                                Transactions.instant(rows, "at"),
                                rows.getString("actor"),
                                rows.getString("action"),
                                rows.getString("detail")));
                    }
                }
                return events;
            }
        });
    }

    private static Optional<Ticket> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT + "WHERE t.id = ?")) {
            select.setLong(1, id);
            return read(select).stream().findFirst();
        }
    }

    private static Optional<Ticket> openFor(Connection connection, long conversationId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                SELECT + "WHERE t.conversation_id = ? AND t.status <> 'closed' ORDER BY t.id DESC")) {
            select.setLong(1, conversationId);
            return read(select).stream().findFirst();
        }
    }

    private static List<Ticket> read(PreparedStatement select) throws SQLException {
        List<Ticket> tickets = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                tickets.add(new Ticket(
                        rows.getLong("id"),
                        rows.getLong("conversation_id"),
                        new ConversationKey(rows.getString("channel"), rows.getString("chat_id")),
                        Ticket.Priority.valueOf(rows.getString("priority").toUpperCase(Locale.ROOT)),
                        Language.fromCode(rows.getString("language")).orElse(Language.VI),
                        Optional.ofNullable(rows.getString("topic")),
                        rows.getString("reason"),
                        TicketStatus.fromCode(rows.getString("status")),
                        Optional.ofNullable(rows.getString("officer_id")),
                        Transactions.instant(rows, "created_at"),
                        Transactions.instant(rows, "queued_at"),
                        Optional.ofNullable(Transactions.instant(rows, "first_reply_at")),
                        Optional.ofNullable(Transactions.instant(rows, "closed_at")),
                        rows.getInt("sla_level"),
                        Optional.ofNullable(Transactions.instant(rows, "unanswered_since"))));
            }
        }
        return tickets;
    }

    private static String cut(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() > max ? value.substring(0, max) : value;
    }
}
