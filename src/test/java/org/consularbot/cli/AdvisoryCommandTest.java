package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code advisory}: citizens subscribe in the terminal chat, staff count them and take an advisory through four eyes
 * on the same embedded database; bad input gets a clear error and a non-zero exit, never a stack trace.
 */
class AdvisoryCommandTest {

    @TempDir
    Path tmp;

    private ChatDb db;
    private Path vi;
    private Path en;

    @BeforeEach
    void setUp() throws Exception {
        db = new ChatDb(tmp);
        ok(CliRun.run(db.env(), "officer", "add", "--id", "lan", "--name", "Lan"));
        ok(CliRun.run(db.env(), "officer", "add", "--id", "minh", "--name", "Minh", "--role", "supervisor"));
        ok(CliRun.run(db.env(), "officer", "add", "--id", "hoa", "--name", "Hoa", "--role", "supervisor"));
        vi = Files.writeString(
                tmp.resolve("vi.txt"), "Bão lớn ở Osaka\n\nỞ trong nhà. Khẩn cấp: gọi đường dây nóng.\n");
        en = Files.writeString(
                tmp.resolve("en.txt"), "Typhoon in Osaka\r\n\r\nStay indoors. Emergency: call the hotline.\n");
    }

    private static CliRun ok(CliRun run) {
        assertThat(run.exit()).as(run.toString()).isZero();
        return run;
    }

    private void citizen(String name, String input) {
        ok(CliRun.runWithInput(db.env(), input, "chat", "--as", name));
    }

    private CliRun advisory(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "advisory";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.run(db.env(), all);
    }

    @Test
    void subscribersAreCountedPerPlaceWithoutTheirIds() {
        citizen("citizen-a", "/subscribe\nNhật Bản\nOsaka\n");
        citizen("citizen-b", "/subscribe\nnhat ban\nosaka\n");
        citizen("citizen-c", "/subscribe\nHàn Quốc\nbỏ qua\n");
        citizen("citizen-d", "/subscribe\nHàn Quốc\nbỏ qua\n/unsubscribe\n");

        CliRun counts = ok(advisory("subscribers"));

        assertThat(counts.out().strip().lines())
                .containsExactly("country\tregion\tsubscribers", "JP\tOsaka\t2", "KR\t-\t1", "total\t\t3");
        assertThat(counts.out() + counts.err()).doesNotContain("citizen-");
    }

    @Test
    void anAdvisoryGoesThroughFourEyes() {
        citizen("citizen-a", "/subscribe\nNhật Bản\nOsaka\n");
        citizen("citizen-b", "/subscribe\nJapan\nTokyo\n");

        CliRun drafted = ok(CliRun.runWithInput(
                db.env(),
                "Typhoon in Osaka\n\nStay indoors.\n",
                "advisory",
                "draft",
                "--vi",
                vi.toString(),
                "--en",
                "-",
                "--level",
                "danger",
                "--country",
                "JP",
                "--region",
                "JP:Osaka",
                "--check-in",
                "--expires",
                "48h",
                "--by",
                "minh"));
        assertThat(drafted.out()).contains("drafted advisory 1 (danger, JP, JP:Osaka); it would reach 2 subscribers");

        CliRun own = advisory("approve", "--id", "1", "--by", "minh");
        assertThat(own.exit()).isEqualTo(1);
        assertThat(own.err()).contains("four eyes: minh drafted advisory 1 and cannot approve it too");
        CliRun notSupervisor = advisory("approve", "--id", "1", "--by", "lan");
        assertThat(notSupervisor.exit()).isEqualTo(1);
        assertThat(notSupervisor.err()).contains("lan is not a supervisor");
        assertThat(ok(advisory("status", "--id", "1")).out()).contains("advisory 1: draft, danger");

        assertThat(ok(advisory("approve", "--id", "1", "--by", "hoa")).out())
                .contains("advisory 1 approved by hoa (drafted by minh)")
                .contains("Sending is not built yet");

        CliRun status = ok(advisory("status", "--id", "1"));
        assertThat(status.out())
                .contains("advisory 1: approved, danger")
                .contains("targets: JP, JP:Osaka; check-in: yes")
                .contains("approved by hoa")
                .contains("would reach: 2 subscribers")
                .contains("Bão lớn ở Osaka")
                .contains("Stay indoors.");
        assertThat(ok(advisory("cancel", "--id", "1", "--by", "lan")).out()).contains("advisory 1 cancelled by lan");
        assertThat(ok(advisory("status")).out()).startsWith("1\tcancelled\tdanger\tJP, JP:Osaka\t2 subscribers");
    }

    /** A draft of {@code vi} and {@code en} files at {@code level} for {@code country} by {@code by}, and more. */
    private CliRun draft(Path viFile, String level, String country, String by, String... more) {
        String[] base = {
            "draft",
            "--vi",
            viFile.toString(),
            "--en",
            en.toString(),
            "--level",
            level,
            "--country",
            country,
            "--by",
            by
        };
        return advisory(concat(base, more));
    }

    @Test
    void badInputIsAClearErrorNeverACrash() throws Exception {
        assertError(draft(vi, "caution", "ZZ", "lan"), 1, "unknown country ZZ");
        assertError(draft(vi, "caution", "Japan", "lan"), 2, "two capital letters");
        assertError(draft(vi, "caution", "JP", "lan", "--region", "Osaka"), 2, "--region is COUNTRY:REGION");
        assertError(draft(vi, "caution", "JP", "lan", "--expires", "soon"), 2, "--expires is an instant");
        assertError(draft(vi, "urgent", "JP", "lan"), 2, "information, caution or danger");
        assertError(draft(vi, "danger", "JP", "nobody"), 1, "nobody is not a listed officer");
        Path flat = Files.writeString(tmp.resolve("flat.txt"), "Only a title, no body");
        assertError(draft(flat, "danger", "JP", "lan"), 1, "then a blank line, then the body");
        assertError(draft(tmp.resolve("missing.txt"), "danger", "JP", "lan"), 1, "--vi: cannot read");
        assertError(advisory("approve", "--id", "42", "--by", "minh"), 1, "no advisory 42");
        assertError(advisory("approve", "--id", "x", "--by", "minh"), 2, "--id");
        assertThat(ok(advisory("status")).out()).contains("no advisories yet");
    }

    private static void assertError(CliRun run, int exit, String message) {
        assertThat(run.exit()).as(run.toString()).isEqualTo(exit);
        assertThat(run.err())
                .as(run.toString())
                .contains(message)
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    private static String[] concat(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
