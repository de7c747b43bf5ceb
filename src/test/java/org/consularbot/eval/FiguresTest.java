package org.consularbot.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.consularbot.faq.Candidate;
import org.consularbot.faq.Emergency;
import org.consularbot.faq.FaqEntry;
import org.consularbot.faq.FaqMatcher;
import org.consularbot.faq.Language;
import org.consularbot.faq.MatchResult;
import org.consularbot.faq.SourceLocation;
import org.consularbot.faq.TestCorpora;
import org.consularbot.faq.Tier;
import org.junit.jupiter.api.Test;

/** Figures from hand-built outcomes, checked against shares worked out by hand. */
class FiguresTest {

    private static final FaqEntry A = entry("a", "t1");
    private static final FaqEntry B = entry("b", "t2");
    private static final FaqEntry C = entry("c", "t3");

    private static FaqEntry entry(String id, String topic) {
        return new FaqEntry(
                id,
                topic,
                Map.of(),
                Map.of(),
                List.of(),
                LocalDate.EPOCH,
                Optional.empty(),
                List.of(),
                new SourceLocation("test", 0));
    }

    private static MatchResult result(Tier tier, FaqEntry... ranked) {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < ranked.length; i++) {
            candidates.add(new Candidate(ranked[i], 10 - i, 0.9));
        }
        Optional<Emergency> emergency = tier == Tier.EMERGENCY
                ? Optional.of(new Emergency("arrest", "emergency.arrest", null, "bi bat", true))
                : Optional.empty();
        return new MatchResult(tier, Language.VI, candidates, emergency);
    }

    /** Nine outcomes; the comments say what each one counts for. */
    private static final Map<EvalQuery, MatchResult> CASES = new LinkedHashMap<>();

    static {
        // 1 in scope, answered right (by topic), rank 1
        CASES.put(new EvalQuery("q1", "t1", "vi", 2), result(Tier.ANSWER, A, B));
        // 2 in scope (by id), suggested, right entry second: rank 2
        CASES.put(new EvalQuery("q2", "b", "vi", 3), result(Tier.SUGGEST, A, B));
        // 3 in scope, answered WRONGLY, right entry second: rank 2
        CASES.put(new EvalQuery("q3", "t3", "en", 4), result(Tier.ANSWER, A, C));
        // 4 out of scope, rejected
        CASES.put(new EvalQuery("q4", EvalQuery.NONE, "none", 5), result(Tier.FALLBACK));
        // 5 out of scope, answered anyway
        CASES.put(new EvalQuery("q5", EvalQuery.NONE, "none", 6), result(Tier.ANSWER, A));
        // 6 urgent, emergency tier, right entry first
        CASES.put(new EvalQuery("q6", "t1", "urgent", 7), result(Tier.EMERGENCY, A));
        // 7 urgent, emergency MISSED but answered right
        CASES.put(new EvalQuery("q7", "t2", "urgent", 8), result(Tier.ANSWER, B));
        // 8 in scope, right entry first but sent to fallback: not top1, still rank 1 for MRR
        CASES.put(new EvalQuery("q8", "t3", "vi", 9), result(Tier.FALLBACK, C));
        // 9 in scope, false emergency, right entry absent: rank 0
        CASES.put(new EvalQuery("q9", "t1", "en", 10), result(Tier.EMERGENCY, B));
    }

    private static final FaqMatcher STUB = new FaqMatcher() {
        @Override
        public MatchResult match(String message) {
            return CASES.entrySet().stream()
                    .filter(e -> e.getKey().question().equals(message))
                    .findFirst()
                    .orElseThrow()
                    .getValue();
        }

        @Override
        public String name() {
            return "stub";
        }
    };

    private static Evaluation evaluation() {
        return Evaluation.run(STUB, new ArrayList<>(CASES.keySet()), null);
    }

    @Test
    void outcomesKnowTheirRank() {
        List<QueryOutcome> outcomes = evaluation().outcomes();
        assertThat(outcomes).extracting(QueryOutcome::rank).containsExactly(1, 2, 2, 0, 0, 1, 1, 1, 0);
        assertThat(outcomes)
                .extracting(QueryOutcome::topCorrect)
                .containsExactly(true, false, false, false, false, true, true, false, false);
        assertThat(outcomes)
                .extracting(QueryOutcome::answeredCorrectly)
                .containsExactly(true, false, false, false, false, false, true, false, false);
    }

    @Test
    void overallSharesAreExact() {
        Figures f = evaluation().overall();
        assertThat(f.count()).isEqualTo(9);
        assertThat(f.top1()).isCloseTo(3.0 / 7, within(1e-12)); // 1, 6, 7 of 7 in scope
        assertThat(f.answerPrecision()).isCloseTo(2.0 / 4, within(1e-12)); // 1, 7 of answered 1, 3, 5, 7
        assertThat(f.answerRate()).isCloseTo(2.0 / 7, within(1e-12));
        assertThat(f.rejection()).isCloseTo(1.0 / 2, within(1e-12)); // 4 of 4, 5
        assertThat(f.emergencyRecall()).isCloseTo(1.0 / 2, within(1e-12)); // 6 of 6, 7
        assertThat(f.falseEmergency()).isCloseTo(1.0 / 7, within(1e-12)); // 9 of the 7 not urgent
        assertThat(f.mrr()).isCloseTo((1 + 0.5 + 0.5 + 1 + 1 + 1 + 0) / 7, within(1e-12));
    }

    @Test
    void perKindFiguresInOrderOfFirstAppearance() {
        Map<String, Figures> kinds = evaluation().byKind();
        assertThat(kinds.keySet()).containsExactly("vi", "en", "none", "urgent");
        Figures vi = kinds.get("vi"); // 1, 2, 8
        assertThat(vi.count()).isEqualTo(3);
        assertThat(vi.top1()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(vi.mrr()).isCloseTo(2.5 / 3, within(1e-12));
        assertThat(vi.answerPrecision()).isEqualTo(1.0);
        assertThat(vi.rejection()).isNaN();
        assertThat(vi.emergencyRecall()).isNaN();
        Figures none = kinds.get("none");
        assertThat(none.rejection()).isEqualTo(0.5);
        assertThat(none.top1()).isNaN();
        assertThat(none.mrr()).isNaN();
        assertThat(none.answerPrecision()).isEqualTo(0.0);
        Figures urgent = kinds.get("urgent");
        assertThat(urgent.emergencyRecall()).isEqualTo(0.5);
        assertThat(urgent.falseEmergency()).isNaN();
        assertThat(kinds.get("en").falseEmergency()).isEqualTo(0.5);
    }

    @Test
    void smallTalkDeclinesAndSituationsAreCountedByTheirLabels() {
        FaqEntry any = TestCorpora.real().entries().get(0);
        List<QueryOutcome> outcomes = List.of(
                new QueryOutcome(
                        new EvalQuery("hi", "chitchat", "chitchat", 2, false, null, "greeting", null),
                        new MatchResult(
                                Tier.CHITCHAT, Language.VI, List.of(), Optional.empty(), Optional.of("greeting"))),
                new QueryOutcome(
                        new EvalQuery("weather", "chitchat", "chitchat", 3, false, null, "greeting", null),
                        new MatchResult(Tier.FALLBACK, Language.VI, List.of(), Optional.empty())),
                new QueryOutcome(
                        new EvalQuery("loan", "decline", "decline", 4, false, null, "loan-job", null),
                        new MatchResult(
                                Tier.DECLINE, Language.VI, List.of(), Optional.empty(), Optional.of("loan-job"))),
                new QueryOutcome(
                        new EvalQuery("visa", "decline", "decline", 5, false, null, "third-country", null),
                        new MatchResult(
                                Tier.DECLINE, Language.VI, List.of(), Optional.empty(), Optional.of("politics"))),
                new QueryOutcome(
                        new EvalQuery("bắt", "emergency.arrest", "urgent", 6, true, "detention", null, null),
                        new MatchResult(
                                Tier.EMERGENCY,
                                Language.VI,
                                List.of(new Candidate(any, 1, 1)),
                                Optional.of(new Emergency("arrest", "emergency.arrest", null, "bị bắt", true)))));
        Figures f = Figures.of(outcomes);
        assertThat(f.chitchat()).isEqualTo(0.5);
        assertThat(f.declined()).as("right class only").isEqualTo(0.5);
        assertThat(f.rejection()).as("no FAQ entry for 4 of the 4 out of scope").isEqualTo(1.0);
        assertThat(f.emergencyRecall()).isEqualTo(1.0);
        assertThat(f.situationRight()).as("detention named arrest").isEqualTo(0.0);
    }

    @Test
    void noOutcomesGiveNaNShares() {
        Figures f = Figures.of(List.of());
        assertThat(f.count()).isZero();
        assertThat(List.of(
                        f.top1(),
                        f.answerPrecision(),
                        f.answerRate(),
                        f.rejection(),
                        f.emergencyRecall(),
                        f.falseEmergency(),
                        f.mrr(),
                        f.faqHandled()))
                .allSatisfy(v -> assertThat(v).isNaN());
    }

    @Test
    void inScopeMessagesNotSentToFallbackAreTheOnesNeedingNoFallbackCall() {
        // In scope: 1, 2, 3, 6, 7, 8, 9; only 8 went to fallback.
        assertThat(evaluation().overall().faqHandled()).isEqualTo(6.0 / 7);
    }

    @Test
    void printedTableHasOneRowPerKindThenAll() {
        StringWriter text = new StringWriter();
        evaluation().print("stub on cases", new PrintWriter(text));
        List<String> lines = text.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("stub on cases");
        assertThat(lines.get(1))
                .contains(
                        "kind",
                        "shown",
                        "ans.prec",
                        "ans.rate",
                        "no.faq",
                        "chit",
                        "decl",
                        "urgent",
                        "f.emerg",
                        "sit.ok",
                        "mrr",
                        "no.llm");
        assertThat(lines.subList(2, lines.size()))
                .extracting(l -> l.trim().split("\\s+")[0])
                .containsExactly("vi", "en", "none", "urgent", "ALL");
        assertThat(lines.get(2).trim().split("\\s+"))
                .containsExactly(
                        "vi", "3", "0.333", "1.000", "0.333", "-", "-", "-", "-", "0.000", "-", "0.833", "0.667");
        assertThat(lines.get(6).trim().split("\\s+")[1]).isEqualTo("9");
    }
}
