package org.consularbot.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the learned reading joins the rules: it adds what they missed and never overrules a sure phrase. */
class ReadingPolicyTest {

    private static final ReadingPolicy POLICY = new ReadingPolicy(0.7, 0.3, 0.25, 0.4, 0.5);
    private static final EmergencyTriage TRIAGE = new EmergencyTriage(TestCorpora.real(),
            new TextNormalizer(TestCorpora.real().synonyms()), TestCorpora.CLOCK);
    private static final Emergency SURE_ARREST = new Emergency("arrest", "emergency.arrest", "emergency.arrest.first-steps", "bị bắt", true);
    private static final Emergency UNSURE_ARREST = new Emergency("arrest", "emergency.arrest", "emergency.arrest.first-steps", "bị bắt", false);

    private static MessageClassifier.Reading urgent(double p, String situation) {
        return new MessageClassifier.Reading(p, situation, 0, null, 0, null);
    }

    @Test
    void aSureRuleStandsWhateverTheReading() {
        assertThat(POLICY.emergency(Optional.of(SURE_ARREST), urgent(0.0, "missing"), TRIAGE)).contains(SURE_ARREST);
    }

    @Test
    void theReadingConfirmsAnUnsureRuleOrLeavesIt() {
        assertThat(POLICY.emergency(Optional.of(UNSURE_ARREST), urgent(0.25, "missing"), TRIAGE).orElseThrow())
                .satisfies(e -> {
                    assertThat(e.sure()).isTrue();
                    assertThat(e.situation()).as("the rule's situation").isEqualTo("arrest");
                });
        assertThat(POLICY.emergency(Optional.of(UNSURE_ARREST), urgent(0.24, "missing"), TRIAGE)).contains(UNSURE_ARREST);
    }

    @Test
    void whatTheRulesMissedIsSureOrUnsureByProbability() {
        Emergency sure = POLICY.emergency(Optional.empty(), urgent(0.7, "missing"), TRIAGE).orElseThrow();
        assertThat(sure.sure()).isTrue();
        assertThat(sure.situation()).isEqualTo("missing");
        assertThat(sure.entry()).isNotNull();
        assertThat(sure.evidence()).isEqualTo("(learned 0.70)");
        assertThat(POLICY.emergency(Optional.empty(), urgent(0.69, "missing"), TRIAGE).orElseThrow().sure()).isFalse();
        assertThat(POLICY.emergency(Optional.empty(), urgent(0.29, "missing"), TRIAGE)).isEmpty();
        assertThat(POLICY.emergency(Optional.empty(), urgent(0.9, "no-such-situation"), TRIAGE)).isEmpty();
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
}
