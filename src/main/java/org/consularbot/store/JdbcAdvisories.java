package org.consularbot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.consularbot.advisory.Advisories;
import org.consularbot.advisory.Advisory;
import org.consularbot.advisory.Target;

/**
 * Advisories on H2 or PostgreSQL (migration V15). The four-eyes rule is in the approving UPDATE itself ({@code state =
 * 'draft' AND drafted_by <> ?}), so no interleaving of two officers can break it.
 */
public final class JdbcAdvisories implements Advisories {

    private final Transactions tx;

    public JdbcAdvisories(DataSource dataSource) {
        this.tx = new Transactions(dataSource);
    }

    @Override
    public Advisory add(Advisory draft) {
        return tx.inTransaction("storing an advisory", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO advisories (level, title_vi, body_vi, title_en, body_en, targets, check_in, "
                            + "expires_at, state, drafted_by, drafted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, draft.level().code());
                insert.setString(2, draft.vi().title());
                insert.setString(3, draft.vi().body());
                insert.setString(4, draft.en().title());
                insert.setString(5, draft.en().body());
                insert.setString(
                        6, draft.targets().stream().map(Target::toString).collect(Collectors.joining(";")));
                insert.setBoolean(7, draft.checkIn());
                Transactions.setInstant(insert, 8, draft.expiresAt().orElse(null));
                insert.setString(9, draft.draftedBy());
                Transactions.setInstant(insert, 10, draft.draftedAt());
                insert.executeUpdate();
                return draft.withId(Transactions.generatedId(insert));
            }
        });
    }

    @Override
    public Optional<Advisory> find(long id) {
        return tx.inTransaction("reading an advisory", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM advisories WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(read(rows)) : Optional.<Advisory>empty();
                }
            }
        });
    }

    @Override
    public List<Advisory> recent(int limit) {
        return tx.inTransaction("listing advisories", connection -> {
            List<Advisory> found = new ArrayList<>();
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT * FROM advisories ORDER BY id DESC LIMIT ?")) {
                select.setInt(1, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(read(rows));
                    }
                }
            }
            return found;
        });
    }

    @Override
    public boolean approve(long id, String by, Instant at) {
        return move(
                "UPDATE advisories SET state = 'approved', approved_by = ?, approved_at = ? "
                        + "WHERE id = ? AND state = 'draft' AND drafted_by <> ?",
                true,
                id,
                by,
                at);
    }

    @Override
    public boolean cancel(long id, String by, Instant at) {
        return move(
                "UPDATE advisories SET state = 'cancelled', cancelled_by = ?, cancelled_at = ? "
                        + "WHERE id = ? AND state <> 'cancelled'",
                false,
                id,
                by,
                at);
    }

    /** @param notTheDrafter whether {@code sql} ends with the four-eyes condition on {@code by} */
    private boolean move(String sql, boolean notTheDrafter, long id, String by, Instant at) {
        return tx.inTransaction("changing an advisory", connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                update.setString(1, by);
                Transactions.setInstant(update, 2, at);
                update.setLong(3, id);
                if (notTheDrafter) {
                    update.setString(4, by);
                }
                return update.executeUpdate() > 0;
            }
        });
    }

    private static Advisory read(ResultSet rows) throws SQLException {
        List<Target> targets = Arrays.stream(rows.getString("targets").split(";"))
                .filter(t -> !t.isBlank())
                .map(Target::parse)
                .toList();
        return new Advisory(
                rows.getLong("id"),
                Advisory.Level.fromCode(rows.getString("level")),
                new Advisory.Text(rows.getString("title_vi"), rows.getString("body_vi")),
                new Advisory.Text(rows.getString("title_en"), rows.getString("body_en")),
                targets,
                rows.getBoolean("check_in"),
                Optional.ofNullable(Transactions.instant(rows, "expires_at")),
                Advisory.State.fromCode(rows.getString("state")),
                rows.getString("drafted_by"),
                Transactions.instant(rows, "drafted_at"),
                decision(rows, "approved"),
                decision(rows, "cancelled"));
    }

    private static Optional<Advisory.Decision> decision(ResultSet rows, String prefix) throws SQLException {
        String by = rows.getString(prefix + "_by");
        return by == null
                ? Optional.empty()
                : Optional.of(new Advisory.Decision(by, Transactions.instant(rows, prefix + "_at")));
    }
}
