package org.consularbot.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Broken corpora, one mistake each, built in a temporary folder from {@link #VALID}: every problem must name
 * the file and the line where staff will find the mistake, in words they understand.
 */
class CorpusLoaderProblemsTest {

    private static final String FILE = "entries/x.yaml";

    /** One valid entry; the line numbers on the right are the ones the tests expect. */
    private static final String VALID = """
            entries:
              - id: x.one
                topic: passport.issue
                questions:
                  vi: [Câu một, Câu hai, Câu ba]
                  en: [Question one, Question two, Question three]
                answer:
                  vi: Xem {{mission_website}}.
                  en: See {{mission_website}}.
                sources: [https://example.org/x]
                reviewed: 2026-11-01
            """;
    //  line 1 entries:  2 id  3 topic  4 questions  5 vi  6 en  7 answer  8 vi  9 en  10 sources  11 reviewed

    @TempDir
    Path tmp;

    private CorpusLoader.Report check(String yaml) {
        return new CorpusLoader(TestCorpora.CLOCK).check(TestCorpora.withEntries(tmp, "x.yaml", yaml));
    }

    /** The report's only problem, which must be at {@code FILE:line}. */
    private static CorpusProblem onlyProblem(CorpusLoader.Report report, int line) {
        assertThat(report.corpus()).isEmpty();
        assertThat(report.problems()).hasSize(1);
        CorpusProblem problem = report.problems().get(0);
        assertThat(problem.location()).isEqualTo(new SourceLocation(FILE, line));
        assertThat(problem.toString()).startsWith(FILE + ":" + line + ": ");
        return problem;
    }

    private static String withoutLine(String text, int line) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.remove(line - 1);
        return String.join("\n", lines);
    }

    @Test
    void theFixtureItselfIsValid() throws Exception {
        CorpusLoader.Report report = check(VALID);
        assertThat(report.problems()).isEmpty();
        Corpus corpus = report.orThrow();
        assertThat(corpus.entries()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("x.one");
            assertThat(e.location()).isEqualTo(new SourceLocation(FILE, 2));
            assertThat(corpus.answer(e, Language.EN)).isEqualTo("See https://example.org/.");
        });
    }

    @Test
    void unknownTopic() {
        CorpusProblem p = onlyProblem(check(VALID.replace("topic: passport.issue", "topic: passport.renewal")), 3);
        assertThat(p.message())
                .contains("x.one")
                .contains("unknown topic 'passport.renewal'")
                .contains("topics.tsv");
    }

    @Test
    void aTopicsFollowUpColumnIsEmptyOrFacet() throws Exception {
        Path dir = TestCorpora.withEntries(tmp, "x.yaml", VALID);
        String topics = Files.readString(dir.resolve("topics.tsv"));
        TestCorpora.write(dir.resolve("topics.tsv"), topics.replaceFirst("(?m)^(fees\t.*)\tfacet$", "$1\tmaybe"));
        CorpusLoader.Report report = new CorpusLoader(TestCorpora.CLOCK).check(dir);
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.location().file()).isEqualTo("topics.tsv");
            assertThat(p.message()).contains("'facet'").contains("not 'maybe'");
        });
        TestCorpora.write(dir.resolve("topics.tsv"), topics);
        Corpus corpus = new CorpusLoader(TestCorpora.CLOCK).check(dir).orThrow();
        assertThat(corpus.topic("fees").facet()).isTrue();
        assertThat(corpus.topic("passport.issue").facet()).isFalse();
    }

    @Test
    void duplicateIdPointsToTheSecondUseAndNamesTheFirst() {
        String twice = VALID + "\n" + VALID.replace("entries:\n", ""); // the copy starts on line 13
        CorpusProblem p = onlyProblem(check(twice), 13);
        assertThat(p.message()).contains("duplicate id 'x.one'").contains(FILE + ":2");
    }

    @Test
    void duplicateIdAcrossTwoFiles() {
        TestCorpora.write(tmp.resolve("entries/y.yaml"), "# another topic file\n" + VALID);
        CorpusLoader.Report report = check(VALID);
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo(new SourceLocation("entries/y.yaml", 3));
            assertThat(p.message()).contains("duplicate id 'x.one'").contains(FILE + ":2");
        });
    }

    @Test
    void missingLanguageInQuestions() {
        CorpusProblem p = onlyProblem(check(withoutLine(VALID, 6)), 4);
        assertThat(p.message()).contains("missing language 'en' in questions");
    }

    @Test
    void missingLanguageInAnswer() {
        CorpusProblem p = onlyProblem(check(withoutLine(VALID, 8)), 7);
        assertThat(p.message()).contains("missing language 'vi' in answer");
    }

    @Test
    void missingSourcePointsToTheEntry() {
        CorpusProblem p = onlyProblem(check(withoutLine(VALID, 10)), 2);
        assertThat(p.message()).contains("missing source");
    }

    @Test
    void emptySourceList() {
        CorpusProblem p = onlyProblem(check(VALID.replace("sources: [https://example.org/x]", "sources: []")), 10);
        assertThat(p.message()).contains("missing source");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-13-40", "24/11/2026", "2026-1-5", "next year"})
    void malformedReviewedDate(String date) {
        CorpusProblem p = onlyProblem(check(VALID.replace("reviewed: 2026-11-01", "reviewed: " + date)), 11);
        assertThat(p.message())
                .contains("malformed date '" + date + "'")
                .contains("reviewed")
                .contains("YYYY-MM-DD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-13-40", "24/11/2026"})
    void malformedExpiresDate(String date) {
        CorpusProblem p = onlyProblem(check(VALID + "    expires: " + date + "\n"), 12);
        assertThat(p.message()).contains("malformed date '" + date + "'").contains("expires");
    }

    @Test
    void missingReviewedDate() {
        CorpusProblem p = onlyProblem(check(withoutLine(VALID, 11)), 2);
        assertThat(p.message()).contains("no 'reviewed' date");
    }

    @Test
    void expiredEntryBeforeTheClockDate() {
        CorpusProblem p = onlyProblem(check(VALID + "    expires: 2026-11-23\n"), 12);
        assertThat(p.message())
                .contains("x.one")
                .contains("expired on 2026-11-23")
                .contains("review");
    }

    @Test
    void entryExpiringTodayOrLaterIsStillServed() {
        assertThat(check(VALID + "    expires: 2026-11-24\n").problems()).isEmpty();
        assertThat(new CorpusLoader(TestCorpora.CLOCK)
                        .check(tmp)
                        .corpus()
                        .orElseThrow()
                        .entries()
                        .get(0)
                        .expires())
                .contains(LocalDate.of(2026, 11, 24));
    }

    @Test
    void unknownPlaceholderIsReportedAtTheAnswerKeyWithTheKnownKeys() {
        CorpusProblem p = onlyProblem(check(VALID.replace("See {{mission_website}}.", "See {{nope}}.")), 7);
        assertThat(p.message())
                .contains("unknown placeholder {{nope}}")
                .contains("mission.yaml")
                .contains("mission_website")
                .contains("hotline");
    }

    @Test
    void unknownFieldNamesTheFieldAndTheAllowedOnes() {
        CorpusLoader.Report report = check(VALID.replace("    answer:", "    answers:"));
        assertThat(report.corpus()).isEmpty();
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.location()).isEqualTo(new SourceLocation(FILE, 7));
            assertThat(p.message()).contains("unknown field 'answers'").contains("answer,");
        });
        // without 'answer' both languages are missing too; those point at the entry
        assertThat(report.problems())
                .filteredOn(p -> p.message().contains("in answer"))
                .extracting(p -> p.location().line())
                .containsExactly(2, 2);
    }

    @Test
    void unknownTopLevelKey() {
        CorpusLoader.Report report = check(VALID.replace("entries:", "entry:"));
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.location().file()).isEqualTo(FILE);
            assertThat(p.message()).contains("unknown key 'entry'");
        });
    }

    @Test
    void invalidYamlSyntaxIsReportedAtItsLine() {
        CorpusProblem p = onlyProblem(check(VALID.replace("topic: passport.issue", "topic: passport.issue: x")), 3);
        assertThat(p.message()).startsWith("not valid YAML").contains("mapping values are not allowed");
    }

    @Test
    void badlyIndentedListItemIsReportedAtItsLine() {
        String yaml = VALID.replace(
                "      vi: [Câu một, Câu hai, Câu ba]\n",
                "      vi:\n        - Câu một\n       - Câu hai\n"); // line 7 is the misindented item
        CorpusProblem p = onlyProblem(check(yaml), 7);
        assertThat(p.message()).startsWith("not valid YAML");
    }

    @Test
    void unclosedQuoteIsReportedWhereItOpens() {
        CorpusProblem p = onlyProblem(check(VALID.replace("topic: passport.issue", "topic: \"passport.issue")), 3);
        assertThat(p.message()).startsWith("not valid YAML");
    }

    @Test
    // Regression: an open quote mid-file was reported at the next line holding a quote, far below the mistake.
    void aQuoteLeftOpenMidFileIsReportedWhereItOpensNotWhereTheParserStopped() {
        CorpusProblem p = onlyProblem(
                check(VALID.replace("topic: passport.issue", "topic: \"passport.issue")
                        .replace("See {{mission_website}}.", "\"See {{mission_website}}.\"")),
                3);
        assertThat(p.message())
                .isEqualTo("not valid YAML: this line opens a double quote (\") it never closes: close it at"
                        + " the end of the text");
    }

    @Test
    // Regression: one typo in mission.yaml gave 900 lines (every {{placeholder}} of the corpus reported unknown).
    void aTypoInMissionYamlIsOneErrorNotOneForEveryPlaceholder() throws Exception {
        Path root = TestCorpora.copyOfReal(tmp.resolve("real"));
        Path mission = root.resolve("mission.yaml");
        Files.writeString(
                mission,
                Files.readString(mission).replace("hotline: \"+84 981 84 84 84\"", "hotline: \"+84 981 84 84 84"));

        CorpusLoader.Report report = new CorpusLoader(TestCorpora.CLOCK).check(root);

        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.location().file()).isEqualTo("mission.yaml");
            assertThat(p.message()).contains("opens a double quote");
        });
    }

    @Test
    // Regression test for a bug found in review (it failed before the fix).
    void tabIndentationIsReportedAtTheTabsLineAndSaysTab() {
        CorpusProblem p = onlyProblem(check(VALID.replace("    topic: passport.issue", "\ttopic: passport.issue")), 3);
        assertThat(p.message()).containsIgnoringCase("tab");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a colon inside a text       | See {{mission_website}}.      | 'Note: see {{mission_website}}.'        | 9 | put the whole text in double quotes",
                "a key indented less         | '    topic: passport.issue'    | '   topic: passport.issue'               | 3 | indent this line like the line above it",
                "a key without its colon     | '    topic: passport.issue'    | '    topic passport.issue'               | 3 | add the ':' after the key",
                "a list left open            | Question three]               | Question three                          | 6 | is not closed",
                "a key written twice         | '    topic: passport.issue'    | '    topic: passport.issue\n    topic: passport.lost' | 4 | written twice",
                "a text starting with @      | See {{mission_website}}.      | '@embassy on {{mission_website}}'       | 9 | put it in double quotes",
                "a text after a closing quote| See {{mission_website}}.      | '\"See\" {{mission_website}}'          | 9 | quoted as a whole",
            })
    void yamlMistakesAreToldInStaffWordsAtTheirLine(String mistake, String from, String to, int line, String words) {
        CorpusProblem p = onlyProblem(check(VALID.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"))), line);
        assertThat(p.message())
                .as(mistake)
                .startsWith("not valid YAML: ")
                .contains(words)
                .contains("(YAML: ");
    }

    @Test
    void tooFewQuestions() {
        CorpusProblem p = onlyProblem(
                check(VALID.replace("[Question one, Question two, Question three]", "[Question one, Question two]")),
                4);
        assertThat(p.message()).contains("at least 3 questions in 'en', has 2");
    }

    @Test
    void invalidIdCharacters() {
        CorpusProblem p = onlyProblem(check(VALID.replace("id: x.one", "id: X One")), 2);
        assertThat(p.message()).contains("'X One'").contains("a-z");
    }

    @Test
    void everyMistakeInEveryFileIsReportedInOnePass() {
        TestCorpora.write(
                tmp.resolve("entries/y.yaml"),
                VALID.replace("x.one", "y.one").replace("topic: passport.issue", "topic: nope"));
        CorpusLoader.Report report =
                check(VALID.replace("reviewed: 2026-11-01", "reviewed: 24/11/2026") + "    expires: 2020-01-01\n");
        assertThat(report.problems())
                .extracting(p -> p.location().toString())
                .containsExactlyInAnyOrder(FILE + ":11", FILE + ":12", "entries/y.yaml:3");
    }

    @Test
    void longAnswerIsOnlyAWarning() {
        String longAnswer = "See {{mission_website}}. " + "x".repeat(800);
        CorpusLoader.Report report = check(VALID.replace("See {{mission_website}}.", longAnswer));
        assertThat(report.problems()).isEmpty();
        assertThat(report.warnings()).singleElement().satisfies(w -> {
            assertThat(w.location()).isEqualTo(new SourceLocation(FILE, 7));
            assertThat(w.message()).contains("en answer has");
        });
    }
}
