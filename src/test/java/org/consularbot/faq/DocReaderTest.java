package org.consularbot.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The official bulletins of faq/docs: read with the corpus, each mistake named by file and line. */
class DocReaderTest {

    private static final String VALID = """
            ---
            id: test-bulletin
            title: Thông báo thử
            lang: vi
            source: https://example.gov.vn/a
            date: 2020-04
            reviewed: 2026-11-29
            historical: true
            topic: covid
            ---
            Đoạn một, đủ dài để tự đứng một mình.

            Đoạn hai
            nối dòng.
            """;
    //  1 ---  2 id  3 title  4 lang  5 source  6 date  7 reviewed  8 historical  9 topic  10 ---  11 text

    @TempDir
    Path tmp;

    @Test
    void theRealBulletinsLoadWithTheCorpus() {
        Corpus corpus = TestCorpora.real();

        assertThat(corpus.docs()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(corpus.docs()).allSatisfy(doc -> {
            assertThat(doc.source()).startsWith("http");
            assertThat(doc.paragraphs()).isNotEmpty();
        });
        assertThat(corpus.docs()).anySatisfy(doc -> assertThat(doc.historical()).isTrue());
    }

    @Test
    void aValidBulletinIsReadWithItsParagraphsAndPartialDate() throws IOException {
        OfficialDoc doc = load(VALID).corpus().orElseThrow().docs().get(0);

        assertThat(doc.id()).isEqualTo("test-bulletin");
        assertThat(doc.language()).isEqualTo(Language.VI);
        assertThat(doc.date()).isEqualTo(LocalDate.of(2020, 4, 1));
        assertThat(doc.datePrecision()).isEqualTo(ChronoUnit.MONTHS);
        assertThat(doc.historical()).isTrue();
        assertThat(doc.paragraphs()).containsExactly("Đoạn một, đủ dài để tự đứng một mình.", "Đoạn hai\nnối dòng.");
    }

    @ParameterizedTest(name = "{0} → line {2}")
    @CsvSource(delimiter = '|', textBlock = """
            lang: vi                              | lang: fr                     | 4  | lang must be vi or en
            source: https://example.gov.vn/a      | source: example.gov.vn       | 5  | source must be an http(s) address
            date: 2020-04                         | date: 22/03/2020             | 6  | malformed date '22/03/2020'
            historical: true                      | historical: yes              | 8  | historical must be true or false
            topic: covid                          | topic: weather               | 9  | unknown topic 'weather'
            topic: covid                          | author: someone              | 9  | unknown field 'author'
            id: test-bulletin                     | id: Test Bulletin            | 2  | id 'Test Bulletin' must be lower-case
            title: Thông báo thử                  | title:                       | 3  | missing 'title'
            """)
    void eachMistakeIsNamedByFileAndLine(String good, String bad, int line, String message) throws IOException {
        CorpusLoader.Report report = load(VALID.replace(good, bad));

        assertThat(report.corpus()).isEmpty();
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.location()).isEqualTo(new SourceLocation("docs/test-bulletin.md", line));
            assertThat(p.message()).contains(message);
        });
    }

    @Test
    void anUnclosedFrontMatterOrNoTextIsAProblem() throws IOException {
        assertThat(load(VALID.replace("topic: covid\n---", "topic: covid\n")).problems())
                .extracting(CorpusProblem::message)
                .anySatisfy(m -> assertThat(m).contains("not closed"));
        assertThat(load(VALID.substring(0, VALID.indexOf("Đoạn một"))).problems())
                .extracting(CorpusProblem::message)
                .anySatisfy(m -> assertThat(m).contains("no text"));
    }

    @Test
    void twoBulletinsWithOneIdAreAProblem() throws IOException {
        Path root = TestCorpora.copyOfReal(tmp.resolve("c"));
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/a.md"), VALID);
        Files.writeString(root.resolve("docs/b.md"), VALID);

        assertThat(new CorpusLoader(TestCorpora.CLOCK).check(root).problems())
                .extracting(CorpusProblem::message)
                .anySatisfy(m -> assertThat(m).contains("duplicate id 'test-bulletin' (also in docs/a.md)"));
    }

    private CorpusLoader.Report load(String doc) throws IOException {
        Path root = TestCorpora.copyOfReal(tmp.resolve("c" + System.nanoTime()));
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/test-bulletin.md"), doc);
        return new CorpusLoader(TestCorpora.CLOCK).check(root);
    }
}
