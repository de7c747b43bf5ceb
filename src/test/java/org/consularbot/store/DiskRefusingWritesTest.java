package org.consularbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The health check on an H2 file asks the disk for a write, not only the database for an answer. FullDiskIT found the
 * difference on a real full disk: H2 closed itself at each write it could not make, opened again at the next
 * connection and answered every check, so {@code /health} said ok while no message could be stored. The unit tests
 * cannot fill a disk; a folder where the check writes its block refuses the write as a full disk does.
 */
class DiskRefusingWritesTest {

    @TempDir
    Path folder;

    @Test
    // Regression (FullDiskIT): the check only asked H2 for a valid connection, which it gives on a full disk.
    void aDiskThatRefusesWritesFailsTheCheckWhileTheDatabaseStillAnswersAndPassesOnceItTakesThemAgain()
            throws Exception {
        try (Database database = Database.open(DatabaseSettings.of("jdbc:h2:file:" + folder.resolve("bot")))) {
            assertThat(database.reachable()).isTrue();
            assertThat(Files.exists(folder.resolve("bot.probe")))
                    .as("the check's block is removed")
                    .isFalse();

            Path refusing = Files.createDirectory(folder.resolve("bot.probe"));
            Files.writeString(refusing.resolve("keep"), "so the check cannot remove it");

            assertThat(database.reachable()).isFalse();
            assertThat(conversations(database))
                    .as("the database itself still answers")
                    .isZero();

            Files.delete(refusing.resolve("keep"));
            Files.delete(refusing);
            assertThat(database.reachable()).isTrue();
        }
    }

    @Test
    void aDatabaseInMemoryHasNoDiskToAsk() {
        try (Database database = Database.open(DatabaseSettings.of("jdbc:h2:mem:refusing;DB_CLOSE_DELAY=-1"))) {
            assertThat(database.reachable()).isTrue();
        }
    }

    private static long conversations(Database database) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM conversations")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
