package org.consularbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 closes the database by itself after a write it cannot make (a full disk); the connections the pool holds then
 * fail for good. The bot must open it again as soon as it can, not keep serving dead connections.
 */
class H2ClosedItselfTest {

    @TempDir
    Path folder;

    private static String count(Database database) {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM conversations")) {
            rows.next();
            return "ok " + rows.getLong(1);
        } catch (SQLException | RuntimeException e) {
            return "failed";
        }
    }

    private static void giveBack(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void afterH2ClosedItselfTheNextUseOpensItAgain() throws Exception {
        try (Database database = Database.open(DatabaseSettings.of("jdbc:h2:file:" + folder.resolve("bot")))) {
            List<Connection> held = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                held.add(database.dataSource().getConnection()); // the pool now holds several connections
            }
            try (Statement statement = held.get(0).createStatement()) {
                statement.execute("SHUTDOWN IMMEDIATELY");
            }
            for (Connection connection : held) {
                try {
                    connection.close(); // back to the pool, dead
                } catch (SQLException e) {
                    // H2 says the database is closed; the pool keeps the connection all the same
                }
            }

            // The dead connections were dropped as they came back: every use after the close finds the database.
            List<String> attempts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                attempts.add(count(database));
            }
            assertThat(attempts).containsOnly("ok 0");
            assertThat(database.reachable()).isTrue();
        }
    }

    @Test
    void aHealthCheckDropsDeadConnectionsThePoolStillHolds() throws Exception {
        try (Database database = Database.open(DatabaseSettings.of("jdbc:h2:file:" + folder.resolve("bot")))) {
            List<Connection> held = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                held.add(database.dataSource().getConnection());
            }
            held.forEach(H2ClosedItselfTest::giveBack); // idle in the pool, alive
            try (Connection connection = database.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN IMMEDIATELY"); // the others are now dead but idle in the pool
            } catch (SQLException e) {
                // closing the connection that shut the database down
            }
            assertThat(database.reachable()).isTrue();
            assertThat(count(database)).isEqualTo("ok 0");
        }
    }
}
