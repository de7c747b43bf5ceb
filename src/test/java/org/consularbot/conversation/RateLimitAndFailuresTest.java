package org.consularbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consularbot.conversation.DialogueTest.HOTLINE;
import static org.consularbot.conversation.DialogueTest.RENEW_ID;
import static org.consularbot.conversation.DialogueTest.RENEW_VI;
import static org.consularbot.conversation.DialogueTest.VAGUE_VI;
import static org.consularbot.conversation.EmergencyDialogueTest.ARRESTED_EN;
import static org.consularbot.conversation.EmergencyDialogueTest.ARRESTED_VI;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import org.consularbot.conversation.ConversationHarness.Chat;
import org.consularbot.faq.FaqMatcher;
import org.consularbot.faq.MatchResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The rate limit (never in the way of an emergency, nor of messages for an officer) and failures around the dialogue
 * (a matcher or fallback that breaks): the citizen is never left in silence, and always has the hotline.
 */
class RateLimitAndFailuresTest {

    private ConversationHarness bot = ConversationHarness.create();
    private Chat chat = bot.chat("citizen-1");

    @AfterEach
    void close() {
        bot.close();
    }

    private void restart(ConversationHarness.Builder builder) {
        bot.close();
        bot = builder.build();
        chat = bot.chat("citizen-1");
    }

    @Test
    void overTheRateLimitTheCitizenIsToldOnceThenQuietUntilTheMinuteHasPassed() {
        restart(ConversationHarness.builder().rateLimit(3));
        for (int i = 0; i < 3; i++) {
            assertThat(chat.say(RENEW_VI)).extracting(Reply::kind).containsExactly(ReplyKind.ANSWER);
        }

        assertThat(chat.say(RENEW_VI)).singleElement().satisfies(reply -> {
            assertThat(reply.kind()).isEqualTo(ReplyKind.RATE_LIMITED);
            assertThat(reply.text()).contains("đã được lưu").contains(HOTLINE);
        });
        assertThat(chat.last.outcome().code()).isEqualTo("rate-limited");
        assertThat(chat.say(RENEW_VI)).isEmpty();
        assertThat(chat.last.outcome().code()).isEqualTo("rate-limited");
        assertThat(chat.say("/help")).isEmpty();

        assertThat(bot.store.unanswered(10))
                .as("every message stored and marked handled")
                .isEmpty();
        assertThat(chat.log())
                .filteredOn(e -> e.type() == ConversationEvent.Type.MESSAGE_RECEIVED)
                .hasSize(6);
        assertThat(chat.log())
                .filteredOn(e -> e.type() == ConversationEvent.Type.RATE_LIMITED)
                .extracting(ConversationEvent::detail)
                .containsExactly("notified", "quiet", "quiet");
        assertThat(bot.count("SELECT COUNT(*) FROM inbound_messages WHERE outcome = 'rate-limited'"))
                .isEqualTo(3);

        bot.clock.advance(Duration.ofMinutes(1));
        assertThat(chat.say(RENEW_VI)).extracting(Reply::kind).containsExactly(ReplyKind.ANSWER);
    }

    @Test
    // Regression: old "did you mean" buttons were answered by the bot over the officer, and messages over the
    // rate limit never reached the officer.
    void withAnOfficerOldChoiceButtonsAndMessagesOverTheLimitAreRelayedNotAnswered() {
        restart(ConversationHarness.builder().rateLimit(2));
        bot.escalation.available = true;
        List<Reply> suggestion = chat.say(VAGUE_VI);
        String oldChoice = suggestion.get(0).choices().get(0).payload();
        chat.say("/human");
        chat.officer(Trigger.OFFICER_JOINED);

        assertThat(chat.press(oldChoice))
                .as("the bot does not answer over the officer")
                .isEmpty();
        for (int i = 0; i < 5; i++) {
            assertThat(chat.say("tin nhan " + i)).isEmpty();
            assertThat(chat.last.outcome().code()).isEqualTo("relayed");
        }
        assertThat(bot.escalation.relayed).hasSize(6);
        assertThat(chat.state()).isEqualTo(ConversationState.WITH_OFFICER);
    }

    @Test
    void anEmergencyIsAnsweredEvenWhenRateLimited() {
        restart(ConversationHarness.builder().rateLimit(1));
        chat.say(RENEW_VI);
        chat.say(RENEW_VI);
        assertThat(chat.say(RENEW_VI)).isEmpty();

        assertThat(chat.say(ARRESTED_VI)).extracting(Reply::kind).containsExactly(ReplyKind.EMERGENCY);
        assertThat(chat.say(ARRESTED_EN)).extracting(Reply::kind).containsExactly(ReplyKind.EMERGENCY);
    }

    @Test
    void theLimitIsPerCitizen() {
        restart(ConversationHarness.builder().rateLimit(1));
        chat.say(RENEW_VI);
        assertThat(chat.say(RENEW_VI)).extracting(Reply::kind).containsExactly(ReplyKind.RATE_LIMITED);

        assertThat(bot.chat("citizen-2").say(RENEW_VI)).extracting(Reply::kind).containsExactly(ReplyKind.ANSWER);
    }

    @Test
    // Regression: a message the dialogue could not decide on threw, stayed unanswered and failed every recovery.
    void aMessageTheBotCannotDecideOnStillGetsTheHotlineAndDoesNotBlockRecovery() {
        FaqMatcher real = ConversationHarness.matcher();
        FaqMatcher broken = new FaqMatcher() {
            @Override
            public MatchResult match(String message) {
                if (message.contains("poison")) {
                    throw new IllegalStateException("bug");
                }
                return real.match(message);
            }

            @Override
            public String name() {
                return "broken";
            }
        };
        restart(ConversationHarness.builder().matcher(broken));

        List<Reply> replies = chat.say("poison message");

        assertThat(replies).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReplyKind.FALLBACK);
            assertThat(r.text()).contains(HOTLINE);
        });
        assertThat(chat.last.outcome().code()).isEqualTo("error");
        assertThat(bot.store.unanswered(10)).isEmpty();
        assertThat(bot.recovery.recover().messagesAnswered()).isZero();
        assertThat(chat.say(RENEW_VI).get(0).entryId()).contains(RENEW_ID);
    }

    @Test
    void aFallbackAnswererThatThrowsStillYieldsTheHotlineReply() {
        FallbackAnswerer broken = mock(FallbackAnswerer.class);
        when(broken.answer(any())).thenThrow(new IllegalStateException("LLM timed out"));
        restart(ConversationHarness.builder().fallback(broken));

        List<Reply> replies = chat.say("xqzv A 17");

        assertThat(replies).singleElement().satisfies(reply -> {
            assertThat(reply.kind()).isEqualTo(ReplyKind.FALLBACK);
            assertThat(reply.text()).contains(HOTLINE).contains("/human");
        });
        verify(broken, times(1)).answer(any());
        assertThat(bot.store.unanswered(10)).isEmpty();
    }

    @Test
    void aFallbackAnswererThatReturnsNothingStillYieldsTheHotlineReply() {
        restart(ConversationHarness.builder().fallback(question -> null));

        assertThat(chat.say("xqzv A 17")).singleElement().satisfies(reply -> {
            assertThat(reply.kind()).isEqualTo(ReplyKind.FALLBACK);
            assertThat(reply.text()).contains(HOTLINE);
        });
    }
}
