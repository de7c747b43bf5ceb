package org.consularbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.InboundMessage;
import org.consularbot.conversation.StoredInbound;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (the kill -9 proof on H2 lost 1 message in 1,480): a message H2 acknowledged and then lost when its
 * process was killed comes back from the receipt journal at the next start, unanswered, so recovery answers it.
 * The loss is made here by deleting the row, which is what H2's reopened file showed.
 */
class ReceiptRestoreTest {

    private static final Instant T0 = Instant.parse("2026-12-06T01:40:17Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final ConversationKey CITIZEN = new ConversationKey("telegram", "9301061");
    private static final ConversationKey OTHER = new ConversationKey("telegram", "9301060");

    @TempDir
    Path dir;

    @Test
    void aMessageTheDatabaseLostIsStoredAgainUnansweredAndTheOthersAreNotDoubled() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("bot").toAbsolutePath();
        try (Database database = Database.open(DatabaseSettings.of(url))) {
            JdbcConversationStore store = journaled(database, url);
            store.recordInbound(InboundMessage.text(OTHER, "1", "2040", "mat ho chieu", T0));
            store.recordInbound(InboundMessage.text(CITIZEN, "2", "2041", "ho chieu het han lam lai o dau", T0));
            lose(database, "2041");
        }

        try (Database database = Database.open(DatabaseSettings.of(url))) {
            JdbcConversationStore store = journaled(database, url);
            assertThat(store.unanswered(10))
                    .extracting(s -> s.message().channelMessageId())
                    .containsExactly("2040");

            assertThat(store.restoreReceipts()).isEqualTo(1);

            assertThat(store.unanswered(10))
                    .extracting(s -> s.message().channelMessageId())
                    .containsExactlyInAnyOrder("2040", "2041");
            StoredInbound again = store.recordInbound(
                    InboundMessage.text(CITIZEN, "2", "2041", "ho chieu het han lam lai o dau", T0));
            assertThat(again.duplicate())
                    .as("Telegram's redelivery of the restored message")
                    .isTrue();
            assertThat(store.restoreReceipts())
                    .as("a second start restores nothing")
                    .isZero();
        }
    }

    @Test
    void aConversationTheCitizenAskedToForgetIsNotRestored() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("bot").toAbsolutePath();
        try (Database database = Database.open(DatabaseSettings.of(url))) {
            JdbcConversationStore store = journaled(database, url);
            store.recordInbound(InboundMessage.text(CITIZEN, "2", "2041", "my passport number is ...", T0));
            assertThat(store.forget(CITIZEN)).isTrue();
        }

        try (Database database = Database.open(DatabaseSettings.of(url))) {
            JdbcConversationStore store = journaled(database, url);
            assertThat(store.restoreReceipts()).isZero();
            assertThat(store.find(CITIZEN)).isEmpty();
        }
    }

    @Test
    void withoutAJournalNothingIsRestored() {
        try (Database database = TestDatabases.h2()) {
            JdbcConversationStore store = new JdbcConversationStore(database.dataSource(), CLOCK, Optional.empty());
            store.recordInbound(InboundMessage.text(CITIZEN, "2", "2041", "khai sinh", T0));
            assertThat(store.restoreReceipts()).isZero();
        }
    }

    private static JdbcConversationStore journaled(Database database, String url) {
        return new JdbcConversationStore(database.dataSource(), CLOCK, ReceiptJournal.besideDatabase(url, CLOCK));
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
