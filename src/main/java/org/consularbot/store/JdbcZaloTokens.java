package org.consularbot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.consularbot.channel.zalo.ZaloTokens;

/** The zalo_tokens row: the rotating refresh token, stored before the access token it came with is used. */
public final class JdbcZaloTokens implements ZaloTokens.Vault {

    private final Transactions tx;

    public JdbcZaloTokens(DataSource dataSource) {
        this.tx = new Transactions(dataSource);
    }

    @Override
    public Optional<ZaloTokens.Pair> load() {
        return tx.inTransaction("reading Zalo tokens", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT refresh_token, access_token, access_expires_at FROM zalo_tokens WHERE id = 1");
                    ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.<ZaloTokens.Pair>empty();
                }
                return Optional.of(new ZaloTokens.Pair(rows.getString("refresh_token"), Optional.ofNullable(rows.getString("access_token")),
                        Optional.ofNullable(Transactions.instant(rows, "access_expires_at"))));
            }
        });
    }

    @Override
    public void save(ZaloTokens.Pair tokens, Instant at) {
        tx.inTransaction("storing Zalo tokens", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE zalo_tokens SET refresh_token = ?, access_token = ?, "
                    + "access_expires_at = ?, updated_at = ? WHERE id = 1")) {
                update.setString(1, tokens.refreshToken());
                update.setString(2, tokens.accessToken().orElse(null));
                Transactions.setInstant(update, 3, tokens.accessExpiresAt().orElse(null));
                Transactions.setInstant(update, 4, at);
                if (update.executeUpdate() == 1) {
                    return 1;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO zalo_tokens (id, refresh_token, access_token, "
                    + "access_expires_at, updated_at) VALUES (1, ?, ?, ?, ?)")) {
                insert.setString(1, tokens.refreshToken());
                insert.setString(2, tokens.accessToken().orElse(null));
                Transactions.setInstant(insert, 3, tokens.accessExpiresAt().orElse(null));
                Transactions.setInstant(insert, 4, at);
                return insert.executeUpdate();
            }
        });
    }
}
