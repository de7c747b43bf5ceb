package org.consularbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.consularbot.faq.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TurnOutcomeTest {

    @ParameterizedTest
    @EnumSource(TurnOutcome.Kind.class)
    void everyKindReadsBackFromItsStoredCode(TurnOutcome.Kind kind) {
        assertThat(TurnOutcome.parse(TurnOutcome.of(kind).code())).isEqualTo(TurnOutcome.of(kind));
    }

    /** Rows written before outcomes were typed keep their meaning: reports read them as the same kinds. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "answer",
                "suggestion",
                "fallback",
                "emergency",
                "rate-limited",
                "relayed",
                "command-start",
                "decline:host-authority",
                "small-talk:thanks",
                "not-text",
                "human-requested",
                "choice-invalid",
                "no-words"
            })
    void storedCodesOfEarlierVersionsReadBackUnchanged(String code) {
        TurnOutcome outcome = TurnOutcome.parse(code);

        assertThat(outcome.kind()).isNotEqualTo(TurnOutcome.Kind.NONE);
        assertThat(outcome.code()).isEqualTo(code);
    }

    @Test
    void aCommandAndADeclineKeepWhatNamesThem() {
        assertThat(TurnOutcome.parse("command-human")).isEqualTo(TurnOutcome.command("HUMAN"));
        assertThat(TurnOutcome.parse("decline:loans-jobs").detail()).isEqualTo("loans-jobs");
        assertThat(TurnOutcome.parse("decline:loans-jobs").kind()).isEqualTo(TurnOutcome.Kind.DECLINE);
    }

    @Test
    void anUnknownOrMissingCodeIsNoOutcomeRatherThanAnError() {
        assertThat(TurnOutcome.parse(null)).isEqualTo(TurnOutcome.NONE);
        assertThat(TurnOutcome.parse("")).isEqualTo(TurnOutcome.NONE);
        assertThat(TurnOutcome.parse("something-new:x")).isEqualTo(TurnOutcome.NONE);
    }

    @Test
    void onlyAnAnswerOrAPickedEntryCountsAsAnswered() {
        assertThat(TurnOutcome.Kind.values())
                .filteredOn(TurnOutcome.Kind::answered)
                .containsExactlyInAnyOrder(TurnOutcome.Kind.ANSWER, TurnOutcome.Kind.CHOICE);
    }

    @Test
    void anOfficerRequestCarriesItsSituationOnlyForAnEmergency() {
        Conversation conversation = new Conversation(
                1,
                new ConversationKey("telegram", "42"),
                ConversationState.BOT_ANSWERING,
                Optional.empty(),
                Language.VI,
                List.of(),
                0,
                0,
                Instant.EPOCH,
                Instant.EPOCH);

        OfficerRequest emergency = OfficerRequest.emergency(conversation, Language.VI, "arrest (in Cambodia)");
        assertThat(emergency.urgent()).isTrue();
        assertThat(emergency.describe()).isEqualTo("emergency: arrest (in Cambodia)");
        OfficerRequest asked = OfficerRequest.of(conversation, Language.EN, OfficerRequest.Reason.CITIZEN_ASKED);
        assertThat(asked.urgent()).isFalse();
        assertThat(asked.describe()).isEqualTo("citizen asked for an officer");
        assertThatThrownBy(() -> new OfficerRequest(
                        conversation, Language.VI, OfficerRequest.Reason.EMERGENCY, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OfficerRequest(
                        conversation, Language.VI, OfficerRequest.Reason.CITIZEN_ASKED, Optional.of("arrest")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
