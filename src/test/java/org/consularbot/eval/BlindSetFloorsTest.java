package org.consularbot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.FaqMatchers;
import org.consularbot.faq.TestCorpora;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Floors just under the figures measured on the blind sets ({@code eval/blind/} to {@code eval/blind14/}, written
 * before any tuning by writers who had not read the corpus; never tuned on), so that a change that makes the bot worse
 * for real messages fails the build. The figures themselves are in docs/evaluation.md; raise a floor when a change
 * earns it.
 */
class BlindSetFloorsTest {

    private static Evaluation vietnamese;
    private static Evaluation bm25;
    private static Corpus corpus;

    @BeforeAll
    static void evaluate() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC);
        corpus = TestCorpora.loader(clock).load(Path.of("faq"));
        List<EvalQuery> blind = EvalSet.read(Path.of("eval/blind"));
        assertThat(blind).hasSizeGreaterThanOrEqualTo(1_300);
        vietnamese = Evaluation.run(FaqMatchers.vietnameseAware(corpus), blind, null);
        bm25 = Evaluation.run(FaqMatchers.bm25Baseline(corpus), blind, null);
    }

    @Test
    void urgentMessagesGetTheEmergencyTierWithTheirSituation() {
        Figures all = vietnamese.overall();
        assertThat(all.emergencyRecall())
                .as("urgent recall (1.000 at stop 27; 0.996 at stop 25)")
                .isGreaterThanOrEqualTo(0.98);
        assertThat(all.situationRight()).as("situation named right (0.898)").isGreaterThanOrEqualTo(0.87);
        assertThat(all.falseEmergency()).as("false emergencies (0.042)").isLessThanOrEqualTo(0.05);
    }

    @Test
    void inScopeMessagesAreShownTheRightEntryAndAnswersGivenOutrightAreRight() {
        Figures all = vietnamese.overall();
        assertThat(all.top1())
                .as("shown right (0.897 at stop 27; 0.900 at stop 25)")
                .isGreaterThanOrEqualTo(0.86);
        assertThat(vietnamese.byKind().get("followup").top1())
                .as("follow-ups in context (0.891 with the follow-up chooser, stop 25; 0.837 after stop 24; 0.870 at"
                        + " stop 23)")
                .isGreaterThanOrEqualTo(0.87);
        assertThat(all.answerPrecision())
                .as("answers given outright that are right (0.967 at stop 27; 0.972 at stop 25)")
                .isGreaterThanOrEqualTo(0.94);
        // 0.482 before stop 25's follow-up chooser, which answers a follow-up outright only when it is 0.8 sure of the
        // topic (answers given outright that are right rose on seven of the nine blind sets).
        assertThat(all.answerRate())
                .as("messages answered outright (0.471 at stop 27; 0.463 at stop 25)")
                .isGreaterThanOrEqualTo(0.44);
        assertThat(all.top1())
                .as("above plain BM25 overall")
                .isGreaterThan(bm25.overall().top1());
    }

    @Test
    void smallTalkAndOutOfScopeMessagesGetNoEntry() {
        Map<String, Figures> kinds = vietnamese.byKind();
        assertThat(kinds.get("chitchat").chitchat())
                .as("small talk as chitchat (0.974)")
                .isGreaterThanOrEqualTo(0.95);
        assertThat(kinds.get("chitchat").rejection())
                .as("small talk given no entry (0.991)")
                .isGreaterThanOrEqualTo(0.97);
        assertThat(kinds.get("decline").rejection())
                .as("out of scope given no entry (0.940)")
                .isGreaterThanOrEqualTo(0.93);
        assertThat(kinds.get("decline").declined())
                .as("declined with the right pointer (0.879; 0.899 before tune8)")
                .isGreaterThanOrEqualTo(0.86);
    }

    @Test
    void beatsPlainBm25WhereVietnameseHandlingMatters() {
        Map<String, Figures> kinds = vietnamese.byKind();
        Map<String, Figures> baseline = bm25.byKind();
        assertThat(kinds.get("vi-nd").top1())
                .isGreaterThan(baseline.get("vi-nd").top1() + 0.10);
        assertThat(kinds.get("vi-abbr").top1())
                .isGreaterThan(baseline.get("vi-abbr").top1() + 0.05);
        assertThat(kinds.get("mix").top1()).isGreaterThan(baseline.get("mix").top1());
        neverBelowBm25(vietnamese, bm25);
    }

    /**
     * The later blind sets' figures as last measured (stop 27, the reading at L2 2.0 with the tune12/tune13 examples and
     * the chooser refitted; each set's first measurement, before the changes of the stop that wrote it, is in its
     * README). Stop 27 traded a message or two of shown, follow-ups or urgent on some sets for declines and outright
     * answers on nearly all (docs/evaluation.md, "Figures at stop 27"). A floor is
     * the figure less a margin of a message or two in a hundred: raise the figure when a change earns it, lower it only
     * with the reason in the commit and in docs/evaluation.md.
     */
    record Measured(
            String folder,
            int atLeast,
            double shown,
            double answerPrecision,
            double answerRate,
            double noEntry,
            double urgentRecall,
            double urgentWarned,
            double falseEmergencies,
            double situationNamed,
            double smallTalk,
            double declined,
            double followUps) {

        @Override
        public String toString() {
            return folder;
        }
    }

    static Stream<Measured> laterSets() {
        return Stream.of(
                new Measured("eval/blind2", 700, .919, .975, .451, .933, 1.0, 1.0, .028, .924, .967, .878, .840),
                new Measured("eval/blind3", 750, .910, .987, .390, .956, .979, .986, .047, .879, 1.0, .885, .833),
                new Measured("eval/blind4", 750, .930, .991, .523, .929, .993, .993, .032, .951, .917, .875, .850),
                new Measured("eval/blind5", 800, .918, .979, .490, .936, .980, .980, .024, .919, .900, .854, .813),
                new Measured("eval/blind6", 800, .914, .974, .497, .962, .980, .985, .040, .904, .933, .896, .863),
                new Measured("eval/blind7", 800, .888, .981, .452, .955, .980, .985, .032, .933, .950, .875, .888),
                new Measured("eval/blind8", 800, .875, .963, .463, .968, .985, .990, .045, .905, .983, .844, .713),
                new Measured("eval/blind9", 800, .896, .955, .440, .981, .980, .985, .033, .927, .967, .917, .888),
                // Written at stop 26; first measured on 443c813 (shown .878, declined .771, follow-ups .688).
                new Measured("eval/blind10", 800, .887, .963, .467, .962, .984, 1.0, .044, .889, .983, .823, .700),
                // Written at stop 28 (four writers, 120 follow-ups); measured once on dff9b25, no change since.
                new Measured("eval/blind11", 850, .865, .975, .445, .910, .984, .990, .033, .857, .867, .781, .767),
                // Written at stop 29 (four writers; 17 follow-ups after a trouble already over); measured once on
                // e2ead30: urgent .943 (stranded .688) is the set's warning.
                new Measured("eval/blind12", 850, .875, .979, .455, .904, .943, .969, .044, .862, .850, .833, .752),
                // Written at stop 30 (four writers); measured once on 05e4e57 (shown .864, small talk .683, declined
                // .823) and once with stop 30's examples, taken by a rule written before (these figures).
                new Measured("eval/blind13", 850, .854, .961, .420, .917, .979, .995, .041, .915, .867, .854, .775),
                // Written at stop 30 after the stop's changes; measured once on 0648ef2, no change since: follow-ups
                // .708 are the set's warning.
                new Measured("eval/blind14", 850, .878, .975, .382, .936, .984, .995, .036, .931, .900, .865, .708));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("laterSets")
    void theLaterBlindSetsHoldToo(Measured measured) throws Exception {
        List<EvalQuery> set = EvalSet.read(Path.of(measured.folder()));
        assertThat(set).hasSizeGreaterThanOrEqualTo(measured.atLeast());
        Evaluation evaluation = Evaluation.run(FaqMatchers.vietnameseAware(corpus), set, null);
        Figures all = evaluation.overall();
        floor(all.top1(), measured.shown(), 0.02, "shown right");
        floor(all.answerPrecision(), measured.answerPrecision(), 0.02, "answers given outright that are right");
        floor(all.answerRate(), measured.answerRate(), 0.03, "messages answered outright");
        floor(all.rejection(), measured.noEntry(), 0.02, "out of scope given no entry");
        floor(all.emergencyRecall(), measured.urgentRecall(), 0.015, "urgent recall");
        floor(all.urgentWarned(), measured.urgentWarned(), 0.015, "urgent given the emergency reply or the button");
        assertThat(all.falseEmergency())
                .as("false emergencies (%.3f)", measured.falseEmergencies())
                .isLessThanOrEqualTo(measured.falseEmergencies() + 0.015);
        floor(all.situationRight(), measured.situationNamed(), 0.02, "situation named right");
        floor(all.chitchat(), measured.smallTalk(), 0.03, "small talk");
        floor(all.declined(), measured.declined(), 0.03, "declined with the right pointer");
        floor(evaluation.byKind().get("followup").top1(), measured.followUps(), 0.03, "follow-ups in context");
        neverBelowBm25(evaluation, Evaluation.run(FaqMatchers.bm25Baseline(corpus), set, null));
    }

    private static void floor(double figure, double measured, double margin, String what) {
        assertThat(figure).as("%s (%.3f)", what, measured).isGreaterThanOrEqualTo(measured - margin);
    }

    /** Every way of writing is shown its right entry at least as often as plain BM25 shows it. */
    private static void neverBelowBm25(Evaluation evaluation, Evaluation plain) {
        for (String kind : List.of("vi", "vi-nd", "vi-abbr", "en", "mix", "multi", "followup")) {
            assertThat(evaluation.byKind().get(kind).top1())
                    .as("%s never below plain BM25", kind)
                    .isGreaterThanOrEqualTo(plain.byKind().get(kind).top1());
        }
    }
}
