package org.consularbot.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How the learned reading joins the rules: it adds what they missed; a sure phrase's emergency always stands,
 * though a reading very sure of another situation may rename it.
 */
class ReadingPolicyTest {

    private static final ReadingPolicy POLICY =
            new ReadingPolicy(0.7, 0.3, 0.25, 0.4, 0.5, 2.0, 0.9, 0.2, 0.8, 0.5, 0.05, 0.8);
    private static final EmergencyTriage TRIAGE = new EmergencyTriage(
            TestCorpora.real(), new TextNormalizer(TestCorpora.real().synonyms()), TestCorpora.CLOCK);
    private static final Emergency SURE_ARREST =
            new Emergency("arrest", "emergency.arrest", "emergency.arrest.first-steps", "bị bắt", true);
    private static final Emergency UNSURE_ARREST =
            new Emergency("arrest", "emergency.arrest", "emergency.arrest.first-steps", "bị bắt", false);

    private static MessageClassifier.Reading urgent(double p, String situation) {
        return new MessageClassifier.Reading(p, situation, 0, null, 0, null);
    }

    @Test
    void aSureRulesEmergencyStandsWhateverTheReading() {
        assertThat(POLICY.emergency(Optional.of(SURE_ARREST), urgent(0.0, "missing"), TRIAGE))
                .contains(SURE_ARREST);
        assertThat(POLICY.emergency(Optional.of(SURE_ARREST), urgent(0.79, "missing"), TRIAGE)
                        .orElseThrow()
                        .sure())
                .isTrue();
    }

    @Test
    void theReadingConfirmsAnUnsureRuleOrLeavesIt() {
        assertThat(POLICY.emergency(Optional.of(UNSURE_ARREST), urgent(0.25, "missing"), TRIAGE)
                        .orElseThrow())
                .satisfies(e -> {
                    assertThat(e.sure()).isTrue();
                    assertThat(e.situation()).as("the rule's situation").isEqualTo("arrest");
                });
        assertThat(POLICY.emergency(Optional.of(UNSURE_ARREST), urgent(0.24, "missing"), TRIAGE))
                .contains(UNSURE_ARREST);
    }

    @Test
    void whatTheRulesMissedIsSureOrUnsureByProbability() {
        Emergency sure = POLICY.emergency(Optional.empty(), urgent(0.7, "missing"), TRIAGE)
                .orElseThrow();
        assertThat(sure.sure()).isTrue();
        assertThat(sure.situation()).isEqualTo("missing");
        assertThat(sure.entry()).isNotNull();
        assertThat(sure.evidence()).isEqualTo("(learned 0.70)");
        assertThat(POLICY.emergency(Optional.empty(), urgent(0.69, "missing"), TRIAGE)
                        .orElseThrow()
                        .sure())
                .isFalse();
        assertThat(POLICY.emergency(Optional.empty(), urgent(0.29, "missing"), TRIAGE))
                .isEmpty();
        assertThat(POLICY.emergency(Optional.empty(), urgent(0.9, "no-such-situation"), TRIAGE))
                .isEmpty();
    }

    @Test
    void smallTalkAndDeclinesOnlyWhereNoEntryExplainsTheMessageWell() {
        MessageClassifier.Reading thanks = new MessageClassifier.Reading(0, null, 0.4, "thanks", 0.1, "off-topic");
        assertThat(POLICY.talk(thanks, 0.0, 0.4)).contains(new SmallTalk.Verdict(Tier.CHITCHAT, "thanks"));
        assertThat(POLICY.talk(thanks, 0.4, 0.4)).isEmpty();
        MessageClassifier.Reading politics = new MessageClassifier.Reading(0, null, 0.2, "thanks", 0.5, "politics");
        assertThat(POLICY.talk(politics, 0.1, 0.4)).contains(new SmallTalk.Verdict(Tier.DECLINE, "politics"));
        MessageClassifier.Reading unsure = new MessageClassifier.Reading(0, null, 0.39, "thanks", 0.49, "politics");
        assertThat(POLICY.talk(unsure, 0.0, 0.4)).isEmpty();
    }

