package org.consularbot.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spreadsheet round trip: export, import into a fresh folder, load, and nothing is lost. */
class CorpusCsvTest {

    @TempDir
    Path tmp;

    private static void assertSameEntries(List<FaqEntry> actual, List<FaqEntry> expected) {
        assertThat(actual)
                .extracting(FaqEntry::id)
                .containsExactlyElementsOf(expected.stream().map(FaqEntry::id).toList());
        for (int i = 0; i < expected.size(); i++) {
            FaqEntry want = expected.get(i);
            FaqEntry got = actual.get(i);
            String id = want.id();
            assertThat(got.topic()).as(id + " topic").isEqualTo(want.topic());
            for (Language language : Language.values()) {
                assertThat(got.questions(language))
                        .as(id + " questions " + language)
                        .containsExactlyElementsOf(want.questions(language));
                assertThat(got.answers().get(language))
                        .as(id + " answer " + language)
                        .isEqualTo(want.answers().get(language));
            }
            assertThat(got.sources()).as(id + " sources").containsExactlyElementsOf(want.sources());
            assertThat(got.reviewed()).as(id + " reviewed").isEqualTo(want.reviewed());
            assertThat(got.expires()).as(id + " expires").isEqualTo(want.expires());
            assertThat(got.keywords()).as(id + " keywords").containsExactlyElementsOf(want.keywords());
            assertThat(got.location().file())
                    .as(id + " file")
                    .isEqualTo(want.location().file());
        }
    }

