package org.consularbot.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class DutyRosterTest {

    private static final DutyRoster ROSTER = DutyRoster.parse("""
            time_zone: America/Toronto
            holidays: [2026-12-25]
            backup: ["9"]
            officers:
              "7": {mon: "09:00-17:00", fri: "09:00-12:00, 13:00-17:00"}
              "8": {sat: "20:00-24:00"}
            """, "roster.yaml");
    private static final List<Officer> OFFICERS = List.of(
            new Officer("7", "Lan", Officer.Role.OFFICER),
            new Officer("8", "Minh", Officer.Role.OFFICER),
            new Officer("9", "Chi", Officer.Role.SUPERVISOR));

    @Test
    void hoursAreReadInTheMissionsTimeZone() {
        assertThat(ROSTER.onDuty("7", Instant.parse("2026-11-30T14:00:00Z")))
                .as("Mon 09:00 Toronto")
                .isTrue();
        assertThat(ROSTER.onDuty("7", Instant.parse("2026-11-30T13:59:00Z")))
                .as("Mon 08:59")
                .isFalse();
        assertThat(ROSTER.onDuty("7", Instant.parse("2026-11-30T22:00:00Z")))
                .as("Mon 17:00 is the end")
                .isFalse();
        assertThat(ROSTER.onDuty("7", Instant.parse("2026-12-04T17:30:00Z")))
                .as("Fri 12:30, the lunch gap")
                .isFalse();
        assertThat(ROSTER.onDuty("8", Instant.parse("2026-11-29T04:59:00Z")))
                .as("Sat 23:59")
                .isTrue();
    }

    @Test
    void nobodyIsOnDutyOnAHoliday() {
        assertThat(ROSTER.onDuty("7", Instant.parse("2026-12-25T15:00:00Z"))).isFalse();
    }

    @Test
    void anAlarmNamesWhoIsOnDutyElseTheBackupElseSupervisors() {
        assertThat(ROSTER.toAlert(OFFICERS, Instant.parse("2026-11-30T15:00:00Z")))
                .containsExactly("7");
        assertThat(ROSTER.toAlert(OFFICERS, Instant.parse("2026-12-25T15:00:00Z")))
                .containsExactly("9");
        DutyRoster noBackup = DutyRoster.parse("officers: {\"7\": {mon: \"09:00-10:00\"}}", "r.yaml");
        assertThat(noBackup.toAlert(OFFICERS, Instant.parse("2026-12-25T15:00:00Z")))
                .containsExactly("9");
        assertThat(noBackup.toAlert(OFFICERS.subList(0, 2), Instant.parse("2026-12-25T15:00:00Z")))
                .containsExactly("7", "8");
    }

    @Test
    void withoutARosterEveryoneIsAlwaysOnDuty() {
        DutyRoster always = DutyRoster.always(ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(always.staffed(OFFICERS, Instant.parse("2026-12-25T03:00:00Z")))
                .isTrue();
    }

    @Test
    void mistakesNameTheFileAndWhatIsWrong() {
        assertThatThrownBy(() -> DutyRoster.parse("time_zone: Mars/Olympus", "r.yaml"))
                .hasMessageContaining("r.yaml: unknown time_zone");
        assertThatThrownBy(() -> DutyRoster.parse(
                        "officers:\n  \"7\": {mon: \"09:00-10:00\"}\n  \"7\": {tue: \"09:00-10:00\"}\n", "r.yaml"))
                .as("the same officer twice: the second would silently replace the first")
                .hasMessageContaining("r.yaml: line 3")
                .hasMessageContaining("'7' is written twice");
        assertThatThrownBy(() -> DutyRoster.parse("officers: {\"7\": {mon: \"9-17\"}}", "r.yaml"))
                .hasMessageContaining("is not HH:MM-HH:MM");
        assertThatThrownBy(() -> DutyRoster.parse("officers: {\"7\": {monday: \"09:00-17:00\"}}", "r.yaml"))
                .hasMessageContaining("unknown day");
        assertThatThrownBy(() -> DutyRoster.parse("holidays: [25/12/2026]", "r.yaml"))
                .hasMessageContaining("not a YYYY-MM-DD date");
        assertThatThrownBy(() -> DutyRoster.parse("officers: {\"7\": {mon: \"17:00-09:00\"}}", "r.yaml"))
                .hasMessageContaining("ends before");
    }

    @Test
    void theExampleRosterStaffsShipsParses() throws Exception {
        DutyRoster example =
                DutyRoster.parse(Files.readString(Path.of("faq/roster.example.yaml")), "faq/roster.example.yaml");

        assertThat(example.zone()).isEqualTo(ZoneId.of("America/Toronto"));
        assertThat(example.onDuty("100000001", Instant.parse("2026-11-30T15:00:00Z")))
                .isTrue();
        assertThat(example.onDuty("100000002", Instant.parse("2026-12-01T04:30:00Z")))
                .as("Mon 23:30")
                .isTrue();
    }
}