    private static Candidate candidate(String topic, double score, double confidence) {
        FaqEntry entry = TestCorpora.real().entries().stream()
                .filter(e -> e.topic().equals(topic))
                .findFirst()
                .orElseThrow();
        return new Candidate(entry, score, confidence);
    }

    @Test
    void aCandidateWeighsMoreTheLikelierItsTopic() {
        Map<String, Double> topics = Map.of("fees", 0.75, "passport.issue", 0.25);
        assertThat(POLICY.weigh(candidate("fees", 2.0, 0.5), topics)).isEqualTo(2.0 * (1 + 2.0 * 0.75));
        assertThat(POLICY.weigh(candidate("passport.issue", 2.0, 0.5), topics)).isEqualTo(2.0 * (1 + 2.0 * 0.25));
        assertThat(POLICY.weigh(candidate("nationality", 2.0, 0.5), topics))
                .as("a topic not read")
                .isEqualTo(2.0);
        assertThat(POLICY.weigh(candidate("fees", 2.0, 0.5), Map.of()))
                .as("no reading")
                .isEqualTo(2.0);
    }

    private static final MessageClassifier.Reading QUESTION = MessageClassifier.Reading.NOTHING;

    @Test
    void aSuggestionIsAnsweredWhenItsTopicIsSureAndItExplainsEnough() {
        List<Candidate> ranked = List.of(candidate("fees", 2.0, 0.2), candidate("passport.issue", 1.0, 0.3));
        assertThat(POLICY.tier(Tier.SUGGEST, ranked, Tier.SUGGEST, ranked, Map.of("fees", 0.9), QUESTION))
                .isEqualTo(Tier.ANSWER);
        assertThat(POLICY.tier(Tier.SUGGEST, ranked, Tier.SUGGEST, ranked, Map.of("fees", 0.89), QUESTION))
                .isEqualTo(Tier.SUGGEST);
        assertThat(POLICY.tier(
                        Tier.SUGGEST,
                        List.of(),
                        Tier.SUGGEST,
                        List.of(candidate("fees", 2.0, 0.19)),
                        Map.of("fees", 0.99),
                        QUESTION))
                .as("explains too little")
                .isEqualTo(Tier.SUGGEST);
        assertThat(POLICY.tier(Tier.FALLBACK, ranked, Tier.FALLBACK, ranked, Map.of("fees", 0.99), QUESTION))
                .as("a fallback is suggested, never answered")
                .isEqualTo(Tier.SUGGEST);
        FaqEntry otherFeesEntry = TestCorpora.real().entries().stream()
                .filter(e -> e.topic().equals("fees"))
                .skip(1)
                .findFirst()
                .orElseThrow();
        assertThat(POLICY.tier(
                        Tier.SUGGEST,
                        List.of(),
                        Tier.SUGGEST,
                        List.of(candidate("fees", 2.0, 0.3), new Candidate(otherFeesEntry, 1.5, 0.24)),
                        Map.of("fees", 0.99),
                        QUESTION))
                .as("another entry of the topic explains 80 % as much")
                .isEqualTo(Tier.SUGGEST);
        assertThat(POLICY.tier(
                        Tier.SUGGEST,
                        List.of(),
                        Tier.SUGGEST,
                        List.of(candidate("fees", 2.0, 0.3), new Candidate(otherFeesEntry, 1.5, 0.23)),
                        Map.of("fees", 0.99),
                        QUESTION))
                .isEqualTo(Tier.ANSWER);
        MessageClassifier.Reading maybeOffTopic = new MessageClassifier.Reading(0, null, 0, null, 0.11, "off-topic");
        assertThat(POLICY.tier(Tier.SUGGEST, ranked, Tier.SUGGEST, ranked, Map.of("fees", 0.99), maybeOffTopic))
                .as("sure of the topic, not that it is a question for the embassy")
                .isEqualTo(Tier.SUGGEST);
    }

