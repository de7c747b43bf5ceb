package org.consularbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.consularbot.channel.zalo.ZaloException;
import org.consularbot.channel.zalo.ZaloTokens;
import org.consularbot.conversation.StoreException;

/**
 * The zalo_tokens row: the rotating refresh token, stored before the access token it came with is used. A renewal
 * holds the row lock ({@code SELECT … FOR UPDATE}, on H2 and PostgreSQL alike) from reading the stored pair to
 * committing the new one, so instances sharing the database refresh one at a time, each from the latest pair.
 */
public final class JdbcZaloTokens implements ZaloTokens.Vault {

    private static final String SELECT_ROW =
            "SELECT refresh_token, access_token, access_expires_at FROM zalo_tokens WHERE id = 1";

    private final Transactions tx;

    public JdbcZaloTokens(DataSource dataSource) {
        this.tx = new Transactions(dataSource);
    }

    @Override
    public Optional<ZaloTokens.Pair> load() {
        return tx.inTransaction("reading Zalo tokens", connection -> read(connection, SELECT_ROW));
    }

    @Override
    public ZaloTokens.Pair renew(ZaloTokens.Pair seed, Instant at, ZaloTokens.Renewal renewal) throws ZaloException {
        if (load().isEmpty()) {
            storeIfAbsent(seed, at);
        }
        try {
            return tx.inTransaction("renewing Zalo tokens", connection -> {
                ZaloTokens.Pair stored = read(connection, SELECT_ROW + " FOR UPDATE")
                        .orElseThrow(() -> new SQLException("the zalo_tokens row is gone"));
                ZaloTokens.Pair next;
                try {
                    next = renewal.renew(stored);
                } catch (ZaloException e) {
                    throw new Refused(e);
                }
                if (!next.equals(stored)) {
                    update(connection, next, at);
                }
                return next;
            });
        } catch (StoreException e) {
            if (e.getCause() instanceof Refused refused) {
                throw refused.zalo;
            }
            throw e;
        }
    }

    /** The first start: the seed becomes the row to lock, unless another instance stored one at the same moment. */
    private void storeIfAbsent(ZaloTokens.Pair seed, Instant at) {
        tx.inTransaction("storing the first Zalo tokens", connection -> {
            Savepoint beforeInsert = connection.setSavepoint();
            try {
                insert(connection, seed, at);
            } catch (SQLException e) {
                if (!Transactions.isUniqueViolation(e)) {
                    throw e;
                }
                connection.rollback(beforeInsert);
            }
            return null;
        });
    }

    private static Optional<ZaloTokens.Pair> read(Connection connection, String sql) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql);
                ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            return Optional.of(new ZaloTokens.Pair(
                    rows.getString("refresh_token"),
                    Optional.ofNullable(rows.getString("access_token")),
                    Optional.ofNullable(Transactions.instant(rows, "access_expires_at"))));
        }
    }

    private static boolean update(Connection connection, ZaloTokens.Pair tokens, Instant at) throws SQLException {
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE zalo_tokens SET refresh_token = ?, access_token = ?, "
                        + "access_expires_at = ?, updated_at = ? WHERE id = 1")) {
            bind(update, tokens, at);
            return update.executeUpdate() == 1;
        }
    }

    private static void insert(Connection connection, ZaloTokens.Pair tokens, Instant at) throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO zalo_tokens (id, refresh_token, access_token, "
                        + "access_expires_at, updated_at) VALUES (1, ?, ?, ?, ?)")) {
            bind(insert, tokens, at);
            insert.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, ZaloTokens.Pair tokens, Instant at) throws SQLException {
        statement.setString(1, tokens.refreshToken());
        statement.setString(2, tokens.accessToken().orElse(null));
        Transactions.setInstant(statement, 3, tokens.accessExpiresAt().orElse(null));
        Transactions.setInstant(statement, 4, at);
    }

    /** Carries Zalo's refusal through the transaction, which rolls back, to the caller. */
    private static final class Refused extends RuntimeException {
        private final ZaloException zalo;

        Refused(ZaloException zalo) {
            super(zalo.getMessage(), zalo, false, false);
            this.zalo = zalo;
        }
    }
}
