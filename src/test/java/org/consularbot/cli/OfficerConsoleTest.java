package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.consularbot.faq.TestCorpora;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Playing citizen and officer in two terminals, as docs/officers.md shows: the terminal chat and the officer console
 * on one database. Runs one after the other here; the chat prints what the officer sent when it next runs.
 */
class OfficerConsoleTest {

    @TempDir
    Path tmp;

    private ChatDb db;

    @BeforeEach
    void database() {
        db = new ChatDb(tmp);
    }

    @Test
    void anOfficerTakesTheCitizensRequestAnswersAndClosesIt() {
        assertThat(CliRun.run(db.env(), "officer", "add", "--id", "7", "--name", "Lan")
                        .exit())
                .isZero();
        assertThat(CliRun.run(db.env(), "officer", "list").out()).contains("7\tLan\tofficer");

        CliRun citizen = CliRun.runWithInput(db.env(), "/human\n", "chat", "--as", "alice");
        assertThat(citizen.out()).contains("Đã chuyển yêu cầu tới cán bộ trực");

        CliRun officer = CliRun.runWithInput(
                db.env(), "/queue\n/take 1\nChào bạn, tôi là Lan.\n/close\n", "officer", "console", "--as", "7");
        assertThat(officer.exit()).as(officer.toString()).isZero();
        assertThat(officer.out()).contains("🔔 #1", "› /human", "#1 is yours", "Sent to #1.", "#1 closed");

        CliRun back = CliRun.runWithInput(db.env(), "", "chat", "--as", "alice");
        assertThat(back.out()).contains("👤 Lan đã nhận", "👤 Lan: Chào bạn, tôi là Lan.", "Cán bộ đã kết thúc");
    }

    @Test
    void someoneNotListedCannotActAndAnEmergencyGetsTheHotlineFirst() {
        CliRun.run(db.env(), "officer", "add", "--id", "7", "--name", "Lan");
        CliRun citizen = CliRun.runWithInput(db.env(), "toi bi bat\n", "chat", "--as", "bob");
        assertThat(citizen.out()).contains(TestCorpora.HOTLINE, "Cán bộ trực đã được báo");

        CliRun stranger = CliRun.runWithInput(db.env(), "/take 1\n", "officer", "console", "--as", "99");
        assertThat(stranger.exit()).isEqualTo(1);
        assertThat(stranger.err()).contains("99 is not a listed officer");
        assertThat(stranger.out()).as("no ticket shown to a stranger").doesNotContain("#1");
        CliRun officer = CliRun.runWithInput(
                db.env(), "/queue\n/transcript 1\nclose the door and wait\n", "officer", "console", "--as", "7");
        assertThat(officer.out())
                .contains(
                        "🆘 URGENT #1",
                        "#1 queued",
                        "#1 transcript:",
                        "› toi bi bat",
                        "Nothing sent: you hold no ticket");
    }

    @Test
    void theConsoleStaysOutOfTheWayWhenOfficersWorkInTheTelegramGroup() {
        CliRun.run(db.env(), "officer", "add", "--id", "7", "--name", "Lan");

        CliRun console = CliRun.runWithInput(
                db.env("TELEGRAM_OFFICER_CHAT_ID", "-100123"), "/queue\n", "officer", "console", "--as", "7");

        assertThat(console.exit()).isEqualTo(1);
        assertThat(console.err()).contains("officers work in the Telegram group");
    }

    @Test
    void officerCommandsCheckTheirArguments() {
        assertThat(CliRun.run(db.env(), "officer", "add", "--id", "7", "--name", "Lan", "--role", "boss")
                        .exit())
                .isEqualTo(2);
        assertThat(CliRun.run(db.env(), "officer", "remove", "--id", "404").exit())
                .isEqualTo(1);
        assertThat(CliRun.run(db.env(), "officer").exit()).isEqualTo(2);
    }
}