    @Test
    void theLayoutWritesEveryRealTopicFileByteForByte() throws Exception {
        Corpus real = TestCorpora.real();
        Map<String, List<EntryLayout.Block>> byFile = new LinkedHashMap<>();
        real.entries()
                .forEach(e -> byFile.computeIfAbsent(e.location().file(), f -> new ArrayList<>())
                        .add(EntryLayout.Block.of(e)));
        assertThat(byFile).hasSizeGreaterThan(20);
        byFile.forEach((file, blocks) -> {
            try {
                assertThat(EntryLayout.file(blocks))
                        .as(file + " in the corpus's own layout (faq export + faq import writes it so)")
                        .isEqualTo(Files.readString(TestCorpora.FAQ.resolve(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Text a YAML parser would read as something else, or refuse, if written plain. */
    private static final List<String> TRICKY = List.of(
            "0b101",
            "+0x1F",
            "0o17",
            "1e3",
            "+.inf",
            ".NaN",
            "yes",
            "No",
            "~",
            "null",
            "2026",
            "200.000",
            "tại sao?",
            "why? because",
            "a: b",
            "a #b",
            "#lead",
            "- dash",
            "? q",
            "[x]",
            "{y}",
            "x, y",
            "\"quoted\"",
            "back\\slash",
            "line\u2028sep",
            "para\u2029sep",
            "nel\u0085x",
            "c1\u0090x",
            "tab\tin",
            "1/7/2026",
            "5-year",
            "12:30",
            "1_000",
            "can't",
            "20%",
            "@at",
            "`tick`",
            "!bang",
            "&amp",
            "*star",
            "|pipe",
            ">gt",
            "%pct");

    @Test
    void everyTrickyTextIsReadBackAsWrittenInEveryPlace() throws Exception {
        Path dir = TestCorpora.copyWithoutEntries(tmp.resolve("tricky"));
        List<String> vi = new ArrayList<>(List.of("Lệ phí hộ chiếu bao nhiêu", "Phí làm hộ chiếu", "Giá hộ chiếu"));
        vi.addAll(TRICKY);
        EntryLayout.Block block = new EntryLayout.Block(
                "fees.tricky",
                "fees",
                vi,
                List.of("How much is a passport", "Passport fee", "Passport price"),
                String.join("\n", TRICKY),
                "See the website.",
                List.of("https://lanhsuvietnam.gov.vn/"),
                "2026-11-01",
                "2027-06-30",
                TRICKY);
        Files.writeString(dir.resolve("entries/fees.yaml"), EntryLayout.file(List.of(block)));

        CorpusLoader.Report report = new CorpusLoader(TestCorpora.CLOCK).check(dir);
        assertThat(report.problems()).isEmpty();
        FaqEntry read = report.corpus().orElseThrow().entry("fees.tricky").orElseThrow();
        assertThat(read.questions(Language.VI)).containsExactlyElementsOf(vi);
        assertThat(read.keywords()).containsExactlyElementsOf(TRICKY);
        assertThat(read.answers().get(Language.VI).strip()).isEqualTo(String.join("\n", TRICKY));
    }

    @Test
    void anUnchangedExportImportsToTheSameFilesAndAnEditChangesOnlyItsEntry() throws Exception {
        Path copy = TestCorpora.copyOfReal(tmp.resolve("copy"));
        Path csv = tmp.resolve("faq.csv");
        CorpusCsv.export(new CorpusLoader(TestCorpora.CLOCK).load(copy), csv);
        Map<Path, String> before = texts(copy.resolve("entries"));
        CorpusCsv.importInto(csv, copy);
        assertThat(texts(copy.resolve("entries"))).isEqualTo(before);

        String fees = before.get(copy.resolve("entries/fees.yaml"));
        String edited = Files.readString(csv)
                .replace(
                        "Lệ phí làm hộ chiếu tại đại sứ quán là bao nhiêu?",
                        "Lệ phí làm hộ chiếu tại đại sứ quán: bao nhiêu # mới?");
        Files.writeString(csv, edited);
        CorpusCsv.importInto(csv, copy);
        Map<Path, String> after = texts(copy.resolve("entries"));
        after.forEach((file, text) -> {
            if (!file.endsWith("fees.yaml")) {
                assertThat(text).as(file.toString()).isEqualTo(before.get(file));
            }
        });
        List<String> was = fees.lines().toList();
        List<String> now = after.get(copy.resolve("entries/fees.yaml")).lines().toList();
        assertThat(now).hasSameSizeAs(was);
        List<Integer> changed = IntStream.range(0, was.size())
                .filter(i -> !was.get(i).equals(now.get(i)))
                .boxed()
                .toList();
        assertThat(changed).hasSize(1);
        assertThat(now.get(changed.get(0)))
                .isEqualTo("        - \"Lệ phí làm hộ chiếu tại đại sứ quán: bao nhiêu # mới?\"");
        Corpus reloaded = new CorpusLoader(TestCorpora.CLOCK).load(copy);
        assertThat(reloaded.entry("fees.passport")
                        .orElseThrow()
                        .questions(Language.VI)
                        .get(0))
                .isEqualTo("Lệ phí làm hộ chiếu tại đại sứ quán: bao nhiêu # mới?");
    }

    private static Map<Path, String> texts(Path dir) throws IOException {
        Map<Path, String> texts = new TreeMap<>();
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                texts.put(file, Files.readString(file));
            }
        }
        return texts;
    }

    @Test
    void aProblemInAnImportedEntryIsToldAsItsSpreadsheetRow() throws Exception {
        Path dir = TestCorpora.copyWithoutEntries(tmp.resolve("rows"));
        Path csv = tmp.resolve("rows.csv");
        Files.writeString(csv, """
                file,id,topic,questions_vi,questions_en,answer_vi,answer_en,sources,reviewed,expires,keywords
                fees.yaml,fees.a,fees,"Phí bao nhiêu?
                Lệ phí?",How much?,Xem trang web.,See the website.,https://lanhsuvietnam.gov.vn/,2026-11-01,,
                fees.yaml,fees.b,fees,Phí nộp thế nào?,How to pay?,Xem trang web.,See the website.,https://lanhsuvietnam.gov.vn/,not-a-date,,
                """);
        CorpusCsv.Imported imported = CorpusCsv.importInto(csv, dir);
        CorpusLoader.Report report = new CorpusLoader(TestCorpora.CLOCK).check(dir);
        assertThat(report.problems()).isNotEmpty();
        assertThat(report.problems())
                .extracting(CorpusProblem::message)
                .anySatisfy(m -> assertThat(m).contains("fees.a"))
                .anySatisfy(m -> assertThat(m).contains("malformed date 'not-a-date'"));
        assertThat(report.problems())
                .allSatisfy(p -> assertThat(imported.row(p.location()))
                        .as(p.toString())
                        .contains(p.message().contains("'fees.a'") ? "rows.csv row 2" : "rows.csv row 3"));
        assertThat(imported.row(new SourceLocation("entries/fees.yaml", 2))).contains("rows.csv row 2");
        assertThat(imported.row(new SourceLocation("mission.yaml", 3))).isEmpty();
    }

    @Test
    void realCorpusSurvivesExportAndImport() throws Exception {
        Corpus original = TestCorpora.real();
        Path csv = tmp.resolve("faq.csv");
        CorpusCsv.export(original, csv);

        Path copy = TestCorpora.copyWithoutEntries(tmp.resolve("copy"));
        List<Path> written = CorpusCsv.importInto(csv, copy).files();
        long topicFiles = original.entries().stream()
                .map(e -> e.location().file())
                .distinct()
                .count();
        assertThat(written)
                .hasSize((int) topicFiles)
                .allSatisfy(p -> assertThat(p).startsWith(copy.resolve("entries")));

        CorpusLoader.Report report = new CorpusLoader(TestCorpora.CLOCK).check(copy);
        assertThat(report.problems()).isEmpty();
        Corpus imported = report.corpus().orElseThrow();
        assertSameEntries(imported.entries(), original.entries());
        assertThat(imported.entries()).isNotEmpty();
    }

    @Test
    void exportWritesAHeaderAndOneRowPerEntryWithABom() throws Exception {
        Path csv = tmp.resolve("faq.csv");
        CorpusCsv.export(TestCorpora.real(), csv);
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF" + String.join(",", CorpusCsv.COLUMNS));
        assertThat(text).contains("passport.issue.renew-abroad").contains("hộ chiếu");
    }

    @Test
    void editedCsvWithMultiLineCellsCommasAndQuotesSurvives() throws Exception {
        String answerVi = "Bước 1: gọi {{hotline}}, ngay.\nBước 2: nói \"tôi là công dân Việt Nam\", rồi chờ.\n"
                + "- gạch đầu dòng; # không phải chú thích\n{{mission_name}}: 'trích dẫn'";
        String answerEn = "\"Quoted\" first, then commas, commas, commas.\nSecond line: yes\nno";
        String csv = String.join(",", CorpusCsv.COLUMNS) + "\r\n"
                + "edited.yaml,x.edited,passport.issue,"
                + quote("Câu hỏi một, có dấu phẩy?\nCâu \"hai\"\n  Câu ba  \n")
                + "," + quote("Question one, with a comma?\nQuestion \"two\"\nQuestion three: yes")
                + "," + quote(answerVi) + "," + quote(answerEn)
                + "," + quote("https://lanhsuvietnam.gov.vn/a?x=1,2\nhttps://lanhsuvietnam.gov.vn/b")
                + ",2026-11-01,2027-06-30," + quote("gia hạn, renew\n\"quoted\"") + "\r\n";
        Path file = tmp.resolve("edited.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        Path dir = TestCorpora.copyWithoutEntries(tmp.resolve("copy"));
        CorpusCsv.importInto(file, dir);
        Corpus corpus = new CorpusLoader(TestCorpora.CLOCK).load(dir);

        FaqEntry entry = corpus.entry("x.edited").orElseThrow();
        assertThat(entry.location().file()).isEqualTo("entries/edited.yaml");
        assertThat(entry.questions(Language.VI)).containsExactly("Câu hỏi một, có dấu phẩy?", "Câu \"hai\"", "Câu ba");
        assertThat(entry.questions(Language.EN))
                .containsExactly("Question one, with a comma?", "Question \"two\"", "Question three: yes");
        assertThat(entry.answers()).containsEntry(Language.VI, answerVi).containsEntry(Language.EN, answerEn);
        assertThat(corpus.answer(entry, Language.VI)).contains("gọi " + TestCorpora.HOTLINE + ", ngay.");
        assertThat(entry.sources())
                .containsExactly("https://lanhsuvietnam.gov.vn/a?x=1,2", "https://lanhsuvietnam.gov.vn/b");
        assertThat(entry.reviewed()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(entry.expires()).isEqualTo(Optional.of(LocalDate.of(2027, 6, 30)));
        assertThat(entry.keywords()).containsExactly("gia hạn, renew", "\"quoted\"");

        // and what was imported exports back to the same cells
        Path again = tmp.resolve("again.csv");
        CorpusCsv.export(corpus, again);
        Path second = TestCorpora.copyWithoutEntries(tmp.resolve("second"));
        CorpusCsv.importInto(again, second);
        assertSameEntries(new CorpusLoader(TestCorpora.CLOCK).load(second).entries(), corpus.entries());
    }

    @Test
    void cellsThatLookLikeOtherYamlTypesStayText() throws Exception {
        String csv = String.join(",", CorpusCsv.COLUMNS) + "\n"
                + ",x.types,fees," + quote("yes\nno\nnull\n123\n~\n#1") + "," + quote("true\nfalse\non\noff")
                + ",No,Yes,https://lanhsuvietnam.gov.vn/,2026-11-01,,"
                + quote("2026\n{{x}}\n[a, b]\n0800\n007\n12:30\n-1") + "\n";
        Path file = tmp.resolve("types.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        Path dir = TestCorpora.copyWithoutEntries(tmp.resolve("copy"));
        List<Path> written = CorpusCsv.importInto(file, dir).files();
        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly("fees.yaml"); // no file: topic
        FaqEntry entry =
                new CorpusLoader(TestCorpora.CLOCK).load(dir).entry("x.types").orElseThrow();
        assertThat(entry.questions(Language.VI)).containsExactly("yes", "no", "null", "123", "~", "#1");
        assertThat(entry.questions(Language.EN)).containsExactly("true", "false", "on", "off");
        assertThat(entry.answers()).containsEntry(Language.VI, "No").containsEntry(Language.EN, "Yes");
        assertThat(entry.keywords()).containsExactly("2026", "{{x}}", "[a, b]", "0800", "007", "12:30", "-1");
        assertThat(entry.expires()).isEmpty();
    }

    @Test
    // Regression test for a bug found in review (it failed before the fix).
    void numberLikeCellsStayAsWritten() throws Exception {
        String csv = String.join(",", CorpusCsv.COLUMNS) + "\n"
                + "n.yaml,x.numbers,contact.hotline," + quote("a\nb\nc") + "," + quote("a\nb\nc")
                + ",+84,1.50,https://lanhsuvietnam.gov.vn/,2026-11-01,2027-06-30," + quote("+84\n1.50\n1e3\n0x1F")
                + "\n";
        Path file = tmp.resolve("numbers.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        Path dir = TestCorpora.copyWithoutEntries(tmp.resolve("copy"));
        CorpusCsv.importInto(file, dir);
        FaqEntry entry =
                new CorpusLoader(TestCorpora.CLOCK).load(dir).entry("x.numbers").orElseThrow();
        assertThat(entry.keywords()).containsExactly("+84", "1.50", "1e3", "0x1F");
        assertThat(entry.answers()).containsEntry(Language.VI, "+84").containsEntry(Language.EN, "1.50");
    }

    @Test
    void aRowWithoutIdIsRejectedWithItsRow() throws Exception {
        String csv = String.join(",", CorpusCsv.COLUMNS) + "\n"
                + "a.yaml,x.ok,fees,q,q,a,a,https://lanhsuvietnam.gov.vn/,2026-11-01,,\n"
                + "a.yaml,,fees,q,q,a,a,https://lanhsuvietnam.gov.vn/,2026-11-01,,\n";
        Path file = tmp.resolve("noid.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        Path dir = TestCorpora.copyWithoutEntries(tmp.resolve("copy"));
        assertThatThrownBy(() -> CorpusCsv.importInto(file, dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 3")
                .hasMessageContaining("no id");
    }

    @Test
    void importedRowsWithMistakesAreCaughtByTheLoader() throws Exception {
        String csv = String.join(",", CorpusCsv.COLUMNS) + "\n"
                + "a.yaml,x.bad,no.such.topic," + quote("a\nb\nc") + "," + quote("a\nb\nc")
                + ",vi,en,https://lanhsuvietnam.gov.vn/,2026-11-01,,\n";
        Path file = tmp.resolve("bad.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        Path dir = TestCorpora.copyWithoutEntries(tmp.resolve("copy"));
        CorpusCsv.importInto(file, dir);
        CorpusLoader.Report report = new CorpusLoader(TestCorpora.CLOCK).check(dir);
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.location().file()).isEqualTo("entries/a.yaml");
            assertThat(p.message()).contains("unknown topic 'no.such.topic'");
        });
    }

    private static String quote(String cell) {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }
}
