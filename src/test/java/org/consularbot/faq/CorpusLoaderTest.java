package org.consularbot.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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
        corpus = TestCorpora.loader(TestCorpora.CLOCK).load(TestCorpora.FAQ);
    }

    private static Map<String, Long> entriesPerTopic() {
        return corpus.entries().stream().collect(Collectors.groupingBy(FaqEntry::topic, Collectors.counting()));
    }

    @Test
    void realCorpusChecksWithoutProblems() {
        CorpusLoader.Report report = TestCorpora.loader(TestCorpora.CLOCK).check(TestCorpora.FAQ);
        assertThat(report.problems()).isEmpty();
        assertThat(report.corpus()).isPresent();
    }

    @Test
    void hasAtLeast140EntriesWithUniqueIds() {
        assertThat(corpus.entries()).hasSizeGreaterThanOrEqualTo(140);
        assertThat(corpus.entries()).extracting(FaqEntry::id).doesNotHaveDuplicates();
    }

    @Test
    void usesAll27TopicsOfTopicsTsvWithAtLeastTwoEntriesEach() {
        assertThat(corpus.topics()).hasSize(27);
        Map<String, Long> perTopic = entriesPerTopic();
        assertThat(perTopic.keySet())
                .containsExactlyInAnyOrderElementsOf(corpus.topics().keySet());
        assertThat(perTopic).allSatisfy((topic, n) -> assertThat(n).as(topic).isGreaterThanOrEqualTo(2));
    }

    @Test
    void passportCivilAndEmergencyTopicsHaveAtLeastFourEntries() {
        Map<String, Long> perTopic = entriesPerTopic();
        var important = corpus.topics().keySet().stream()
                .filter(t -> t.startsWith("passport.") || t.startsWith("civil.") || t.startsWith("emergency."))
                .toList();
        assertThat(important).hasSizeGreaterThanOrEqualTo(11);
        assertThat(important)
                .allSatisfy(topic ->
                        assertThat(perTopic.getOrDefault(topic, 0L)).as(topic).isGreaterThanOrEqualTo(4));
    }

    @Test
    void everyEntryHasThreeQuestionsPerLanguageBothAnswersAndASource() {
        assertThat(corpus.entries()).allSatisfy(entry -> {
            for (Language language : Language.values()) {
                assertThat(entry.questions(language))
                        .as(entry.id() + " questions " + language)
                        .hasSizeGreaterThanOrEqualTo(3)
                        .allSatisfy(q -> assertThat(q).isNotBlank());
                assertThat(entry.answers().get(language))
                        .as(entry.id() + " answer " + language)
                        .isNotBlank();
            }
            assertThat(entry.sources())
                    .as(entry.id() + " sources")
                    .isNotEmpty()
                    .allSatisfy(s -> assertThat(s).startsWith("http"));
            assertThat(entry.reviewed()).as(entry.id()).isNotNull();
            assertThat(entry.location().file()).startsWith("entries/").endsWith(".yaml");
            assertThat(entry.location().line()).isPositive();
        });
    }

    @Test
    void everySituationHasItsOwnFirstStepsEntryGivingTheHotlineForCallersAbroadAndFromVietNam() {
        assertThat(corpus.hotline()).isEqualTo(TestCorpora.HOTLINE);
        List<String> situations = corpus.urgentRules().situations().stream()
                .map(UrgentRules.Situation::id)
                .toList();
        assertThat(situations)
                .containsExactlyInAnyOrder(
                        "arrest",
                        "detention",
                        "medical",
                        "violence",
                        "sexual-violence",
                        "domestic-violence",
                        "trafficking",
                        "missing",
                        "death",
                        "suicide",
                        "disaster",
                        "stranded");
        List<String> entries = corpus.urgentRules().situations().stream()
                .map(UrgentRules.Situation::entry)
                .toList();
        assertThat(entries).as("one entry per situation").doesNotHaveDuplicates();
        String fromVietNam = corpus.mission().fact("hotline_from_vietnam", Language.VI);
        assertThat(fromVietNam).isEqualTo("0981 84 84 84");
        for (String id : entries) {
            FaqEntry entry = corpus.entry(id).orElseThrow(() -> new AssertionError(id + " is missing"));
            for (Language language : Language.values()) {
                assertThat(corpus.answer(entry, language))
                        .as(id + " " + language)
                        .contains(TestCorpora.HOTLINE, fromVietNam);
            }
        }
    }

    @Test
    void everyEntryShowsAnOfficialSourceFirstAndCitesNoPurgedOrUnlistedSite() {
        SourcePolicy policy = new CorpusLoader(TestCorpora.CLOCK).sourcePolicy(TestCorpora.FAQ);
        assertThat(policy.isEmpty()).isFalse();
        assertThat(corpus.entries()).allSatisfy(entry -> {
            assertThat(policy.standing(entry.sources().get(0)))
                    .as(entry.id())
                    .isEqualTo(SourcePolicy.Standing.OFFICIAL);
            assertThat(entry.sources())
                    .allSatisfy(source -> assertThat(policy.standing(source))
                            .as(entry.id() + " " + source)
                            .isIn(SourcePolicy.Standing.OFFICIAL, SourcePolicy.Standing.MEDIA));
        });
    }

    @Test
    void everyAnswerWithAFigureOrPhoneExpiresWithinAYear() {
        LocalDate today = LocalDate.now(TestCorpora.CLOCK);
        assertThat(corpus.entries())
                .filteredOn(
                        e -> e.answers().values().stream().anyMatch(a -> a.matches("(?s).*(\\d|\\{\\{\\s*hotline).*")))
                .isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.expires())
                        .as(entry.id())
                        .hasValueSatisfying(date -> assertThat(date).isBeforeOrEqualTo(today.plusMonths(12))));
    }

    @Test
    void noRenderedAnswerKeepsAPlaceholder() {
        assertThat(corpus.entries()).allSatisfy(entry -> {
            for (Language language : Language.values()) {
                assertThat(corpus.answer(entry, language))
                        .as(entry.id() + " " + language)
                        .doesNotContain("{{")
                        .doesNotContain("}}");
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
        assertThat(corpus.urgentRules().situations())
                .extracting(UrgentRules.Situation::id)
                .containsExactly(
                        "sexual-violence",
                        "detention",
                        "domestic-violence",
                        "trafficking",
                        "missing",
                        "suicide",
                        "death",
                        "arrest",
                        "violence",
                        "medical",
                        "disaster",
                        "stranded");
        assertThat(corpus.urgentRules().situations())
                .allSatisfy(s -> assertThat(corpus.topics()).containsKey(s.topic()));
        assertThat(corpus.mission().timeZone().getId()).isEqualTo("America/Toronto");
    }

    @Test
    void loadingTwiceGivesEqualEntries() throws Exception {
        Corpus again = TestCorpora.loader(TestCorpora.CLOCK).load(TestCorpora.FAQ);
        assertThat(again.entries()).isEqualTo(corpus.entries());
    }

    @Test
    void loadBundledReadsTheCorpusCopiedToTheClassPath() throws Exception {
        assumeTrue(
                CorpusLoader.class.getClassLoader().getResource("faq/topics.tsv") != null,
                "the faq folder is not on the test class path");
        Corpus bundled = TestCorpora.loader(TestCorpora.CLOCK).loadBundled();
        assertThat(bundled.origin()).isEqualTo(CorpusLoader.BUNDLED);
        Map<String, FaqEntry> byId =
                corpus.entries().stream().collect(Collectors.toMap(FaqEntry::id, Function.identity()));
        assertThat(bundled.entries())
                .extracting(FaqEntry::id)
                .containsExactlyElementsOf(
                        corpus.entries().stream().map(FaqEntry::id).toList());
        assertThat(bundled.entries())
                .allSatisfy(
                        e -> assertThat(e.answers()).isEqualTo(byId.get(e.id()).answers()));
    }

    @Test
    void aMissingFolderIsAProblemNotACrash(@TempDir Path tmp) {
        CorpusLoader.Report report = new CorpusLoader(TestCorpora.CLOCK).check(tmp.resolve("nope"));
        assertThat(report.corpus()).isEmpty();
        assertThat(report.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("not a corpus directory"));
        assertThatThrownBy(() -> new CorpusLoader(TestCorpora.CLOCK).load(tmp.resolve("nope")))
                .isInstanceOf(InvalidCorpusException.class)
                .hasMessageContaining("not a corpus directory");
    }

    @Test
    void aFolderWithoutTopicsOrEntriesSaysWhatIsMissing(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("mission.yaml"), TestCorpora.MISSION);
        CorpusLoader.Report report = new CorpusLoader(TestCorpora.CLOCK).check(tmp);
        assertThat(report.problems())
                .extracting(CorpusProblem::message)
                .anySatisfy(m -> assertThat(m).contains("topics.tsv"))
                .anySatisfy(m -> assertThat(m).contains("entries"));
    }

    @Test
    void anEmptyEntriesFolderIsAProblem(@TempDir Path tmp) {
        CorpusLoader.Report report = new CorpusLoader(TestCorpora.CLOCK).check(TestCorpora.skeleton(tmp));
        assertThat(report.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("no entries"));
    }
}
