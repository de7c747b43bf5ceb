package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.consularbot.config.Settings;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.CorpusLoader;
import org.consularbot.faq.FaqEntry;
import org.consularbot.faq.ModelCache;
import org.consularbot.faq.TestCorpora;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faq validate | export | import} as staff run them. */
class FaqCommandTest {

    private static final String HEADER =
            "file,id,topic,questions_vi,questions_en,answer_vi,answer_en,sources,reviewed,expires,keywords\n";

    @TempDir
    Path tmp;

    /** Every file under {@code dir} with its content, to prove a folder did not change. */
    private static Map<String, String> snapshot(Path dir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(path).toString(), Files.readString(path, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    @Test
    void validateTheRealCorpus() {
        CliRun run = CliRun.run("faq", "validate", "--dir", "faq");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("faq: valid, " + TestCorpora.real().entries().size() + " entries in 27 topics");
        assertThat(run.err()).doesNotContain("error:");
    }

    @Test
    void theReadingTrainedByOneValidateIsKeptAndAnEditedExampleTrainsAnew() throws Exception {
        Path faq = TestCorpora.copyOfReal(tmp.resolve("faq"));
        TestCorpora.write(faq.resolve("examples/few.tsv"), """
                expected\tkind\turgent\tsituation\tclass\tcountry\tprevious\tquestion
                passport.issue\tvi\tno\t-\t-\t-\t-\tem muốn làm lại hộ chiếu đã hết hạn
                passport.issue\tvi\tno\t-\t-\t-\t-\tgia hạn hộ chiếu cần giấy tờ gì
                emergency.arrest\tvi\tyes\tarrest\t-\t-\t-\tchồng em bị công an bắt tối qua
                emergency.arrest\tvi\tyes\tarrest\t-\t-\t-\tem trai em bị bắt giữ ở sân bay
                """);
        Path models = tmp.resolve("models");
        Map<String, String> env = Map.of("MODEL_CACHE_DIR", models.toString());

        CliRun first = CliRun.run(env, "faq", "validate", "--dir", faq.toString());
        assertThat(first.exit()).as(first.toString()).isZero();
        Map<String, Long> kept = modelFiles(models);
        assertThat(kept).as("the reading and the topics").hasSize(2);
        kept.keySet().forEach(name -> assertThat(name).matches("[0-9a-f]{64}\\.model"));
        Map<String, Object> inodes = fileKeys(models);
        CliRun again = CliRun.run(env, "faq", "validate", "--dir", faq.toString());
        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(modelFiles(models)).as("the same two models, nothing added").isEqualTo(kept);
        assertThat(fileKeys(models))
                .as("read, not trained and written again (a write replaces the file)")
                .isEqualTo(inodes);

        Files.writeString(
                faq.resolve("examples/few.tsv"),
                "passport.issue\tvi\tno\t-\t-\t-\t-\thộ chiếu hỏng thì sao\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        CliRun edited = CliRun.run(env, "faq", "validate", "--dir", faq.toString());
        assertThat(edited.exit()).as(edited.toString()).isZero();
        assertThat(modelFiles(models))
                .as("a new example: new models beside the old")
                .hasSize(4)
                .containsAllEntriesOf(kept);
    }

    @Test
    void aModelCacheSetOffKeepsNothing() {
        Settings off = Settings.load(Map.of("MODEL_CACHE_DIR", " OFF "), tmp.resolve("none.env"));

        assertThat(new CorpusSource(off, TestCorpora.CLOCK).models()).isSameAs(ModelCache.NONE);
    }

    @Test
    void aModelCachePathThatIsNoPathNamesTheSetting() {
        Settings bad = Settings.load(Map.of("MODEL_CACHE_DIR", "models\u0000x"), tmp.resolve("none.env"));

        CliRun run = CliRun.run(Map.of("MODEL_CACHE_DIR", "models\u0000x"), "faq", "validate", "--dir", "faq");
        assertThat(run.exit()).as(run.toString()).isNotZero();
        assertThat(run.err()).contains("MODEL_CACHE_DIR");
        Assertions.assertThatThrownBy(() -> new CorpusSource(bad, TestCorpora.CLOCK).models())
                .hasMessageContaining("MODEL_CACHE_DIR");
    }

    /** The model files in {@code folder} with their file-system identity (device and inode). */
    private static Map<String, Object> fileKeys(Path folder) throws IOException {
        Map<String, Object> keys = new TreeMap<>();
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path path : paths.toList()) {
                keys.put(
                        path.getFileName().toString(),
                        Files.readAttributes(path, BasicFileAttributes.class).fileKey());
            }
        }
        return keys;
    }

    /** The model files in {@code folder} with their sizes. */
    private static Map<String, Long> modelFiles(Path folder) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path path : paths.toList()) {
                files.put(path.getFileName().toString(), Files.size(path));
            }
        }
        return files;
    }

    /** A topic file with one entry, {@code x.one}, of this topic (line 3 names it). */
    private static String oneEntryOfTopic(String topic) {
        return """
                entries:
                  - id: x.one
                    topic: %s
                    questions:
                      vi: [a, b, c]
                      en: [a, b, c]
                    answer: {vi: a, en: b}
                    sources: [https://lanhsuvietnam.gov.vn/]
                    reviewed: 2026-11-01
                """.formatted(topic);
    }

    @Test
    void validateABrokenCorpusNamesFileAndLine(@TempDir Path broken) {
        TestCorpora.withEntries(broken, "x.yaml", oneEntryOfTopic("passport.nope"));
        CliRun run = CliRun.run("faq", "validate", "--dir", broken.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err())
                .contains("error: entries/x.yaml:3: entry 'x.one': unknown topic 'passport.nope'")
                .contains("1 error(s)");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void reviewListsEntriesDueSoonThenThoseAlreadyExpiredWithTheirPlace(@TempDir Path faq) {
        String entry = """
                  - id: x.%s
                    topic: fees
                    questions:
                      vi: [a, b, c]
                      en: [a, b, c]
                    answer: {vi: a, en: b}
                    sources: [https://lanhsuvietnam.gov.vn/]
                    reviewed: 2026-11-01
                    expires: %s
                """;
        TestCorpora.withEntries(
                faq,
                "x.yaml",
                "entries:\n" + entry.formatted("soon", "2026-12-10") + entry.formatted("later", "2027-06-30"));

        CliRun run = CliRun.run("faq", "review", "--dir", faq.toString());

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("due 2026-12-10  x.soon  (entries/x.yaml:2)")
                .doesNotContain("x.later");

        CliRun later = CliRun.runWithInput(
                Clock.fixed(Instant.parse("2027-01-05T00:00:00Z"), ZoneOffset.UTC),
                Map.of(),
                "",
                "faq",
                "review",
                "--dir",
                faq.toString());
        assertThat(later.exit())
                .as("an expired entry stops the bot from loading the corpus")
                .isEqualTo(1);
        assertThat(later.out()).contains("EXPIRED  entries/x.yaml:", "x.soon", "expired on 2026-12-10");
    }

    @Test
    void reviewListsTheMissionFactsNoSourceConfirmsYet() throws Exception {
        Path faq = TestCorpora.copyOfReal(tmp.resolve("real"));

        CliRun run = CliRun.run("faq", "review", "--dir", faq.toString());

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("unconfirmed  mission.yaml mission_phone: ", "unconfirmed  mission.yaml mission_hours: ");
    }

    @Test
    // Regression: review told expiries from other errors by the words "expired on" in the message.
    void reviewTellsAnExpiryFromAnErrorThatMerelySaysExpiredOn(@TempDir Path faq) {
        TestCorpora.withEntries(faq, "x.yaml", oneEntryOfTopic("expired on"));

        CliRun run = CliRun.run("faq", "review", "--dir", faq.toString());

        assertThat(run.out()).as(run.toString()).doesNotContain("EXPIRED").contains("fix the errors above");
        assertThat(run.err()).contains("unknown topic 'expired on'");
    }

    @Test
    void validateAFolderThatDoesNotExist() {
        CliRun run = CliRun.run("faq", "validate", "--dir", tmp.resolve("nope").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("not a corpus directory");
    }

    @Test
    void validateTheBundledCorpus() {
        Assumptions.assumeTrue(getClass().getClassLoader().getResource("faq/topics.tsv") != null, "no bundled corpus");
        CliRun run = CliRun.run("faq", "validate");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("bundled corpus is valid");
    }

    @Test
    void faqAloneShowsItsUsage() {
        CliRun run = CliRun.run("faq");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("validate").contains("export").contains("import");
    }

    @Test
    void exportThenImportRoundTripsThroughTheCommandLine() throws Exception {
        Path csv = tmp.resolve("faq.csv");
        CliRun export = CliRun.run("faq", "export", csv.toString(), "--dir", "faq");
        assertThat(export.exit()).as(export.toString()).isZero();
        assertThat(export.out())
                .contains("exported " + TestCorpora.real().entries().size() + " entries");

        Path target = TestCorpora.copyOfReal(tmp.resolve("copy"));
        Map<String, String> supportFiles = snapshot(target);
        supportFiles.keySet().removeIf(f -> f.startsWith("entries"));
        CliRun importRun = CliRun.run("faq", "import", csv.toString(), "--dir", target.toString());
        assertThat(importRun.exit()).as(importRun.toString()).isZero();
        assertThat(importRun.out()).contains("imported " + csv + " into " + target);

        Corpus imported = new CorpusLoader(TestCorpora.CLOCK).load(target);
        Corpus original = TestCorpora.real();
        assertThat(imported.entries())
                .extracting(FaqEntry::id)
                .containsExactlyElementsOf(
                        original.entries().stream().map(FaqEntry::id).toList());
        for (int i = 0; i < original.entries().size(); i++) {
            FaqEntry want = original.entries().get(i);
            FaqEntry got = imported.entries().get(i);
            assertThat(got.questions()).as(want.id()).isEqualTo(want.questions());
            assertThat(got.answers()).as(want.id()).isEqualTo(want.answers());
            assertThat(got.sources()).as(want.id()).isEqualTo(want.sources());
            assertThat(got.keywords()).as(want.id()).isEqualTo(want.keywords());
            assertThat(got.reviewed()).as(want.id()).isEqualTo(want.reviewed());
            assertThat(got.topic()).as(want.id()).isEqualTo(want.topic());
        }
        Map<String, String> after = snapshot(target);
        supportFiles.forEach((file, text) -> assertThat(after).containsEntry(file, text)); // only entries/ rewritten
    }

    @Test
    void importReplacesTheTopicFilesWithTheSpreadsheetRows() throws Exception {
        Path target = TestCorpora.copyOfReal(tmp.resolve("copy"));
        Path csv = tmp.resolve("one.csv");
        Files.writeString(
                csv,
                HEADER + "fees.yaml,fees.only,fees,\"a\nb\nc\",\"a\nb\nc\",vi,en,"
                        + "https://lanhsuvietnam.gov.vn/,2026-11-01,,\n",
                StandardCharsets.UTF_8);
        CliRun run = CliRun.run("faq", "import", csv.toString(), "--dir", target.toString());
        assertThat(run.exit()).as(run.toString()).isZero();
        try (Stream<Path> files = Files.list(target.resolve("entries"))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("fees.yaml");
        }
        assertThat(new CorpusLoader(TestCorpora.CLOCK).load(target).entries())
                .extracting(FaqEntry::id)
                .containsExactly("fees.only");
    }

    @Test
    void importOfAnInvalidRowChangesNothing() throws Exception {
        Path target = TestCorpora.copyOfReal(tmp.resolve("copy"));
        Map<String, String> before = snapshot(target);
        Path csv = tmp.resolve("bad.csv");
        Files.writeString(
                csv,
                HEADER
                        + "fees.yaml,fees.good,fees,\"a\nb\nc\",\"a\nb\nc\",vi,en,https://lanhsuvietnam.gov.vn/,2026-11-01,,\n"
                        + "fees.yaml,fees.bad,no.such.topic,\"a\nb\nc\",\"a\nb\nc\",vi,en,https://lanhsuvietnam.gov.vn/,2026-11-01,,\n",
                StandardCharsets.UTF_8);
        CliRun run = CliRun.run("faq", "import", csv.toString(), "--dir", target.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err())
                .contains("unknown topic 'no.such.topic'")
                .contains("bad.csv row 3: entry 'fees.bad'")
                .contains("nothing changed in " + target);
        assertThat(snapshot(target)).isEqualTo(before);
    }

    @Test
    void importOfARowWithoutIdChangesNothing() throws Exception {
        Path target = TestCorpora.copyOfReal(tmp.resolve("copy"));
        Map<String, String> before = snapshot(target);
        Path csv = tmp.resolve("noid.csv");
        Files.writeString(csv, HEADER + "fees.yaml,,fees,a,a,vi,en,https://lanhsuvietnam.gov.vn/,2026-11-01,,\n");
        CliRun run = CliRun.run("faq", "import", csv.toString(), "--dir", target.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("row 2, column id: no id");
        assertThat(snapshot(target)).isEqualTo(before);
    }

    @Test
    void importIntoAFolderThatDoesNotExist() throws Exception {
        Path csv = tmp.resolve("x.csv");
        Files.writeString(csv, HEADER);
        CliRun run = CliRun.run(
                "faq", "import", csv.toString(), "--dir", tmp.resolve("nope").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("is not a corpus folder");
    }

    @Test
    void exportOfABrokenCorpusFails(@TempDir Path broken) {
        TestCorpora.withEntries(broken, "x.yaml", "entries:\n  - id: x\n");
        CliRun run = CliRun.run("faq", "export", tmp.resolve("out.csv").toString(), "--dir", broken.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("the FAQ corpus is invalid");
        assertThat(tmp.resolve("out.csv")).doesNotExist();
    }
}
