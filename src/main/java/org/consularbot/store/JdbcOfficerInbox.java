package org.consularbot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.consularbot.conversation.StoreException;
import org.consularbot.handoff.OfficerInbox;

/**
 * The officer inbox in the officer_inbox table. A redelivered action is refused by the primary key, not by a lookup
 * first, so two instances receiving the same update store it once. On an H2 file each action is also written to the
 * receipt journal first, since H2 can lose a row it committed when killed, and Telegram would not send it again.
 * Claims are conditional updates of {@code claimed_by} and {@code claimed_until}: of two instances claiming one action,
 * the database lets exactly one change the row.
 */
public final class JdbcOfficerInbox implements OfficerInbox {

    private static final String SELECT = "SELECT source_id, ticket_id, payload, received_at FROM officer_inbox";

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
            // Unclaimed: whichever relay round comes first carries it out.
            if (insert(action.sourceId(), action.ticket(), action.payload(), action.receivedAt(), Optional.empty())) {
                restored++;
            }
        }
        return restored;
    }

    /**
     * Drops every claim, at start on the embedded database: the file admits one process, so whoever held an action
     * is gone, and this run carries it out at its first relay round instead of waiting for the claim to run out.
     *
     * @return how many actions were held
     */
    public int releaseClaims() {
        return tx.inTransaction("releasing the last run's claims on officers' actions", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE officer_inbox"
                            + " SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by IS NOT NULL AND handled_at IS NULL")) {
                return update.executeUpdate();
            }
        });
    }

    @Override
    public boolean add(String sourceId, Optional<Long> ticket, String payload, Instant at, Claim claim) {
        receipts.ifPresent(journal -> journal.append(new Action(sourceId, ticket, payload, at)));
        return insert(sourceId, ticket, payload, at, Optional.of(claim));
    }

    private boolean insert(String sourceId, Optional<Long> ticket, String payload, Instant at, Optional<Claim> claim) {
        try {
            return tx.inTransaction("storing an officer's action", connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO officer_inbox"
                        + " (source_id, ticket_id, payload, received_at, claimed_by, claimed_until)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, sourceId);
                    if (ticket.isPresent()) {
                        insert.setLong(2, ticket.get());
                    } else {
                        insert.setNull(2, Types.BIGINT);
                    }
                    insert.setString(3, payload);
                    Transactions.setInstant(insert, 4, at);
                    insert.setString(5, claim.map(Claim::holder).orElse(null));
                    Transactions.setInstant(insert, 6, claim.map(Claim::until).orElse(null));
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
    public boolean claim(String sourceId, Claim claim, Instant now) {
        return tx.inTransaction("claiming an officer's action", connection -> {
            // The conditions are on the row itself: PostgreSQL checks them again on the row another transaction has
            // just claimed, once that one commits, and H2 on the row it locked, so the second claimer finds it held.
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE officer_inbox SET claimed_by = ?, claimed_until = ? WHERE source_id = ? AND handled_at IS NULL"
                            + " AND (claimed_by IS NULL OR claimed_by = ? OR claimed_until <= ?)")) {
                update.setString(1, claim.holder());
                Transactions.setInstant(update, 2, claim.until());
                update.setString(3, sourceId);
                update.setString(4, claim.holder());
                Transactions.setInstant(update, 5, now);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public int renew(Collection<String> sourceIds, Claim claim) {
        if (sourceIds.isEmpty()) {
            return 0;
        }
        return tx.inTransaction("renewing claims on officers' actions", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE officer_inbox SET claimed_until = ?"
                    + " WHERE source_id = ? AND claimed_by = ? AND handled_at IS NULL")) {
                int renewed = 0;
                for (String sourceId : sourceIds) {
                    Transactions.setInstant(update, 1, claim.until());
                    update.setString(2, sourceId);
                    update.setString(3, claim.holder());
                    renewed += update.executeUpdate();
                }
                return renewed;
            }
        });
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
            try (PreparedStatement select = connection.prepareStatement(
                    SELECT + " WHERE handled_at IS NULL ORDER BY received_at, source_id LIMIT ?")) {
                select.setInt(1, limit);
                return read(select);
            }
        });
    }

    @Override
    public List<Action> claimable(String holder, Instant now, int limit) {
        return tx.inTransaction("reading officers' actions left to claim", connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT + " WHERE handled_at IS NULL"
                    + " AND (claimed_by IS NULL OR claimed_by = ? OR claimed_until <= ?)"
                    + " ORDER BY received_at, source_id LIMIT ?")) {
                select.setString(1, holder);
                Transactions.setInstant(select, 2, now);
                select.setInt(3, limit);
                return read(select);
            }
        });
    }

    private static List<Action> read(PreparedStatement select) throws SQLException {
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
