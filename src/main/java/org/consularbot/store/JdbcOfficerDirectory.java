package org.consularbot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.consularbot.handoff.Officer;
import org.consularbot.handoff.OfficerDirectory;

/** The officers table, managed with {@code officer add|remove|list}. */
public final class JdbcOfficerDirectory implements OfficerDirectory {

    private final Transactions tx;

    public JdbcOfficerDirectory(DataSource dataSource) {
        this.tx = new Transactions(dataSource);
    }

    @Override
    public Optional<Officer> find(String userId) {
        return tx.inTransaction("reading an officer", connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT user_id, name, role FROM officers WHERE user_id = ?")) {
                select.setString(1, userId);
                return read(select).stream().findFirst();
            }
        });
    }

    @Override
    public List<Officer> all() {
        return tx.inTransaction("listing officers", connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT user_id, name, role FROM officers ORDER BY name, user_id")) {
                return read(select);
            }
        });
    }

    @Override
    public void add(Officer officer, Instant at) {
        tx.inTransaction("adding an officer", connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE officers SET name = ?, role = ? WHERE user_id = ?")) {
                update.setString(1, officer.name());
                update.setString(2, officer.role().code());
                update.setString(3, officer.userId());
                if (update.executeUpdate() == 1) {
                    return 1;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO officers (user_id, name, role, added_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, officer.userId());
                insert.setString(2, officer.name());
                insert.setString(3, officer.role().code());
                Transactions.setInstant(insert, 4, at);
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public boolean remove(String userId) {
        return tx.inTransaction("removing an officer", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM officers WHERE user_id = ?")) {
                delete.setString(1, userId);
                return delete.executeUpdate() == 1;
            }
        });
    }

    private static List<Officer> read(PreparedStatement select) throws SQLException {
        List<Officer> officers = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                officers.add(new Officer(
                        rows.getString("user_id"),
                        rows.getString("name"),
                        Officer.Role.fromCode(rows.getString("role"))));
            }
        }
        return officers;
    }
}
