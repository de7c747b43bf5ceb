package org.consularbot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.FaqMatchers;
import org.consularbot.faq.TestCorpora;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Floors just under the figures measured on the blind sets ({@code eval/blind/}, {@code eval/blind2/},
 * {@code eval/blind3/}, {@code eval/blind4/}, {@code eval/blind5/}, {@code eval/blind6/}, {@code eval/blind7/} and {@code eval/blind8/}, written
 * before any tuning by writers who had not read the corpus; never tuned on), so that a change that makes the bot worse for real messages fails
 * the build. The figures themselves are in docs/evaluation.md; raise a floor when a change earns it.
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
                .as("urgent recall (0.992; 1.000 before tune8)")
                .isGreaterThanOrEqualTo(0.98);
        assertThat(all.situationRight()).as("situation named right (0.898)").isGreaterThanOrEqualTo(0.87);
        assertThat(all.falseEmergency()).as("false emergencies (0.042)").isLessThanOrEqualTo(0.05);
    }

    @Test
    void inScopeMessagesAreShownTheRightEntryAndAnswersGivenOutrightAreRight() {
        Figures all = vietnamese.overall();
        assertThat(all.top1()).as("shown right (0.890)").isGreaterThanOrEqualTo(0.86);
        assertThat(vietnamese.byKind().get("followup").top1())
                .as("follow-ups in context (0.837 after stop 24; 0.870 at stop 23; 0.826 before a follow-up's own"
                        + " question led)")
                .isGreaterThanOrEqualTo(0.82);
        assertThat(all.answerPrecision())
                .as("answers given outright that are right (0.955)")
                .isGreaterThanOrEqualTo(0.94);
        assertThat(all.answerRate()).as("messages answered outright (0.491)").isGreaterThanOrEqualTo(0.46);
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

    @Test
    void theSecondBlindSetHoldsToo() throws Exception {
        List<EvalQuery> second = EvalSet.read(Path.of("eval/blind2"));
        assertThat(second).hasSizeGreaterThanOrEqualTo(700);
        Figures all = Evaluation.run(FaqMatchers.vietnameseAware(corpus), second, null)
                .overall();
        assertThat(all.top1()).as("shown right (0.899)").isGreaterThanOrEqualTo(0.87);
        assertThat(all.answerPrecision())
                .as("answers given outright that are right (0.961)")
                .isGreaterThanOrEqualTo(0.94);
        assertThat(all.emergencyRecall()).as("urgent recall (0.986)").isGreaterThanOrEqualTo(0.97);
        assertThat(all.urgentWarned())
                .as("urgent given the emergency reply or the danger button (0.986)")
                .isGreaterThanOrEqualTo(0.98);
        assertThat(all.falseEmergency()).as("false emergencies (0.033)").isLessThanOrEqualTo(0.05);
        assertThat(all.chitchat()).as("small talk (0.950)").isGreaterThanOrEqualTo(0.91);
        assertThat(all.situationRight()).as("situation named right (0.915)").isGreaterThanOrEqualTo(0.89);
        assertThat(all.answerRate()).as("messages answered outright (0.451)").isGreaterThanOrEqualTo(0.42);
        // 0.778 before tune6 (600 more examples): three declines became suggestions of neighbouring entries while
        // the situation named right rose 0.887 -> 0.908; cross-validation on the older examples had declines rising.
        assertThat(all.declined()).as("declined with the right pointer (0.833)").isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void theThirdBlindSetHoldsToo() throws Exception {
        // Written at stop 18 before that stop's changes; measured on 791618e: shown 0.857, answered 0.365 at 0.928,
        // declined 0.792, follow-ups 0.733 (eval/blind3/README.md).
        List<EvalQuery> third = EvalSet.read(Path.of("eval/blind3"));
        assertThat(third).hasSizeGreaterThanOrEqualTo(750);
        Evaluation evaluation = Evaluation.run(FaqMatchers.vietnameseAware(corpus), third, null);
        Figures all = evaluation.overall();
        assertThat(all.top1()).as("shown right (0.903)").isGreaterThanOrEqualTo(0.88);
        assertThat(all.answerPrecision())
                .as("answers given outright that are right (0.983)")
                .isGreaterThanOrEqualTo(0.96);
        assertThat(all.answerRate()).as("messages answered outright (0.383)").isGreaterThanOrEqualTo(0.35);
        assertThat(all.rejection()).as("out of scope given no entry (0.944)").isGreaterThanOrEqualTo(0.93);
        assertThat(all.emergencyRecall()).as("urgent recall (0.986)").isGreaterThanOrEqualTo(0.97);
        assertThat(all.urgentWarned())
                .as("urgent given the emergency reply or the danger button (0.986)")
                .isGreaterThanOrEqualTo(0.97);
        assertThat(all.falseEmergency()).as("false emergencies (0.052)").isLessThanOrEqualTo(0.06);
        // 1.000 before "mostly small talk" needed its phrases to say as much as the other words (stop 22)
        assertThat(all.chitchat()).as("small talk (0.983)").isGreaterThanOrEqualTo(0.96);
        assertThat(all.declined()).as("declined with the right pointer (0.865)").isGreaterThanOrEqualTo(0.83);
        assertThat(evaluation.byKind().get("followup").top1())
                // 0.867 before a follow-up's own question led (stop 22): 3 of 60 fewer here, 9 more on blind,
                // blind2, blind5 and blind6; tune5 0.700 -> 0.833, tune6 0.808 -> 0.838. 0.783 after stop 23 (the
                // learned reading retrained on 120 more examples, "one topic throughout"; 2 of 60 fewer here, 7 fewer
                // over the seven blind sets, 2 more over the tuning sets; docs/evaluation.md).
                .as("follow-ups in context (0.783; 0.817 at stop 22; 0.833 before the follow-up facets)")
                .isGreaterThanOrEqualTo(0.77);
    }

    @Test
    void theFourthBlindSetHoldsToo() throws Exception {
        // Written at stop 20 before that stop's matcher change; measured on cfb84ff: shown 0.904, answered 0.520 at
        // 0.975, follow-ups 0.733 (eval/blind4/README.md).
        List<EvalQuery> fourth = EvalSet.read(Path.of("eval/blind4"));
        assertThat(fourth).hasSizeGreaterThanOrEqualTo(750);
        Evaluation evaluation = Evaluation.run(FaqMatchers.vietnameseAware(corpus), fourth, null);
        Evaluation plain = Evaluation.run(FaqMatchers.bm25Baseline(corpus), fourth, null);
        Figures all = evaluation.overall();
        assertThat(all.top1()).as("shown right (0.907)").isGreaterThanOrEqualTo(0.88);
        assertThat(all.answerPrecision())
                .as("answers given outright that are right (0.975)")
                .isGreaterThanOrEqualTo(0.96);
        assertThat(all.answerRate()).as("messages answered outright (0.518)").isGreaterThanOrEqualTo(0.49);
        assertThat(all.rejection()).as("out of scope given no entry (0.923)").isGreaterThanOrEqualTo(0.91);
        assertThat(all.emergencyRecall()).as("urgent recall (0.986)").isGreaterThanOrEqualTo(0.97);
        assertThat(all.falseEmergency()).as("false emergencies (0.037)").isLessThanOrEqualTo(0.05);
        assertThat(all.situationRight()).as("situation named right (0.944)").isGreaterThanOrEqualTo(0.92);
        assertThat(all.chitchat()).as("small talk (0.933)").isGreaterThanOrEqualTo(0.91);
        assertThat(all.declined()).as("declined with the right pointer (0.854)").isGreaterThanOrEqualTo(0.83);
        assertThat(evaluation.byKind().get("followup").top1())
                .as("follow-ups in context (0.767; 0.733 before the follow-up facets)")
                .isGreaterThanOrEqualTo(0.74);
        neverBelowBm25(evaluation, plain);
    }

    @Test
    void theFifthBlindSetHoldsToo() throws Exception {
        // Written at stop 21 before that stop's matcher change; measured on 2348ec0: shown 0.890, answered 0.478 at
        // 0.967, urgent 0.950 (urgent follow-ups 2 of 10), follow-ups 0.688 (eval/blind5/README.md).
        List<EvalQuery> fifth = EvalSet.read(Path.of("eval/blind5"));
        assertThat(fifth).hasSizeGreaterThanOrEqualTo(800);
        Evaluation evaluation = Evaluation.run(FaqMatchers.vietnameseAware(corpus), fifth, null);
        Evaluation plain = Evaluation.run(FaqMatchers.bm25Baseline(corpus), fifth, null);
        Figures all = evaluation.overall();
        assertThat(all.top1()).as("shown right (0.902)").isGreaterThanOrEqualTo(0.88);
        assertThat(all.answerPrecision())
                .as("answers given outright that are right (0.967)")
                .isGreaterThanOrEqualTo(0.95);
        assertThat(all.answerRate()).as("messages answered outright (0.479)").isGreaterThanOrEqualTo(0.45);
        assertThat(all.rejection()).as("out of scope given no entry (0.929)").isGreaterThanOrEqualTo(0.91);
        assertThat(all.emergencyRecall())
                .as("urgent recall (0.980; 0.950 before follow-ups stayed in an emergency)")
                .isGreaterThanOrEqualTo(0.97);
        assertThat(all.falseEmergency()).as("false emergencies (0.022)").isLessThanOrEqualTo(0.04);
        assertThat(all.situationRight()).as("situation named right (0.899)").isGreaterThanOrEqualTo(0.87);
        assertThat(all.chitchat())
                .as("small talk (0.867; 0.883 before stop 22)")
                .isGreaterThanOrEqualTo(0.85);
        assertThat(all.declined()).as("declined with the right pointer (0.823)").isGreaterThanOrEqualTo(0.80);
        assertThat(evaluation.byKind().get("followup").top1())
                .as("follow-ups in context (0.763; 0.688 before)")
                .isGreaterThanOrEqualTo(0.74);
        neverBelowBm25(evaluation, plain);
    }

    @Test
    void theSixthBlindSetHoldsToo() throws Exception {
        // Written at stop 22 before that stop's matcher change; measured on d9d4b63: shown 0.903, answered 0.484 at
        // 0.959, urgent 0.980 (urgent follow-ups 6 of 9), follow-ups 0.813 (eval/blind6/README.md).
        List<EvalQuery> sixth = EvalSet.read(Path.of("eval/blind6"));
        assertThat(sixth).hasSizeGreaterThanOrEqualTo(800);
        Evaluation evaluation = Evaluation.run(FaqMatchers.vietnameseAware(corpus), sixth, null);
        Evaluation plain = Evaluation.run(FaqMatchers.bm25Baseline(corpus), sixth, null);
        Figures all = evaluation.overall();
        assertThat(all.top1()).as("shown right (0.903)").isGreaterThanOrEqualTo(0.88);
        assertThat(all.answerPrecision())
                .as("answers given outright that are right (0.967; 0.959 before)")
                .isGreaterThanOrEqualTo(0.95);
        assertThat(all.answerRate()).as("messages answered outright (0.479)").isGreaterThanOrEqualTo(0.45);
        assertThat(all.rejection()).as("out of scope given no entry (0.936)").isGreaterThanOrEqualTo(0.92);
        assertThat(all.emergencyRecall()).as("urgent recall (0.980)").isGreaterThanOrEqualTo(0.97);
        assertThat(all.falseEmergency()).as("false emergencies (0.038)").isLessThanOrEqualTo(0.05);
        assertThat(all.situationRight()).as("situation named right (0.909)").isGreaterThanOrEqualTo(0.88);
        assertThat(all.chitchat()).as("small talk (0.950)").isGreaterThanOrEqualTo(0.93);
        assertThat(all.declined()).as("declined with the right pointer (0.854)").isGreaterThanOrEqualTo(0.83);
        assertThat(evaluation.byKind().get("followup").top1())
                .as("follow-ups in context (0.800 after stop 23; 0.825 at stop 22; 0.813 before)")
                .isGreaterThanOrEqualTo(0.78);
        neverBelowBm25(evaluation, plain);
    }

    @Test
    void theSeventhBlindSetHoldsToo() throws Exception {
        // Written at stop 23 before that stop's matcher changes; measured on 60f4114: shown 0.850, answered 0.442 at
        // 0.958, urgent 0.965, follow-ups 0.775 (eval/blind7/README.md).
        List<EvalQuery> seventh = EvalSet.read(Path.of("eval/blind7"));
        assertThat(seventh).hasSizeGreaterThanOrEqualTo(800);
        Evaluation evaluation = Evaluation.run(FaqMatchers.vietnameseAware(corpus), seventh, null);
        Evaluation plain = Evaluation.run(FaqMatchers.bm25Baseline(corpus), seventh, null);
        Figures all = evaluation.overall();
        assertThat(all.top1()).as("shown right (0.845; 0.850 before)").isGreaterThanOrEqualTo(0.83);
        assertThat(all.answerPrecision())
                .as("answers given outright that are right (0.958)")
                .isGreaterThanOrEqualTo(0.94);
        assertThat(all.answerRate()).as("messages answered outright (0.436)").isGreaterThanOrEqualTo(0.42);
        assertThat(all.rejection()).as("out of scope given no entry (0.923)").isGreaterThanOrEqualTo(0.90);
        assertThat(all.emergencyRecall())
                .as("urgent recall (0.970; 0.965 before)")
                .isGreaterThanOrEqualTo(0.96);
        assertThat(all.falseEmergency()).as("false emergencies (0.040)").isLessThanOrEqualTo(0.05);
        assertThat(all.situationRight()).as("situation named right (0.917)").isGreaterThanOrEqualTo(0.89);
        assertThat(all.chitchat()).as("small talk (0.967)").isGreaterThanOrEqualTo(0.93);
        assertThat(all.declined()).as("declined with the right pointer (0.802)").isGreaterThanOrEqualTo(0.78);
        assertThat(evaluation.byKind().get("followup").top1())
                .as("follow-ups in context (0.788 after stop 24; 0.738 at stop 23; 0.775 before)")
                .isGreaterThanOrEqualTo(0.71);
        neverBelowBm25(evaluation, plain);
    }

    @Test
    void theEighthBlindSetHoldsToo() throws Exception {
        // Written at stop 24 before that stop's changes; measured on 74ba0a5: shown 0.875, answered 0.443 at 0.958,
        // out of scope given no entry 0.962, urgent 0.985, follow-ups 0.750 (eval/blind8/README.md).
        List<EvalQuery> eighth = EvalSet.read(Path.of("eval/blind8"));
        assertThat(eighth).hasSizeGreaterThanOrEqualTo(800);
        Evaluation evaluation = Evaluation.run(FaqMatchers.vietnameseAware(corpus), eighth, null);
        Evaluation plain = Evaluation.run(FaqMatchers.bm25Baseline(corpus), eighth, null);
        Figures all = evaluation.overall();
        assertThat(all.top1()).as("shown right (0.875, as before)").isGreaterThanOrEqualTo(0.86);
        assertThat(all.answerPrecision())
                .as("answers given outright that are right (0.964; 0.958 before)")
                .isGreaterThanOrEqualTo(0.94);
        assertThat(all.answerRate()).as("messages answered outright (0.443)").isGreaterThanOrEqualTo(0.42);
        assertThat(all.rejection())
                .as("out of scope given no entry (0.942; 0.962 before)")
                .isGreaterThanOrEqualTo(0.92);
        assertThat(all.emergencyRecall()).as("urgent recall (0.985)").isGreaterThanOrEqualTo(0.97);
        assertThat(all.falseEmergency()).as("false emergencies (0.050)").isLessThanOrEqualTo(0.06);
        assertThat(all.situationRight()).as("situation named right (0.900)").isGreaterThanOrEqualTo(0.88);
        assertThat(all.chitchat()).as("small talk (0.983)").isGreaterThanOrEqualTo(0.95);
        assertThat(all.declined()).as("declined with the right pointer (0.781)").isGreaterThanOrEqualTo(0.76);
        assertThat(evaluation.byKind().get("followup").top1())
                .as("follow-ups in context (0.725; 0.750 before)")
                .isGreaterThanOrEqualTo(0.70);
        neverBelowBm25(evaluation, plain);
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
