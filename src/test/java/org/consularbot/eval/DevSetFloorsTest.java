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
import org.consularbot.faq.Tier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Floors on the held-out dev set (eval/dev.tsv, written apart from the corpus): a change that makes the
 * matcher worse at answering citizens fails the build. Floors sit just under the measured figures (docs/evaluation.md).
 */
class DevSetFloorsTest {

    private static Evaluation vietnamese;
    private static Evaluation bm25;

    @BeforeAll
    static void evaluate() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
        Corpus corpus = TestCorpora.loader(clock).load(Path.of("faq"));
        List<EvalQuery> dev = EvalSet.read(Path.of("eval/dev.tsv"));
        assertThat(dev).hasSizeGreaterThanOrEqualTo(150);
        vietnamese = Evaluation.run(FaqMatchers.vietnameseAware(corpus), dev, null);
        bm25 = Evaluation.run(FaqMatchers.bm25Baseline(corpus), dev, null);
    }

    @Test
    void urgentMessagesGetTheEmergencyTier() {
        // One dev message is a fraud just committed ("made me send 3000 dollars"): no triage situation, an FAQ answer.
        assertThat(vietnamese.overall().emergencyRecall()).isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void answersGivenOutrightAreRight() {
        assertThat(vietnamese.overall().answerPrecision()).isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void outOfScopeAndInjectionMessagesAreNotAnswered() {
        Figures none = vietnamese.byKind().get("none");
        assertThat(none.rejection()).isGreaterThanOrEqualTo(0.65);
        // The topic reading answers 2 of the 44 outright since 2026-12-05 ("where is the form to renew my Canadian
        // passport": sure it is about passport renewal, blind to whose passport; a role-play asking for a visa
        // exemption, answered with the official procedure). Never more.
        long answered = vietnamese.outcomes().stream()
                .filter(o -> o.query().expectsNone() && o.tier() == Tier.ANSWER)
                .count();
        assertThat(answered).as("out-of-scope messages given an FAQ answer").isLessThanOrEqualTo(2);
    }

    @Test
    void topOneAccuracyHoldsOverallAndWithoutDiacritics() {
        Map<String, Figures> kinds = vietnamese.byKind();
        assertThat(vietnamese.overall().top1()).isGreaterThanOrEqualTo(0.82);
        assertThat(kinds.get("vi").top1()).isGreaterThanOrEqualTo(0.85);
        assertThat(kinds.get("vi-nd").top1()).isGreaterThanOrEqualTo(0.80);
        assertThat(kinds.get("vi-abbr").top1()).isGreaterThanOrEqualTo(0.80);
        assertThat(kinds.get("en").top1()).isGreaterThanOrEqualTo(0.75);
        assertThat(vietnamese.overall().mrr()).isGreaterThanOrEqualTo(0.92);
    }

    @Test
    void beatsPlainBm25WhereVietnameseHandlingMatters() {
        double gain = vietnamese.byKind().get("vi-nd").top1()
                - bm25.byKind().get("vi-nd").top1();
        assertThat(gain).isGreaterThanOrEqualTo(0.15);
        assertThat(vietnamese.byKind().get("vi-abbr").top1())
                .isGreaterThan(bm25.byKind().get("vi-abbr").top1() + 0.10);
        assertThat(vietnamese.overall().mrr()).isGreaterThan(bm25.overall().mrr());
    }

    @Test
    void mostInScopeMessagesNeedNoFallbackCall() {
        assertThat(vietnamese.overall().faqHandled()).isGreaterThanOrEqualTo(0.88);
    }
}
