package org.consularbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the unique constraints and plain indexes of an H2 file that was not closed (the process was killed). H2
 * 2.5 can reopen such a file with an index entry still marked as written by a transaction that no longer exists: a
 * committed row then cannot be found through the index, and inserting its key waits for a lock nobody will release
 * ("Timeout trying to lock table", then "Concurrent update"), so the bot could not store that citizen's messages and
 * did not start again (the kill -9 proof found it after 19 kills; {@code H2IndexRepairTest} keeps the file). Dropping
 * and adding the index again reads it anew from the table. Indexes owned by a foreign key are left as they are.
 */
final class H2IndexRepair {

    private static final Logger log = LoggerFactory.getLogger(H2IndexRepair.class);

    private record Index(String table, String name, boolean unique, List<String> columns) {}

    private H2IndexRepair() {}

    /** @return how many constraints and indexes were rebuilt */
    static int rebuild(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<Index> indexes = new ArrayList<>(uniqueConstraints(connection));
            indexes.addAll(plainIndexes(connection));
            int rebuilt = 0;
            for (Index index : indexes) {
                try (Statement statement = connection.createStatement()) {
                    String columns = String.join(
                            ", ",
                            index.columns().stream().map(H2IndexRepair::quoted).toList());
                    if (index.unique()) {
                        statement.execute(
                                "ALTER TABLE " + quoted(index.table()) + " DROP CONSTRAINT " + quoted(index.name()));
                        statement.execute("ALTER TABLE " + quoted(index.table()) + " ADD CONSTRAINT "
                                + quoted(index.name()) + " UNIQUE (" + columns + ")");
                    } else {
                        statement.execute("DROP INDEX " + quoted(index.name()));
                        statement.execute("CREATE INDEX " + quoted(index.name()) + " ON " + quoted(index.table()) + " ("
                                + columns + ")");
                    }
                    rebuilt++;
                } catch (SQLException e) {
                    log.warn("could not rebuild {} on {}: {}", index.name(), index.table(), e.getMessage());
                }
            }
            return rebuilt;
        }
    }

    private static List<Index> uniqueConstraints(Connection connection) throws SQLException {
        return read(
                connection,
                "SELECT c.TABLE_NAME, c.CONSTRAINT_NAME, k.COLUMN_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS c "
                        + "JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA "
                        + "AND k.CONSTRAINT_NAME = c.CONSTRAINT_NAME "
                        + "WHERE c.TABLE_SCHEMA = 'PUBLIC' AND c.CONSTRAINT_TYPE = 'UNIQUE' "
                        + "ORDER BY c.TABLE_NAME, c.CONSTRAINT_NAME, k.ORDINAL_POSITION",
                true);
    }

    /** Indexes the migrations created by name (an index a constraint owns is not among them). */
    private static List<Index> plainIndexes(Connection connection) throws SQLException {
        return read(
                connection,
                "SELECT i.TABLE_NAME, i.INDEX_NAME, c.COLUMN_NAME FROM INFORMATION_SCHEMA.INDEXES i "
                        + "JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c ON c.INDEX_SCHEMA = i.INDEX_SCHEMA "
                        + "AND c.INDEX_NAME = i.INDEX_NAME AND c.TABLE_NAME = i.TABLE_NAME "
                        + "WHERE i.TABLE_SCHEMA = 'PUBLIC' AND i.INDEX_TYPE_NAME = 'INDEX' "
                        + "AND NOT EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS t "
                        + "WHERE t.INDEX_SCHEMA = i.INDEX_SCHEMA AND t.INDEX_NAME = i.INDEX_NAME) "
                        + "ORDER BY i.TABLE_NAME, i.INDEX_NAME, c.ORDINAL_POSITION",
                false);
    }

    private static List<Index> read(Connection connection, String sql, boolean unique) throws SQLException {
        Map<String, Index> indexes = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String table = rows.getString(1);
                String name = rows.getString(2);
                indexes.computeIfAbsent(table + "." + name, k -> new Index(table, name, unique, new ArrayList<>()))
                        .columns()
                        .add(rows.getString(3));
            }
        }
        return List.copyOf(indexes.values());
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