    @Test
    void aFallbackIsSuggestedOnlyWhenTheReadingIsFairlySureOfTopicAndQuestionAndTheEntryExplainsSomething() {
        List<Candidate> weak = List.of(candidate("fees", 2.0, 0.06));
        assertThat(POLICY.tier(Tier.FALLBACK, weak, Tier.FALLBACK, weak, Map.of("fees", 0.5), QUESTION))
                .isEqualTo(Tier.SUGGEST);
        assertThat(POLICY.tier(Tier.FALLBACK, weak, Tier.FALLBACK, weak, Map.of("fees", 0.49), QUESTION))
                .as("topic unsure")
                .isEqualTo(Tier.FALLBACK);
        MessageClassifier.Reading halfDecline = new MessageClassifier.Reading(0, null, 0, null, 0.51, "off-topic");
        assertThat(POLICY.tier(Tier.FALLBACK, weak, Tier.FALLBACK, weak, Map.of("fees", 0.99), halfDecline))
                .as("maybe not a question for the embassy")
                .isEqualTo(Tier.FALLBACK);
        assertThat(POLICY.tier(
                        Tier.FALLBACK, weak, Tier.FALLBACK, weak, Map.of("fees", 0.5, "nationality", 0.51), QUESTION))
                .as("the reading's likeliest topic is another: an entry the corpus lacks")
                .isEqualTo(Tier.FALLBACK);
        List<Candidate> nothing = List.of(candidate("fees", 2.0, 0.04));
        assertThat(POLICY.tier(Tier.FALLBACK, nothing, Tier.FALLBACK, nothing, Map.of("fees", 0.99), QUESTION))
                .as("the entry explains next to nothing")
                .isEqualTo(Tier.FALLBACK);
    }

    @Test
    void aReadingSureOfAnotherSituationRenamesASurePhrasesEmergency() {
        Emergency renamed = POLICY.emergency(Optional.of(SURE_ARREST), urgent(0.8, "missing"), TRIAGE)
                .orElseThrow();
        assertThat(renamed.situation()).isEqualTo("missing");
        assertThat(renamed.sure()).isTrue();
        assertThat(renamed.evidence()).isEqualTo("bị bắt (learned 0.80)");
        assertThat(POLICY.emergency(Optional.of(SURE_ARREST), urgent(0.79, "missing"), TRIAGE))
                .contains(SURE_ARREST);
        assertThat(POLICY.emergency(Optional.of(SURE_ARREST), urgent(0.95, "arrest"), TRIAGE))
                .contains(SURE_ARREST);
        assertThat(POLICY.emergency(Optional.of(SURE_ARREST), urgent(0.95, "no-such-situation"), TRIAGE))
                .contains(SURE_ARREST);
    }

    @Test
    void anAnswerOnThePlainOrderStandsAndOneMadeByReorderingMustBeAheadInItsTopic() {
        FaqEntry otherFeesEntry = TestCorpora.real().entries().stream()
                .filter(e -> e.topic().equals("fees"))
                .skip(1)
                .findFirst()
                .orElseThrow();
        List<Candidate> close = List.of(candidate("fees", 2.0, 0.5), new Candidate(otherFeesEntry, 1.9, 0.48));
        Map<String, Double> fees = Map.of("fees", 0.99);
        assertThat(POLICY.tier(Tier.ANSWER, close, Tier.ANSWER, close, fees, QUESTION))
                .as("the plain answer stands")
                .isEqualTo(Tier.ANSWER);
        List<Candidate> plain = List.of(candidate("passport.issue", 3.0, 0.5));
        assertThat(POLICY.tier(Tier.SUGGEST, plain, Tier.ANSWER, close, fees, QUESTION))
                .as("made by re-ordering, not ahead")
                .isEqualTo(Tier.SUGGEST);
        assertThat(POLICY.tier(Tier.ANSWER, plain, Tier.ANSWER, close, fees, QUESTION))
                .as("another entry came first")
                .isEqualTo(Tier.SUGGEST);
    }
}
