package org.consularbot.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule that turns ranked candidates into a tier, on hand-made candidates. */
class TierPolicyTest {

    private static final TierPolicy POLICY = new TierPolicy(0.70, 0.25, 0.90);
    private static final FaqEntry ENTRY = TestCorpora.real().entries().get(0);
    private static final FaqEntry SAME_TOPIC = TestCorpora.real().entries().stream()
            .filter(e -> e.topic().equals(ENTRY.topic()) && !e.equals(ENTRY))
            .findFirst()
            .orElseThrow();
    private static final FaqEntry OTHER_TOPIC = TestCorpora.real().entries().stream()
            .filter(e -> !e.topic().equals(ENTRY.topic()))
            .findFirst()
            .orElseThrow();

    private static Candidate candidate(double score, double confidence) {
        return new Candidate(ENTRY, score, confidence);
    }

    private static Candidate other(double score, double confidence) {
        return new Candidate(OTHER_TOPIC, score, confidence);
    }

    @Test
    void noCandidateIsAFallback() {
        assertThat(POLICY.tier(List.of())).isEqualTo(Tier.FALLBACK);
    }

    @Test
    void aBestCandidateThatExplainsTooLittleIsAFallback() {
        assertThat(POLICY.tier(List.of(candidate(30, 0.24)))).isEqualTo(Tier.FALLBACK);
    }

    @Test
    void aConfidentCandidateWellAheadIsAnswered() {
        assertThat(POLICY.tier(List.of(candidate(10, 0.70), other(8.9, 0.9)))).isEqualTo(Tier.ANSWER);
    }

    @Test
    void aRunnerUpOfAnotherTopicWithinTheCloseRatioTurnsAnAnswerIntoSuggestions() {
        assertThat(POLICY.tier(List.of(candidate(10, 0.75), other(9.0, 0.5)))).isEqualTo(Tier.SUGGEST);
    }

    @Test
    void aRunnerUpOfTheSameTopicDoesNotBlockTheAnswer() {
        assertThat(POLICY.tier(List.of(candidate(10, 0.75), new Candidate(SAME_TOPIC, 9.9, 0.75))))
                .isEqualTo(Tier.ANSWER);
    }

    @Test
    void anEntryExplainingNearlyTheWholeMessageIsAnsweredUnlessAnotherTopicExplainsNearlyAsMuch() {
        assertThat(POLICY.tier(List.of(candidate(10, 0.95), other(9.5, 0.6)))).isEqualTo(Tier.ANSWER);
        assertThat(POLICY.tier(List.of(candidate(10, 0.95), other(9.5, 0.7)))).isEqualTo(Tier.SUGGEST);
    }

    @Test
    void aCloseRunnerUpThatItselfExplainsTooLittleDoesNotBlockTheAnswer() {
        assertThat(POLICY.tier(List.of(candidate(10, 0.95), other(9.5, 0.2)))).isEqualTo(Tier.ANSWER);
    }

    @Test
    void confidenceBetweenTheThresholdsGivesSuggestions() {
        assertThat(POLICY.tier(List.of(candidate(10, 0.69)))).isEqualTo(Tier.SUGGEST);
        assertThat(POLICY.tier(List.of(candidate(10, 0.25)))).isEqualTo(Tier.SUGGEST);
    }

    @Test
    void inconsistentThresholdsAreRefused() {
        assertThatThrownBy(() -> new TierPolicy(0.3, 0.5, 0.9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TierPolicy(1.2, 0.5, 0.9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TierPolicy(0.7, 0.3, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
