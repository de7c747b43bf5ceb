package org.consularbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.consularbot.handoff.OfficerInbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (issue 17, "the officers' side"): on an H2 file an officer's action was acknowledged to Telegram once in
 * the officers' inbox, so a row H2 lost at a kill was an officer's reply the citizen never got. It now comes back
 * from the receipt journal at the next start, pending, once; actions the database still has are not run again. The
 * loss is made here by deleting the row, which is what H2's reopened file showed for citizens' messages.
 */
class OfficerReceiptRestoreTest {

    private static final Instant T0 = Instant.parse("2026-12-06T01:40:17Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final OfficerInbox.Claim HELD = new OfficerInbox.Claim("instance-a", T0.plusSeconds(30));
    private static final String REPLY =
            "{\"userId\":\"7001\",\"text\":\"Chị mang hộ chiếu cũ đến nhé\",\"repliedTo\":\"88\"}";

    @TempDir
    Path dir;

    @Test
    void anActionTheDatabaseLostComesBackPendingOnceAndThoseItKeptAreNotRunAgain() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("bot").toAbsolutePath();
        try (Database database = Database.open(DatabaseSettings.of(url))) {
            JdbcOfficerInbox inbox = journaled(database, url);
            assertThat(inbox.add("telegram:1", Optional.of(12L), "{\"text\":\"/take 12\"}", T0, HELD))
                    .isTrue();
            inbox.handled("telegram:1", T0);
            assertThat(inbox.add("telegram:2", Optional.of(12L), REPLY, T0.plusSeconds(1), HELD))
                    .isTrue();
            assertThat(inbox.add("telegram:2", Optional.of(12L), REPLY, T0.plusSeconds(1), HELD))
                    .as("Telegram's redelivery before the offset moved: journaled twice")
                    .isFalse();
            inbox.add("telegram:3", Optional.empty(), "{\"text\":\"/queue\"}", T0.plusSeconds(2), HELD);
            lose(database, "telegram:2");
        }

        try (Database database = Database.open(DatabaseSettings.of(url))) {
            JdbcOfficerInbox inbox = journaled(database, url);
            assertThat(inbox.pending(10))
                    .extracting(OfficerInbox.Action::sourceId)
                    .containsExactly("telegram:3");

            assertThat(inbox.restoreReceipts()).isEqualTo(1);

            assertThat(inbox.pending(10))
                    .as("the lost reply once, the action carried out not again")
                    .containsExactly(
                            new OfficerInbox.Action("telegram:2", Optional.of(12L), REPLY, T0.plusSeconds(1)),
                            new OfficerInbox.Action(
                                    "telegram:3", Optional.empty(), "{\"text\":\"/queue\"}", T0.plusSeconds(2)));
            assertThat(inbox.claimable("instance-b", T0.plusSeconds(2), 10))
                    .as("the restored action is nobody's: the first relay round takes it")
                    .extracting(OfficerInbox.Action::sourceId)
                    .containsExactly("telegram:2");
            assertThat(inbox.add("telegram:2", Optional.of(12L), REPLY, T0.plusSeconds(1), HELD))
                    .as("a redelivery of the restored action")
                    .isFalse();
            inbox.handled("telegram:2", T0.plusSeconds(5));
            assertThat(inbox.restoreReceipts())
                    .as("a second start restores nothing")
                    .isZero();
            assertThat(inbox.pending(10))
                    .extracting(OfficerInbox.Action::sourceId)
                    .containsExactly("telegram:3");
        }
    }

    @Test
    void withoutAJournalNothingIsRestored() {
        try (Database database = TestDatabases.h2()) {
            JdbcOfficerInbox inbox = new JdbcOfficerInbox(database.dataSource(), Optional.empty());
            inbox.add("telegram:1", Optional.of(12L), REPLY, T0, HELD);
            assertThat(inbox.restoreReceipts()).isZero();
        }
    }

    private static JdbcOfficerInbox journaled(Database database, String url) {
        return new JdbcOfficerInbox(database.dataSource(), ReceiptJournal.besideDatabase(url, CLOCK));
    }

    private static void lose(Database database, String sourceId) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM officer_inbox WHERE source_id = ?")) {
            delete.setString(1, sourceId);
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }
    }
}
