package org.consularbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.consularbot.advisory.Subscriber;
import org.consularbot.advisory.Subscription;
import org.consularbot.advisory.Subscriptions;
import org.consularbot.faq.Language;

/** Citizens' consent to advisories on H2 or PostgreSQL (migration V15): one row per chat, replaced whole. */
public final class JdbcSubscriptions implements Subscriptions {

    private final Transactions tx;

    public JdbcSubscriptions(DataSource dataSource) {
        this.tx = new Transactions(dataSource);
    }

    @Override
    public Optional<Subscription> find(Subscriber subscriber) {
        return tx.inTransaction("reading a subscription", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT * FROM advisory_subscriptions WHERE channel = ? AND chat_id = ?")) {
                select.setString(1, subscriber.channel());
                select.setString(2, subscriber.chatId());
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(read(subscriber, rows)) : Optional.<Subscription>empty();
                }
            }
        });
    }

    private static Subscription read(Subscriber subscriber, ResultSet rows) throws SQLException {
        return new Subscription(
                subscriber,
                Language.fromCode(rows.getString("language")).orElse(Language.VI),
                Optional.ofNullable(rows.getString("country")),
                Optional.ofNullable(rows.getString("region")),
                Optional.ofNullable(Transactions.instant(rows, "consented_at")),
                Optional.ofNullable(Transactions.instant(rows, "withdrawn_at")),
                Subscription.Step.fromCode(rows.getString("step")),
                Optional.ofNullable(rows.getString("pending_country")),
                Transactions.instant(rows, "step_at"));
    }

    @Override
    public void save(Subscription s) {
        tx.inTransaction("saving a subscription", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE advisory_subscriptions SET language = ?, country = ?, region = ?, consented_at = ?, "
                            + "withdrawn_at = ?, step = ?, pending_country = ?, step_at = ? "
                            + "WHERE channel = ? AND chat_id = ?")) {
                int i = fill(update, s);
                update.setString(i, s.subscriber().channel());
                update.setString(i + 1, s.subscriber().chatId());
                if (update.executeUpdate() > 0) {
                    return null;
                }
            }
            insert(connection, s);
            return null;
        });
    }

    private static void insert(Connection connection, Subscription s) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO advisory_subscriptions (language, country, region, consented_at, withdrawn_at, step, "
                        + "pending_country, step_at, channel, chat_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = fill(insert, s);
            insert.setString(i, s.subscriber().channel());
            insert.setString(i + 1, s.subscriber().chatId());
            insert.executeUpdate();
        }
    }

    /** Sets the eight columns after the key; returns the next parameter's index. */
    private static int fill(PreparedStatement statement, Subscription s) throws SQLException {
        statement.setString(1, s.language().code());
        statement.setString(2, s.country().orElse(null));
        statement.setString(3, s.region().orElse(null));
        Transactions.setInstant(statement, 4, s.consentedAt().orElse(null));
        Transactions.setInstant(statement, 5, s.withdrawnAt().orElse(null));
        statement.setString(6, s.step().code());
        statement.setString(7, s.pendingCountry().orElse(null));
        Transactions.setInstant(statement, 8, s.stepAt());
        return 9;
    }

    @Override
    public List<PlaceCount> counts() {
        return tx.inTransaction("counting subscribers", connection -> {
            List<PlaceCount> counts = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                            "SELECT country, region, COUNT(*) AS n FROM advisory_subscriptions "
                                    + "WHERE consented_at IS NOT NULL AND withdrawn_at IS NULL AND country IS NOT NULL "
                                    + "GROUP BY country, region");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.add(new PlaceCount(
                            rows.getString("country"),
                            Optional.ofNullable(rows.getString("region")),
                            rows.getLong("n")));
                }
            }
            counts.sort(PlaceCount.BIGGEST_FIRST);
            return counts;
        });
    }

    @Override
    public int purge(Instant cutoff) {
        return tx.inTransaction("purging subscriptions", connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM advisory_subscriptions WHERE withdrawn_at < ? "
                            + "OR (consented_at IS NULL AND step_at < ?)")) {
                Transactions.setInstant(delete, 1, cutoff);
                Transactions.setInstant(delete, 2, cutoff);
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public boolean forget(Subscriber subscriber) {
        return tx.inTransaction("deleting a subscription", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM advisory_subscriptions WHERE channel = ? AND chat_id = ?")) {
                delete.setString(1, subscriber.channel());
                delete.setString(2, subscriber.chatId());
                return delete.executeUpdate() > 0;
            }
        });
    }
}
