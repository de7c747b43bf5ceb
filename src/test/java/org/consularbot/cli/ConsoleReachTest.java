package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.consularbot.handoff.OfficerLogins;
import org.consularbot.handoff.OfficerReach;
import org.consularbot.store.JdbcOfficerLogins;
import org.consularbot.web.ConsoleReach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "The duty officer has been alerted" only when an officer on duty is reachable: through the web console alone, that
 * is an officer signed in now (a session not idle), not one who merely has a password (it was: serve counted every
 * officer reachable as soon as one password was set). Through the Telegram group, every listed officer.
 */
class ConsoleReachTest extends AssembledHandoff {

    static final String ALERTED = "Cán bộ trực đã được báo";
    static final String NOBODY_ON_DUTY = "Hiện không có cán bộ trực";
    static final String ASKED = "Đã chuyển yêu cầu tới cán bộ trực";
    static final String OUT_OF_HOURS = "chưa có cán bộ trực";

    private JdbcOfficerLogins logins;

    @BeforeEach
    void consoleOnly() {
        logins = new JdbcOfficerLogins(bot.database.dataSource());
        logins.setPasswordHash("7", "argon2-hash-of-lan", clock.instant());
        bot.officerReach(new ConsoleReach(logins, Duration.ofMinutes(30)));
    }

    /** Everything the citizen was told, in order: an emergency turn sends more than one message. */
    private String toldTo(String chat) {
        return String.join(
                "\n",
                toCitizens.stream()
                        .filter(e -> e.conversation().chatId().equals(chat))
                        .map(e -> e.reply().text())
                        .toList());
    }

    private void signIn(String officer) {
        logins.createSession(new OfficerLogins.Session(
                "session-of-" + officer, officer, "csrf", "vi", clock.instant(), clock.instant()));
    }

    @Test
    void withAPasswordButNobodySignedInTheCitizenIsToldHonestlyAndTheRequestStillWaits() {
        citizen("100", "toi bi canh sat bat");
        assertThat(toldTo("100")).contains(NOBODY_ON_DUTY).doesNotContain(ALERTED);

        citizen("200", "/human");
        assertThat(toldTo("200")).contains(OUT_OF_HOURS).doesNotContain(ASKED);

        assertThat(bot.tickets.open()).as("queued for whoever signs in").hasSize(2);
    }

    @Test
    void anOfficerSignedInCountsUntilTheirSessionGoesIdle() {
        signIn("7");

        citizen("100", "toi bi canh sat bat");
        assertThat(toldTo("100")).contains(ALERTED);
        citizen("200", "/human");
        assertThat(toldTo("200")).contains(ASKED);

        clock.advance(Duration.ofMinutes(30));
        citizen("300", "/human");
        assertThat(toldTo("300")).as("idle 30 min: nobody reads").contains(OUT_OF_HOURS);

        logins.touch("session-of-7", clock.instant());
        citizen("400", "/human");
        assertThat(toldTo("400")).contains(ASKED);
    }

    @Test
    void aSignedInOfficerOffDutyByTheRosterIsNotOnDuty() throws Exception {
        Path roster = tmp.resolve("roster.yaml");
        Files.writeString(
                roster,
                "time_zone: America/Toronto\nofficers:\n  \"8\": {mon: \"09:00-17:00\"}\n  \"7\": {tue: \"09:00-17:00\"}\n");
        bot.close();
        open(Map.of("ROSTER_FILE", roster.toString()));
        consoleOnly();
        logins.setPasswordHash("8", "argon2-hash-of-minh", clock.instant());
        signIn("7"); // signed in, but off duty on Monday

        citizen("100", "/human");
        assertThat(toldTo("100")).contains(OUT_OF_HOURS);

        signIn("8"); // on duty Monday 10:00 in Toronto, and signed in
        citizen("200", "/human");
        assertThat(toldTo("200")).contains(ASKED);
    }

    @Test
    void throughTheTelegramGroupEveryListedOfficerIsReached() {
        bot.officerReach(OfficerReach.EVERYONE);

        citizen("100", "toi bi canh sat bat");

        assertThat(toldTo("100")).contains(ALERTED);
    }
}
