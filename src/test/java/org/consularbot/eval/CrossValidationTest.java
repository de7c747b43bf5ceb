package org.consularbot.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.Example;
import org.consularbot.faq.FaqMatchers;
import org.consularbot.faq.ModelCache;
import org.consularbot.faq.TestCorpora;
import org.consularbot.faq.Tier;
import org.junit.jupiter.api.Test;

/** Cross-validation measures every example once, by a reading trained without it. */
class CrossValidationTest {

    /** Words nothing else uses: only this example can teach the reading what they mean. */
    private static final String TAUGHT_ONLY_HERE = "blorptang vexumar zintokal";

    private static final String ORDINARY = "hộ chiếu hết hạn làm lại ở đâu";

    @Test
    void anExampleIsReadByAModelThatNeverSawItAndOutcomesKeepTheirOrder() {
        List<Example> examples = new ArrayList<>(TestCorpora.real().examples());
        for (int copy = 0; copy < 3; copy++) {
            examples.add(new Example(Example.Kind.URGENT, "missing", TAUGHT_ONLY_HERE));
        }
        examples.add(new Example(Example.Kind.URGENT, "missing", "Blórptang, VEXUMAR zintokal!"));
        Corpus taught = TestCorpora.real().withExamples(examples, ModelCache.NONE);
        assertThat(FaqMatchers.vietnameseAware(taught).match(TAUGHT_ONLY_HERE).tier())
                .as("read by a model that learnt it")
                .isEqualTo(Tier.EMERGENCY);

        List<EvalQuery> queries = List.of(
                new EvalQuery(TAUGHT_ONLY_HERE, "emergency.crime", "urgent", 2, true, "missing", null, null),
                new EvalQuery(ORDINARY, "passport.issue", "vi", 3));
        Evaluation measured = CrossValidation.run(taught, queries, 2, "default", ModelCache.NONE, null);

        assertThat(measured.outcomes())
                .extracting(o -> o.query().question())
                .containsExactly(TAUGHT_ONLY_HERE, ORDINARY);
        assertThat(measured.outcomes().get(0).tier())
                .as("held out: every copy of it, accents and case aside, left out of training")
                .isNotEqualTo(Tier.EMERGENCY);
        assertThat(measured.outcomes().get(1).topCorrect()).isTrue();
    }

    @Test
    void foldsOutsideTwoToTheNumberOfExamplesAreRefused() {
        List<EvalQuery> one = List.of(new EvalQuery(ORDINARY, "passport.issue", "vi", 2));
        assertThatThrownBy(() -> CrossValidation.run(TestCorpora.real(), one, 2, "default", ModelCache.NONE, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 to 1 folds");
        List<EvalQuery> two = List.of(one.get(0), one.get(0));
        assertThatThrownBy(() -> CrossValidation.run(TestCorpora.real(), two, 1, "default", ModelCache.NONE, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not 1");
    }
}
