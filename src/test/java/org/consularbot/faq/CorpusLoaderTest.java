package org.consularbot.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real corpus under {@code faq/} and the one bundled on the class path. Broken corpora: CorpusLoaderProblemsTest. */
class CorpusLoaderTest {

    private static Corpus corpus;

    @BeforeAll
    static void load() throws Exception {
        corpus = new CorpusLoader(TestCorpora.CLOCK).load(TestCorpora.FAQ);
    }

    private static Map<String, Long> entriesPerTopic() {
        return corpus.entries().stream().collect(Collectors.groupingBy(FaqEntry::topic, Collectors.counting()));
    }

    @Test
    void realCorpusChecksWithoutProblems() {
        CorpusLoader.Report report = new CorpusLoader(TestCorpora.CLOCK).check(TestCorpora.FAQ);
        assertThat(report.problems()).isEmpty();
        assertThat(report.corpus()).isPresent();
    }

    @Test
    void hasAtLeast75EntriesWithUniqueIds() {
        assertThat(corpus.entries()).hasSizeGreaterThanOrEqualTo(75);
        assertThat(corpus.entries()).extracting(FaqEntry::id).doesNotHaveDuplicates();
    }

    @Test
    void usesAll25TopicsOfTopicsTsvWithAtLeastTwoEntriesEach() {
        assertThat(corpus.topics()).hasSize(25);
        Map<String, Long> perTopic = entriesPerTopic();
        assertThat(perTopic.keySet()).containsExactlyInAnyOrderElementsOf(corpus.topics().keySet());
        assertThat(perTopic).allSatisfy((topic, n) -> assertThat(n).as(topic).isGreaterThanOrEqualTo(2));
    }

    @Test
    void passportCivilAndEmergencyTopicsHaveAtLeastFourEntries() {
        Map<String, Long> perTopic = entriesPerTopic();
        var important = corpus.topics().keySet().stream()
                .filter(t -> t.startsWith("passport.") || t.startsWith("civil.") || t.startsWith("emergency."))
                .toList();
        assertThat(important).hasSizeGreaterThanOrEqualTo(11);
        assertThat(important).allSatisfy(topic ->
                assertThat(perTopic.getOrDefault(topic, 0L)).as(topic).isGreaterThanOrEqualTo(4));
    }

    @Test
    void everyEntryHasThreeQuestionsPerLanguageBothAnswersAndASource() {
        assertThat(corpus.entries()).allSatisfy(entry -> {
            for (Language language : Language.values()) {
                assertThat(entry.questions(language)).as(entry.id() + " questions " + language)
                        .hasSizeGreaterThanOrEqualTo(3).allSatisfy(q -> assertThat(q).isNotBlank());
                assertThat(entry.answers().get(language)).as(entry.id() + " answer " + language).isNotBlank();
            }
            assertThat(entry.sources()).as(entry.id() + " sources").isNotEmpty()
                    .allSatisfy(s -> assertThat(s).startsWith("http"));
            assertThat(entry.reviewed()).as(entry.id()).isNotNull();
            assertThat(entry.location().file()).startsWith("entries/").endsWith(".yaml");
            assertThat(entry.location().line()).isPositive();
        });
    }

    @Test
    void everyEmergencyAnswerGivesTheHotlineInBothLanguages() {
        assertThat(corpus.hotline()).isEqualTo(TestCorpora.HOTLINE);
        var emergencies = corpus.entries().stream().filter(e -> e.topic().startsWith("emergency.")).toList();
        assertThat(emergencies).isNotEmpty();
        assertThat(emergencies).allSatisfy(entry -> {
            for (Language language : Language.values()) {
                assertThat(corpus.answer(entry, language)).as(entry.id() + " " + language).contains(TestCorpora.HOTLINE);
            }
        });
    }

