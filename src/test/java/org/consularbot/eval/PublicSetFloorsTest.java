package org.consularbot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.FaqMatchers;
import org.consularbot.faq.TestCorpora;
import org.consularbot.faq.Tier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The matcher on public bilingual FAQ sets nobody here wrote ({@code eval/public/}: FEMA, IRS, Medi-Cal), imported
 * as {@code eval --corpus} imports them: floors just under the measured figures (docs/evaluation.md), and the kinds
 * where it already beats plain BM25 held there. The IRS and Medi-Cal sets were measured once, after the change was
 * chosen on FEMA alone.
 */
class PublicSetFloorsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // set, shown floor (measured), vi-nd over BM25 by at least
        "fema-disaster, 0.58, 0.25", // 0.604 (0.333 before); BM25 0.563; vi-nd 0.625 vs 0.313
        "irs-tax, 0.68, 0.45", // 0.698 (0.429 before); BM25 0.492; vi-nd 0.762 vs 0.238
        "calif-medi-cal, 0.72, 0.35"
    }) // 0.733 (0.733 before); BM25 0.733; vi-nd 0.800 vs 0.400
    void importedPublicSetsAreMatchedAtLeastAsBeforeAndBeatBm25WithoutDiacritics(
            String set, double floor, double ndMargin) throws Exception {
        Corpus corpus = ExternalFaqSet.read(Path.of("eval/public/" + set + "-faq.jsonl"), TestCorpora.real());
        var queries = EvalSet.read(Path.of("eval/public/" + set + "-queries.tsv"));

        Evaluation vietnamese = Evaluation.run(FaqMatchers.vietnameseAware(corpus), queries, null);
        Evaluation bm25 = Evaluation.run(FaqMatchers.bm25Baseline(corpus), queries, null);

        // The set defines its own scope: none of its questions is declined as a consular matter.
        assertThat(vietnamese.outcomes()).as("%s: declined", set).noneMatch(o -> o.tier() == Tier.DECLINE);

        assertThat(vietnamese.overall().top1()).as("%s shown right", set).isGreaterThanOrEqualTo(floor);
        assertThat(vietnamese.overall().top1())
                .as("%s overall never below BM25", set)
                .isGreaterThanOrEqualTo(bm25.overall().top1());
        assertThat(vietnamese.byKind().get("vi-nd").top1())
                .as("%s without diacritics", set)
                .isGreaterThanOrEqualTo(bm25.byKind().get("vi-nd").top1() + ndMargin);
    }
}
