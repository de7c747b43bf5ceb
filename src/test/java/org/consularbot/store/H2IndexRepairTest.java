package org.consularbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.consularbot.conversation.ContentKind;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.InboundMessage;
import org.consularbot.conversation.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: the kill -9 proof on the embedded default (stop 22) left an H2 file that H2 2.5.252 reopened with the
 * unique index entry of chat 9301462 still held by a transaction that no longer existed; storing that chat's message
 * waited on the lock, failed, and the bot did not start again. {@code store/h2-killed/} is that file, cut down to two
 * conversations (the entry survives compaction).
 */
class H2IndexRepairTest {

    private static final ConversationKey CAUGHT = new ConversationKey("telegram", "9301462");

    @TempDir
    Path tmp;

    @Test
    void aFileLeftByAKilledProcessHasItsIndexesRebuiltAndTakesTheCitizensMessage() throws Exception {
        Path file = killedFile();
        Path marker = Path.of(file + ".open");
        Files.writeString(marker, Long.toString(deadPid()));

        try (Database database = Database.open(DatabaseSettings.of(url(file)))) {
            new JdbcConversationStore(database.dataSource(), Clock.systemUTC()).recordInbound(message());

            assertThat(Files.readString(marker))
                    .isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
        assertThat(marker).as("removed at a clean close").doesNotExist();
    }

    @Test
    void withoutTheRepairTheCitizensMessageCannotBeStored() throws Exception {
        Path file = killedFile(); // no marker: as if the file had been closed
        try (Database database = Database.open(DatabaseSettings.of(url(file)))) {
            JdbcConversationStore store = new JdbcConversationStore(database.dataSource(), Clock.systemUTC());

            assertThatThrownBy(() -> store.recordInbound(message())).isInstanceOf(StoreException.class);
        }
    }

    @Test
    void aMarkerOfARunningProcessIsNoKillAndStaysItsToRemove() throws Exception {
        Path file = killedFile();
        Path marker = Path.of(file + ".open");
        String running =
                Long.toString(ProcessHandle.current().parent().orElseThrow().pid());
        Files.writeString(marker, running);

        try (Database database = Database.open(DatabaseSettings.of(url(file)))) {
            JdbcConversationStore store = new JdbcConversationStore(database.dataSource(), Clock.systemUTC());

            assertThatThrownBy(() -> store.recordInbound(message()))
                    .as("not repaired: the file is another running process's")
                    .isInstanceOf(StoreException.class);
        }
        assertThat(Files.readString(marker)).isEqualTo(running);
    }

    @Test
    void aRebuiltDatabaseStillTellsARedelivery() throws Exception {
        Path file = tmp.resolve("clean").resolve("consular-bot");
        try (Database database = Database.open(DatabaseSettings.of(url(file)))) {
            JdbcConversationStore store = new JdbcConversationStore(database.dataSource(), Clock.systemUTC());
            store.recordInbound(message());
        }
        Files.writeString(Path.of(file + ".open"), Long.toString(deadPid()));
        try (Database database = Database.open(DatabaseSettings.of(url(file)))) {
            JdbcConversationStore store = new JdbcConversationStore(database.dataSource(), Clock.systemUTC());

            assertThat(store.recordInbound(message()).duplicate())
                    .as("the rebuilt unique constraints still tell a redelivery")
                    .isTrue();
        }
    }

    private Path killedFile() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("killed"));
        try (var in = getClass().getResourceAsStream("/store/h2-killed/consular-bot.mv.db")) {
            Files.copy(in, folder.resolve("consular-bot.mv.db"));
        }
        return folder.resolve("consular-bot");
    }

    private static String url(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath() + ";LOCK_TIMEOUT=500";
    }

    private static InboundMessage message() {
        return new InboundMessage(
                CAUGHT, "9301462", "1", ContentKind.TEXT, "ho chieu het han", Instant.parse("2026-12-06T19:00:00Z"));
    }

    /** A process id that no process has: one that ran and ended. */
    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
