package org.consularbot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.consularbot.conversation.StoreException;
import org.consularbot.handoff.OfficerInbox;

/**
 * The officer inbox in the officer_inbox table. A redelivered action is refused by the primary key, not by a lookup
 * first, so two instances receiving the same update store it once. On an H2 file each action is also written to the
 * receipt journal first, since H2 can lose a row it committed when killed, and Telegram would not send it again.
 */
public final class JdbcOfficerInbox implements OfficerInbox {

    private final Transactions tx;
    /** On an H2 file: where each action is also written before the channel is told it is stored. */
    private final Optional<ReceiptJournal> receipts;

    public JdbcOfficerInbox(DataSource dataSource) {
        this(dataSource, Optional.empty());
    }

    /** @param receipts the journal H2 needs to keep what it acknowledged through a kill (none on PostgreSQL) */
    public JdbcOfficerInbox(DataSource dataSource, Optional<ReceiptJournal> receipts) {
        this.tx = new Transactions(dataSource);
        this.receipts = receipts;
    }

    /**
     * Stores again every action in the receipt journal, at start-up before any is run: those the database lost when
     * the last run was killed come back pending, so the next relay round carries them out. One the database still
     * has, carried out or not, is refused by its key like a redelivery: nothing is carried out twice that the
     * database recorded (H2 loses the last commits, so an action whose row it lost lost what it did too).
     *
     * @return how many actions the database had lost
     */
    public int restoreReceipts() {
        int restored = 0;
        for (Action action : receipts.map(ReceiptJournal::actions).orElse(List.of())) {
            if (insert(action.sourceId(), action.ticket(), action.payload(), action.receivedAt())) {
                restored++;
            }
        }
        return restored;
    }

    @Override
    public boolean add(String sourceId, Optional<Long> ticket, String payload, Instant at) {
        receipts.ifPresent(journal -> journal.append(new Action(sourceId, ticket, payload, at)));
        return insert(sourceId, ticket, payload, at);
    }

    private boolean insert(String sourceId, Optional<Long> ticket, String payload, Instant at) {
        try {
            return tx.inTransaction("storing an officer's action", connection -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO officer_inbox (source_id, ticket_id, payload, received_at) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, sourceId);
                    if (ticket.isPresent()) {
                        insert.setLong(2, ticket.get());
                    } else {
                        insert.setNull(2, Types.BIGINT);
                    }
                    insert.setString(3, payload);
                    Transactions.setInstant(insert, 4, at);
                    insert.executeUpdate();
                    return true;
                }
            });
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && Transactions.UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void handled(String sourceId, Instant at) {
        tx.inTransaction("marking an officer's action handled", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE officer_inbox SET handled_at = ?, payload = '' WHERE source_id = ?")) {
                Transactions.setInstant(update, 1, at);
                update.setString(2, sourceId);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public List<Action> pending(int limit) {
        return tx.inTransaction("reading officers' actions left to run", connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT source_id, ticket_id, payload, received_at FROM officer_inbox"
                            + " WHERE handled_at IS NULL ORDER BY received_at, source_id LIMIT ?")) {
                select.setInt(1, limit);
                List<Action> actions = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        long ticketId = rows.getLong("ticket_id");
                        Optional<Long> ticket = rows.wasNull() ? Optional.empty() : Optional.of(ticketId);
                        actions.add(new Action(
                                rows.getString("source_id"),
                                ticket,
                                rows.getString("payload"),
                                Transactions.instant(rows, "received_at")));
                    }
                }
                return actions;
            }
        });
    }

    @Override
    public int prune(Instant before) {
        return tx.inTransaction("forgetting handled officers' actions", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM officer_inbox WHERE handled_at IS NOT NULL AND received_at < ?")) {
                Transactions.setInstant(delete, 1, before);
                return delete.executeUpdate();
            }
        });
    }
}
