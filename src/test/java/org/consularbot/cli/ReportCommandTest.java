package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The staff report on real conversations held through the terminal chat. */
class ReportCommandTest {

    @TempDir
    Path tmp;

    private ChatDb db;

    @BeforeEach
    void database() {
        db = new ChatDb(tmp);
    }

    @Test
    void itCountsWhatBecameOfEachQuestionAndListsTheUnansweredWithoutPersonalData() throws Exception {
        CliRun.runWithInput(
                db.env(),
                "ho chieu het han lam lai o dau\n1\nxqzv blorf wurzle, em là Lan 0912 345 678\n"
                        + "Xqzv blorf wurzle?\ntoi bi bat\n",
                "chat",
                "--as",
                "alice");
        Path csv = tmp.resolve("days.csv");

        CliRun run = CliRun.run(db.env(), "report", "--since", "30d", "--csv", csv.toString());

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("console", "total 6 messages, 2 unanswered", "passport.issue.renew-abroad", "👍    1");
        assertThat(run.out()).contains("[PHONE]").doesNotContain("0912 345 678");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0))
                .isEqualTo("day,channel,messages,answered,suggested,unanswered,emergency,rate_limited,other");
        assertThat(lines.get(1)).endsWith(",console,6,1,0,2,1,0,2");
    }

    /** Regression: the report cut a question to 200 characters before redacting it, so an e-mail across the cut leaked. */
    @Test
    void aLongQuestionIsRedactedWholeBeforeItIsShortened() {
        String question = "xqzv blorf wurzle ".repeat(10) + "lan.nguyen84@gmail.com xin giup";
        CliRun.runWithInput(db.env(), question + "\n", "chat", "--as", "alice");

        CliRun run = CliRun.run(db.env(), "report", "--since", "30d");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("xqzv blorf wurzle").doesNotContain("lan.nguyen84");
    }

    @Test
    // Regression: the counts kept when content is deleted were never shown, and the header printed nanoseconds.
    void daysWhoseContentWasDeletedStillShowTheCountsKept() {
        CliRun.runWithInput(db.env(), "ho chieu het han lam lai o dau\ntoi bi bat\n", "chat", "--as", "alice");
        boolean forgotten = db.read(store -> store.forget(ChatDb.console("alice")));
        assertThat(forgotten).isTrue();

        CliRun run = CliRun.run(db.env(), "report", "--since", "30d");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out())
                .containsPattern("Messages since \\d{4}-\\d{2}-\\d{2} \\(UTC days\\)")
                .contains("total 0 messages", "only these counts were kept")
                // the chat's first contact (/start), the question answered, the emergency
                .containsPattern("console +3 +1 +0 +0 +1");
    }

    @Test
    void aMalformedPeriodIsABadCommandLine() {
        assertThat(CliRun.run(db.env(), "report", "--since", "a month").exit()).isEqualTo(2);
    }
}
