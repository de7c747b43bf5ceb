package org.consularbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.consularbot.conversation.StoreException;
import org.consularbot.handoff.OfficerLogins;

/**
 * The console's sign-in records on H2 or PostgreSQL (migration V14). Failures are counted under the row's lock
 * ({@code SELECT … FOR UPDATE}), so guesses sent at once through several instances still lock at the limit.
 */
public final class JdbcOfficerLogins implements OfficerLogins {

    private final Transactions tx;

    public JdbcOfficerLogins(DataSource dataSource) {
        this.tx = new Transactions(dataSource);
    }

    @Override
    public boolean setPasswordHash(String userId, String hash, Instant at) {
        return tx.inTransaction("setting a password", connection -> {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM officers WHERE user_id = ?")) {
                exists.setString(1, userId);
                try (ResultSet rows = exists.executeQuery()) {
                    if (!rows.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE officer_passwords SET hash = ?, set_at = ? WHERE user_id = ?")) {
                update.setString(1, hash);
                Transactions.setInstant(update, 2, at);
                update.setString(3, userId);
                if (update.executeUpdate() == 0) {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO officer_passwords (user_id, hash, set_at) VALUES (?, ?, ?)")) {
                        insert.setString(1, userId);
                        insert.setString(2, hash);
                        Transactions.setInstant(insert, 3, at);
                        insert.executeUpdate();
                    }
                }
            }
            // A new password ends the sessions signed in with the old one.
            try (PreparedStatement end =
                    connection.prepareStatement("DELETE FROM console_sessions WHERE user_id = ?")) {
                end.setString(1, userId);
                end.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public Optional<String> passwordHash(String userId) {
        return tx.inTransaction("reading a password hash", connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT hash FROM officer_passwords WHERE user_id = ?")) {
                select.setString(1, userId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString("hash")) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public boolean anyPassword() {
        return tx.inTransaction("counting passwords", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM officer_passwords");
                    ResultSet rows = select.executeQuery()) {
                return rows.next() && rows.getLong(1) > 0;
            }
        });
    }

    @Override
    public Optional<Instant> lockedUntil(String userId, Instant now) {
        return tx.inTransaction("reading a lockout", connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT locked_until FROM console_logins WHERE user_id = ?")) {
                select.setString(1, userId);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.<Instant>empty();
                    }
                    return Optional.ofNullable(Transactions.instant(rows, "locked_until"))
                            .filter(now::isBefore);
                }
            }
        });
    }

    @Override
    public Optional<Instant> failed(String userId, Instant now, int limit, Duration lockFor) {
        ensureRow(userId);
        return tx.inTransaction("counting a failed sign-in", connection -> {
            int failures = lockedRow(connection, userId);
            failures++;
            Optional<Instant> lock = Optional.empty();
            if (failures >= limit) {
                lock = Optional.of(now.plus(lockFor));
                failures = 0;
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE console_logins SET failures = ?, locked_until = COALESCE(?, locked_until) WHERE user_id = ?")) {
                update.setInt(1, failures);
                Transactions.setInstant(update, 2, lock.orElse(null));
                update.setString(3, userId);
                update.executeUpdate();
            }
            return lock;
        });
    }

    /** The failures so far, read under the row's lock (the row exists: {@link #ensureRow}). */
    private static int lockedRow(Connection connection, String userId) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT failures FROM console_logins WHERE user_id = ? FOR UPDATE")) {
            select.setString(1, userId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("no sign-in row for " + userId);
                }
                return rows.getInt("failures");
            }
        }
    }

    /**
     * Creates the id's row if missing, in a transaction of its own: on PostgreSQL a failed insert (another instance
     * created it first) spoils the transaction it ran in.
     */
    private void ensureRow(String userId) {
        try {
            insertRow(userId);
        } catch (StoreException e) {
            if (!(e.getCause() instanceof SQLException cause && Transactions.isUniqueViolation(cause))) {
                throw e;
            }
            // Created meanwhile by another request: it is there, which is all this wanted.
        }
    }

    private void insertRow(String userId) {
        tx.inTransaction("counting a failed sign-in", connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT 1 FROM console_logins WHERE user_id = ?")) {
                select.setString(1, userId);
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        return 0;
                    }
                }
            }
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO console_logins (user_id, failures) VALUES (?, 0)")) {
                insert.setString(1, userId);
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public void succeeded(String userId) {
        tx.inTransaction("forgetting failed sign-ins", connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM console_logins WHERE user_id = ?")) {
                delete.setString(1, userId);
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public Set<String> activeSince(Instant since) {
        return tx.inTransaction("listing signed-in officers", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT DISTINCT user_id FROM console_sessions WHERE last_seen_at > ?")) {
                Transactions.setInstant(select, 1, since);
                Set<String> ids = new HashSet<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
                return ids;
            }
        });
    }

    @Override
    public void createSession(Session session) {
        tx.inTransaction("opening a console session", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO console_sessions (token_hash, user_id, csrf, language, created_at, last_seen_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, session.tokenHash());
                insert.setString(2, session.userId());
                insert.setString(3, session.csrf());
                insert.setString(4, session.language());
                Transactions.setInstant(insert, 5, session.createdAt());
                Transactions.setInstant(insert, 6, session.lastSeen());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Session> session(String tokenHash) {
        return tx.inTransaction("reading a console session", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT token_hash, user_id, csrf, language, created_at, last_seen_at FROM console_sessions "
                            + "WHERE token_hash = ?")) {
                select.setString(1, tokenHash);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.<Session>empty();
                    }
                    return Optional.of(new Session(
                            rows.getString("token_hash"),
                            rows.getString("user_id"),
                            rows.getString("csrf"),
                            rows.getString("language"),
                            Transactions.instant(rows, "created_at"),
                            Transactions.instant(rows, "last_seen_at")));
                }
            }
        });
    }

    @Override
    public void touch(String tokenHash, Instant at) {
        update("UPDATE console_sessions SET last_seen_at = ? WHERE token_hash = ?", tokenHash, statement -> {
            Transactions.setInstant(statement, 1, at);
        });
    }

    @Override
    public void setLanguage(String tokenHash, String language) {
        update(
                "UPDATE console_sessions SET language = ? WHERE token_hash = ?",
                tokenHash,
                statement -> statement.setString(1, language));
    }

    @Override
    public void endSession(String tokenHash) {
        tx.inTransaction("ending a console session", connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM console_sessions WHERE token_hash = ?")) {
                delete.setString(1, tokenHash);
                return delete.executeUpdate();
            }
        });
    }

    private interface Binding {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** An update whose last parameter is the session's token hash. */
    private void update(String sql, String tokenHash, Binding first) {
        tx.inTransaction("updating a console session", connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                first.bind(update);
                update.setString(2, tokenHash);
                return update.executeUpdate();
            }
        });
    }
}
