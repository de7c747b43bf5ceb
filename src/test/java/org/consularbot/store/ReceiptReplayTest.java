package org.consularbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.InboundMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (FullDiskIT): H2 that closed itself on a full disk opened again at the next connection without commits it
 * had acknowledged, and the journal that has them was read only at start, so an acknowledged message stayed unanswered
 * until a restart. The loss is made here as in {@link ReceiptRestoreTest}: by deleting the row after H2 opened again.
 */
class ReceiptReplayTest {

    private static final Instant T0 = Instant.parse("2026-12-07T01:44:24Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final ConversationKey CITIZEN = new ConversationKey("telegram", "9700068");
    private static final ConversationKey OTHER = new ConversationKey("telegram", "9700067");

    @TempDir
    Path dir;

    @Test
    void whatH2LostWhenItClosedItselfComesBackUnansweredWithoutARestartOncePerClosure() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("bot").toAbsolutePath();
        try (Database database = Database.open(DatabaseSettings.of(url))) {
            Optional<ReceiptJournal> journal = ReceiptJournal.besideDatabase(url, CLOCK);
            JdbcConversationStore store = new JdbcConversationStore(database.dataSource(), CLOCK, journal);
            ReceiptReplay replay =
                    new ReceiptReplay(database, journal, store, new JdbcOfficerInbox(database.dataSource(), journal));
            store.recordInbound(InboundMessage.text(OTHER, "9700067", "135", "mat ho chieu", T0));
            store.recordInbound(InboundMessage.text(CITIZEN, "9700068", "136", "/help", T0));

            closeItself(database);
            lose(database, "136");

            assertThat(replay.afterReopen()).isEqualTo(1);
            assertThat(store.unanswered(10))
                    .extracting(s -> s.message().channelMessageId())
                    .containsExactlyInAnyOrder("135", "136");

            lose(database, "135");
            assertThat(replay.afterReopen())
                    .as("no closure since the last replay: the journal is not read")
                    .isZero();
            assertThat(store.unanswered(10))
                    .extracting(s -> s.message().channelMessageId())
                    .containsExactly("136");
        }
    }

    @Test
    void withoutAJournalThereIsNothingToGiveBack() throws Exception {
        try (Database database = TestDatabases.h2()) {
            JdbcConversationStore store = new JdbcConversationStore(database.dataSource(), CLOCK, Optional.empty());
            ReceiptReplay replay = new ReceiptReplay(
                    database, Optional.empty(), store, new JdbcOfficerInbox(database.dataSource(), Optional.empty()));
            store.recordInbound(InboundMessage.text(CITIZEN, "9700068", "136", "/help", T0));
            closeItself(database);
            assertThat(replay.afterReopen()).isZero();
        }
    }

    /** What H2 does after a write it cannot make: it closes the database; a statement on a connection finds it closed. */
    private static void closeItself(Database database) throws Exception {
        long before = database.closures();
        try (Connection connection = database.dataSource().getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN IMMEDIATELY");
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
            } catch (SQLException e) {
                // "The database has been closed": the pool is told, and counts it
            }
        } catch (SQLException e) {
            // giving back the connection of a closed database
        }
        assertThat(database.closures()).as("the closure was seen").isGreaterThan(before);
    }

    private static void lose(Database database, String channelMessageId) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM inbound_messages WHERE channel_message_id = ?")) {
            delete.setString(1, channelMessageId);
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }
    }
}
