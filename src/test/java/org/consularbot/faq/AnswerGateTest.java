package org.consularbot.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signals the answer gate reads, and how it weighs them, on hand-made candidates. */
class AnswerGateTest {

    private static final FaqEntry ENTRY = TestCorpora.real().entries().get(0);
    private static final FaqEntry SAME_TOPIC = TestCorpora.real().entries().stream()
            .filter(e -> e.topic().equals(ENTRY.topic()) && !e.equals(ENTRY))
            .findFirst()
            .orElseThrow();
    private static final FaqEntry OTHER_TOPIC = TestCorpora.real().entries().stream()
            .filter(e -> !e.topic().equals(ENTRY.topic()))
            .findFirst()
            .orElseThrow();
    private static final List<Candidate> RANKED = List.of(
            new Candidate(ENTRY, 10, 0.6), new Candidate(SAME_TOPIC, 9, 0.3), new Candidate(OTHER_TOPIC, 5, 0.4));

    private static MessageClassifier.Reading reading(double urgent, double chitchat, double decline) {
        return new MessageClassifier.Reading(urgent, null, chitchat, null, decline, null);
    }

    private static double certainty(double topic, double decline, double confidence, int words) {
        List<Candidate> ranked = List.of(new Candidate(ENTRY, 10, confidence), new Candidate(OTHER_TOPIC, 5, 0.3));
        Map<String, Double> topics = Map.of(ENTRY.topic(), topic, OTHER_TOPIC.topic(), 1 - topic);
        return AnswerGate.probability(
                AnswerGate.features(ranked, topics, reading(0, 0, decline), Tier.SUGGEST, Tier.SUGGEST, words));
    }

    @Test
    void readsTheTopTheBestOtherTopicAndTheBestOfItsOwnTopic() {
        Map<String, Double> topics = Map.of(ENTRY.topic(), 0.8, OTHER_TOPIC.topic(), 0.1);
        double[] f = AnswerGate.features(RANKED, topics, reading(0.05, 0.05, 0.1), Tier.ANSWER, Tier.SUGGEST, 60);

        assertThat(f).hasSize(AnswerGate.FEATURES);
        assertThat(f)
                .containsExactly(
                        new double[] {
                            0.6, 0.8, 0.8, 0.5, 0.4, 0.1, 0.5, 1.0, 1, 0, 0.05, 0.1, 0.05, 0.48, Math.log1p(10)
                        },
                        within(1e-9));
    }

    @Test
    void noOtherCandidateReadsAsNothingClose() {
        double[] f = AnswerGate.features(
                List.of(new Candidate(ENTRY, 4, 0.9)),
                Map.of(ENTRY.topic(), 1.0),
                reading(0, 0, 0),
                Tier.ANSWER,
                Tier.ANSWER,
                10);

        assertThat(f[3]).isZero();
        assertThat(f[4]).isZero();
        assertThat(f[6]).isZero();
        assertThat(f[7]).isEqualTo(0.25);
    }

    @Test
    void aSureTopicAndAWellExplainedLongMessageAreAnsweredAndADoubtfulOneIsNot() {
        assertThat(AnswerGate.answers(certainty(0.97, 0, 0.7, 30))).isTrue();
        assertThat(AnswerGate.answers(certainty(0.4, 0, 0.7, 30))).isFalse();
        assertThat(AnswerGate.answers(certainty(0.97, 0.5, 0.7, 30)))
                .as("likely out of scope")
                .isFalse();
    }

    @Test
    void moreCertaintyOfTheTopicOrOfAnOrdinaryQuestionNeverLowersTheProbability() {
        for (double topic = 0.1; topic < 0.9; topic += 0.1) {
            assertThat(certainty(topic + 0.1, 0, 0.5, 20)).isGreaterThan(certainty(topic, 0, 0.5, 20));
            assertThat(certainty(topic, 0, 0.5, 20)).isGreaterThan(certainty(topic, 0.3, 0.5, 20));
        }
        assertThat(certainty(0.9, 0, 0.8, 20)).isGreaterThan(certainty(0.9, 0, 0.4, 20));
    }

    @Test
    void refusesSignalsOfAnotherShape() {
        assertThatThrownBy(() -> AnswerGate.probability(new double[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("15");
    }
}