    @Test
    void noRenderedAnswerKeepsAPlaceholder() {
        assertThat(corpus.entries()).allSatisfy(entry -> {
            for (Language language : Language.values()) {
                assertThat(corpus.answer(entry, language)).as(entry.id() + " " + language)
                        .doesNotContain("{{").doesNotContain("}}");
            }
        });
    }

    @Test
    void renderReplacesPlaceholdersPerLanguage() {
        assertThat(corpus.render("Gọi {{hotline}} hoặc {{ mission_name }}.", Language.VI))
                .isEqualTo("Gọi " + TestCorpora.HOTLINE + " hoặc Đại sứ quán Việt Nam tại Canada.");
        assertThat(corpus.render("Call {{hotline}} or the {{mission_name}}.", Language.EN))
                .isEqualTo("Call " + TestCorpora.HOTLINE + " or the Embassy of Viet Nam in Canada.");
        assertThat(corpus.render(null, Language.EN)).isEmpty();
    }

    @Test
    void synonymsAndUrgentRulesAreRead() {
        assertThat(corpus.synonyms().rules()).isNotEmpty();
        assertThat(corpus.urgentRules().situations()).extracting(UrgentRules.Situation::id)
                .containsExactly("arrest", "medical", "crime", "disaster", "stranded");
        assertThat(corpus.urgentRules().situations())
                .allSatisfy(s -> assertThat(corpus.topics()).containsKey(s.topic()));
        assertThat(corpus.mission().timeZone().getId()).isEqualTo("America/Toronto");
    }

    @Test
    void loadingTwiceGivesEqualEntries() throws Exception {
        Corpus again = new CorpusLoader(TestCorpora.CLOCK).load(TestCorpora.FAQ);
        assertThat(again.entries()).isEqualTo(corpus.entries());
    }

    @Test
    void loadBundledReadsTheCorpusCopiedToTheClassPath() throws Exception {
        assumeTrue(CorpusLoader.class.getClassLoader().getResource("faq/topics.tsv") != null,
                "the faq folder is not on the test class path");
        Corpus bundled = new CorpusLoader(TestCorpora.CLOCK).loadBundled();
        assertThat(bundled.origin()).isEqualTo(CorpusLoader.BUNDLED);
        Map<String, FaqEntry> byId = corpus.entries().stream()
                .collect(Collectors.toMap(FaqEntry::id, Function.identity()));
        assertThat(bundled.entries()).extracting(FaqEntry::id).containsExactlyElementsOf(
                corpus.entries().stream().map(FaqEntry::id).toList());
        assertThat(bundled.entries()).allSatisfy(e -> assertThat(e.answers()).isEqualTo(byId.get(e.id()).answers()));
    }

    @Test
    void aMissingFolderIsAProblemNotACrash(@TempDir Path tmp) {
        CorpusLoader.Report report = new CorpusLoader(TestCorpora.CLOCK).check(tmp.resolve("nope"));
        assertThat(report.corpus()).isEmpty();
        assertThat(report.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("not a corpus directory"));
        assertThatThrownBy(() -> new CorpusLoader(TestCorpora.CLOCK).load(tmp.resolve("nope")))
                .isInstanceOf(InvalidCorpusException.class).hasMessageContaining("not a corpus directory");
    }

    @Test
    void aFolderWithoutTopicsOrEntriesSaysWhatIsMissing(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("mission.yaml"), TestCorpora.MISSION);
        CorpusLoader.Report report = new CorpusLoader(TestCorpora.CLOCK).check(tmp);
        assertThat(report.problems()).extracting(CorpusProblem::message)
                .anySatisfy(m -> assertThat(m).contains("topics.tsv"))
                .anySatisfy(m -> assertThat(m).contains("entries"));
    }

    @Test
    void anEmptyEntriesFolderIsAProblem(@TempDir Path tmp) {
        CorpusLoader.Report report = new CorpusLoader(TestCorpora.CLOCK).check(TestCorpora.skeleton(tmp));
        assertThat(report.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("no entries"));
    }
}
