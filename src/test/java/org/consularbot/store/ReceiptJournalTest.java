package org.consularbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.consularbot.ManualClock;
import org.consularbot.conversation.ContentKind;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.InboundMessage;
import org.consularbot.handoff.OfficerInbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptJournalTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:15:00Z");
    private static final ConversationKey ANNA = new ConversationKey("telegram", "101");
    private static final ConversationKey BINH = new ConversationKey("zalo", "u-202");

    @TempDir
    Path dir;

    private static InboundMessage message(ConversationKey key, String id, String text, Instant at) {
        return new InboundMessage(key, "user-" + key.chatId(), id, ContentKind.TEXT, text, at);
    }

    @Test
    void aMessageWrittenIsReadBackWhole() {
        InboundMessage written =
                new InboundMessage(ANNA, "u1", "77", ContentKind.BUTTON, "Hộ chiếu \"mất\"\nở đâu 🇻🇳", T0);
        ReceiptJournal journal = new ReceiptJournal(dir.resolve("j"), Clock.fixed(T0, ZoneOffset.UTC));
        journal.append(written);
        journal.close();

        assertThat(new ReceiptJournal(dir.resolve("j"), Clock.fixed(T0, ZoneOffset.UTC)).messages())
                .containsExactly(written);
    }

    @Test
    void aLineCutShortByAKillIsSkippedAndTheRestKept() throws Exception {
        ReceiptJournal journal = new ReceiptJournal(dir, Clock.fixed(T0, ZoneOffset.UTC));
        InboundMessage first = message(ANNA, "1", "mat ho chieu", T0);
        journal.append(first);
        journal.close();
        Path file = onlyFile();
        Files.writeString(file, "{\"channel\":\"telegram\",\"chat\":\"1", StandardOpenOption.APPEND);

        assertThat(new ReceiptJournal(dir, Clock.fixed(T0, ZoneOffset.UTC)).messages())
                .containsExactly(first);
    }

    @Test
    // Regression (FullDiskIT): the next message was appended to the half line, and neither could be read back.
    void theMessageWrittenAfterALineCutShortIsReadBack() throws Exception {
        ReceiptJournal journal = new ReceiptJournal(dir, Clock.fixed(T0, ZoneOffset.UTC));
        InboundMessage first = message(ANNA, "1", "mat ho chieu", T0);
        journal.append(first);
        journal.close();
        Files.writeString(onlyFile(), "{\"channel\":\"telegram\",\"chat\":\"1", StandardOpenOption.APPEND);

        ReceiptJournal after = new ReceiptJournal(dir, Clock.fixed(T0, ZoneOffset.UTC));
        InboundMessage next = message(BINH, "2", "khai sinh", T0.plusSeconds(1));
        after.append(next);
        InboundMessage third = message(ANNA, "3", "ho chieu", T0.plusSeconds(2));
        after.append(third);

        assertThat(after.messages()).containsExactly(first, next, third);
    }

    @Test
    void aForgottenConversationIsNotBroughtBackButWhatTheCitizenWroteAfterIs() {
        ReceiptJournal journal = new ReceiptJournal(dir, Clock.fixed(T0, ZoneOffset.UTC));
        InboundMessage before = message(ANNA, "1", "my name and passport number", T0);
        InboundMessage other = message(BINH, "9", "khai sinh", T0.plusSeconds(1));
        InboundMessage after = message(ANNA, "2", "hello again", T0.plusSeconds(2));
        journal.append(before);
        journal.append(other);
        journal.forget(ANNA);
        journal.append(after);

        assertThat(journal.messages()).containsExactly(other, after);
    }

    @Test
    // Regression (issue 17 review): forgetting only appended a line, so the citizen's words stayed on disk for 2 h.
    void aForgottenConversationLeavesEveryFileAndTheFilesStayPrivate() throws Exception {
        ManualClock clock = new ManualClock(T0);
        ReceiptJournal journal = new ReceiptJournal(dir, clock);
        journal.append(message(ANNA, "1", "Tôi tên Anna, hộ chiếu C7654321", T0));
        journal.append(message(BINH, "9", "khai sinh", T0.plusSeconds(1)));
        clock.set(T0.plus(Duration.ofHours(1)));
        journal.append(message(ANNA, "2", "Anna again", clock.instant()));
        Files.writeString(
                onlyFileOf(journal, clock),
                "{\"channel\":\"telegram\",\"chat\":\"101\",\"te",
                StandardOpenOption.APPEND);

        journal.forget(ANNA);

        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain("Anna", "\"101\"");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                        .isEqualTo("rw-------");
            }
        }
        assertThat(journal.messages())
                .extracting(InboundMessage::channelMessageId)
                .containsExactly("9");
        journal.append(message(BINH, "10", "sau đó", clock.instant()));
        assertThat(new ReceiptJournal(dir, clock).messages())
                .extracting(InboundMessage::channelMessageId)
                .containsExactly("9", "10");
    }

    @Test
    // Regression (issue 17): officers' actions were acknowledged to Telegram once in the inbox, with no journal on H2.
    void anOfficersActionIsReadBackWholeApartFromCitizensMessages() {
        ReceiptJournal journal = new ReceiptJournal(dir, Clock.fixed(T0, ZoneOffset.UTC));
        OfficerInbox.Action reply = new OfficerInbox.Action(
                "telegram:5001", Optional.of(12L), "{\"userId\":\"7\",\"text\":\"Chào chị \\\"Anna\\\"\\n🙂\"}", T0);
        OfficerInbox.Action queue =
                new OfficerInbox.Action("telegram:5002", Optional.empty(), "{\"text\":\"/queue\"}", T0);
        InboundMessage citizen = message(ANNA, "1", "mat ho chieu", T0);
        journal.append(reply);
        journal.append(citizen);
        journal.append(queue);
        journal.close();

        ReceiptJournal reopened = new ReceiptJournal(dir, Clock.fixed(T0, ZoneOffset.UTC));
        assertThat(reopened.actions()).containsExactly(reply, queue);
        assertThat(reopened.messages()).containsExactly(citizen);
    }

    @Test
    void forgettingAConversationTakesTheOfficersActionsAboutItsTicketsAlong() throws Exception {
        ReceiptJournal journal = new ReceiptJournal(dir, Clock.fixed(T0, ZoneOffset.UTC));
        journal.append(message(ANNA, "1", "Anna, hộ chiếu C7654321", T0));
        journal.append(
                new OfficerInbox.Action("telegram:1", Optional.of(12L), "{\"text\":\"/note 12 Anna C7654321\"}", T0));
        journal.append(new OfficerInbox.Action("telegram:2", Optional.of(13L), "{\"text\":\"/note 13 Binh\"}", T0));
        journal.append(new OfficerInbox.Action("telegram:3", Optional.empty(), "{\"text\":\"/queue\"}", T0));
        Files.writeString(onlyFile(), "{\"officer\":\"telegram:4\",\"payload\":\"Anna", StandardOpenOption.APPEND);

        journal.forget(ANNA, Set.of(12L));

        assertThat(Files.readString(onlyFile())).doesNotContain("Anna", "C7654321");
        assertThat(journal.actions())
                .extracting(OfficerInbox.Action::sourceId)
                .containsExactly("telegram:2", "telegram:3");
        assertThat(journal.messages()).isEmpty();
    }

    /** The file the journal writes in now. */
    private Path onlyFileOf(ReceiptJournal journal, ManualClock clock) {
        return dir.resolve("receipts-" + clock.instant().getEpochSecond() / 3600 + ".jsonl");
    }

    @Test
    void receiptsOlderThanTheWindowAreDeletedAndNewerOnesKept() throws Exception {
        ManualClock clock = new ManualClock(T0);
        ReceiptJournal journal = new ReceiptJournal(dir, clock);
        InboundMessage old = message(ANNA, "1", "old", T0);
        journal.append(old);
        clock.set(T0.plus(Duration.ofHours(1)));
        InboundMessage recent = message(BINH, "2", "recent", clock.instant());
        journal.append(recent);
        assertThat(journal.messages()).containsExactly(old, recent);

        clock.set(T0.plus(ReceiptJournal.KEPT).plus(Duration.ofHours(1)));
        journal.append(message(ANNA, "3", "now", clock.instant()));

        assertThat(journal.messages())
                .extracting(InboundMessage::channelMessageId)
                .containsExactly("2", "3");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(2);
        }
    }

    @Test
    void onlyTheServiceUserMayReadTheReceipts() throws Exception {
        ReceiptJournal journal = new ReceiptJournal(dir.resolve("data/bot.receipts"), Clock.fixed(T0, ZoneOffset.UTC));
        journal.append(message(ANNA, "1", "private", T0));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data/bot.receipts"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(onlyFileIn(dir.resolve("data/bot.receipts")))))
                .isEqualTo("rw-------");
    }

    @Test
    // Which URLs name an H2 file is DatabaseSettings.h2File's (DatabaseFolderTest); here only that the journal follows
    // it.
    void aJournalIsKeptBesideAnH2FileOnly() {
        Clock clock = Clock.systemUTC();
        assertThat(ReceiptJournal.besideDatabase("jdbc:h2:file:" + dir.resolve("x") + ";WRITE_DELAY=0", clock))
                .isPresent();
        assertThat(ReceiptJournal.besideDatabase("jdbc:postgresql://db:5432/bot", clock))
                .isEmpty();
    }

    private Path onlyFile() throws Exception {
        return onlyFileIn(dir);
    }

    private static Path onlyFileIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.reduce((a, b) -> {
                        throw new AssertionError("more than one file: " + a + ", " + b);
                    })
                    .orElseThrow();
        }
    }
}
