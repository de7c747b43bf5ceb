package org.consularbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consularbot.conversation.DialogueTest.HOTLINE;
import static org.consularbot.conversation.DialogueTest.RENEW_ID;
import static org.consularbot.conversation.DialogueTest.RENEW_VI;
import static org.consularbot.conversation.DialogueTest.VAGUE_VI;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Officers, emergencies, the rate limit and failures around the dialogue: the citizen is never left in silence. */
class HandoffAndSafetyTest {

    static final String ARRESTED_VI = "toi bi bat";
    static final String ARRESTED_EN = "I was arrested";

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
    void humanWithoutOfficersGivesTheMissionContactsAndTheHotlineAndTheBotKeepsAnswering() {
        Reply reply = chat.say("/human").get(0);

        assertThat(reply.kind()).isEqualTo(ReplyKind.HANDOFF);
        assertThat(reply.text())
                .doesNotContain("613-882-6699")
                .contains("visa@vietnamembassy.ca")
                .contains("https://vietnamembassy.ca/")
                .contains(HOTLINE)
                .doesNotContain("{{");
        assertThat(chat.state()).isEqualTo(ConversationState.BOT_ANSWERING);
        assertThat(bot.escalation.requests).isEmpty();
        assertThat(chat.say(RENEW_VI).get(0).kind()).isEqualTo(ReplyKind.ANSWER);
    }

    @Test
    void humanWithOfficersWaitsForOneRelaysTheCitizenAndCancelWithdraws() {
        bot.escalation.available = true;

        Reply requested = chat.say("/human").get(0);

        assertThat(requested.kind()).isEqualTo(ReplyKind.HANDOFF);
        assertThat(requested.text()).contains("/cancel").contains(HOTLINE);
        assertThat(chat.state()).isEqualTo(ConversationState.WAITING_FOR_OFFICER);
        assertThat(bot.escalation.requests).singleElement().satisfies(r -> {
            assertThat(r.urgent()).isFalse();
            assertThat(r.conversation().state()).isEqualTo(ConversationState.WAITING_FOR_OFFICER);
        });
        assertThat(chat.stateChanges()).containsExactly("bot-answering>waiting-for-officer:human-requested");

        assertThat(chat.say(RENEW_VI))
                .as("the bot does not answer over an officer")
                .isEmpty();
        assertThat(chat.last.outcome().code()).isEqualTo("relayed");
        assertThat(chat.send(ContentKind.PHOTO, "")).isEmpty();
        assertThat(bot.escalation.relayed)
                .extracting(InboundMessage::kind)
                .containsExactly(ContentKind.TEXT, ContentKind.PHOTO);
        assertThat(chat.say("/human").get(0).text()).contains("đã yêu cầu gặp cán bộ");
        assertThat(bot.escalation.requests).hasSize(1);

        assertThat(chat.say("/cancel")).extracting(Reply::kind).containsExactly(ReplyKind.CANCEL);
        assertThat(chat.state()).isEqualTo(ConversationState.BOT_ANSWERING);
        assertThat(bot.escalation.withdrawn).hasSize(1);
        assertThat(chat.stateChanges()).endsWith("waiting-for-officer>bot-answering:citizen-cancelled");
        assertThat(chat.say(RENEW_VI).get(0).entryId()).contains(RENEW_ID);
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
    void withAnOfficerEverythingIsRelayedAndCancelHandsBackToTheBot() {
        bot.escalation.available = true;
        chat.say("/human");
        chat.officer(Trigger.OFFICER_JOINED);

        assertThat(chat.say(VAGUE_VI)).isEmpty();
        assertThat(chat.state()).isEqualTo(ConversationState.WITH_OFFICER);
        assertThat(chat.say("/human").get(0).text()).contains("đang nhắn với cán bộ");
        assertThat(chat.say("/cancel").get(0).kind()).isEqualTo(ReplyKind.CANCEL);
        assertThat(chat.stateChanges())
                .containsExactly(
                        "bot-answering>waiting-for-officer:human-requested",
                        "waiting-for-officer>with-officer:officer-joined",
                        "with-officer>bot-answering:citizen-cancelled");
    }

    @Test
    void officersGoneWhileTheCitizenWaitsTheCitizenIsToldAndTheBotAnswersAgain() {
        bot.escalation.available = true;
        chat.say("/human");
        bot.escalation.available = false;

        List<Reply> replies = chat.say(RENEW_VI);

        assertThat(replies).extracting(Reply::kind).containsExactly(ReplyKind.HANDOFF, ReplyKind.ANSWER);
        assertThat(replies.get(0).text()).contains(HOTLINE);
        assertThat(chat.state()).isEqualTo(ConversationState.BOT_ANSWERING);
        assertThat(chat.stateChanges()).endsWith("waiting-for-officer>bot-answering:officer-released");
        assertThat(chat.log())
                .filteredOn(e -> e.type() == ConversationEvent.Type.STATE_CHANGED)
                .last()
                .extracting(ConversationEvent::actor)
                .isEqualTo(Actor.SYSTEM);
    }

    @Test
    // Officers gone and the citizen types /human again: one notice, not the same text twice.
    void humanAgainAfterOfficersWentAwayGivesTheContactsOnce() {
        bot.escalation.available = true;
        chat.say("/human");
        bot.escalation.available = false;

        List<Reply> replies = chat.say("/human");

        assertThat(replies).singleElement().extracting(Reply::kind).isEqualTo(ReplyKind.HANDOFF);
        assertThat(chat.state()).isEqualTo(ConversationState.BOT_ANSWERING);
    }

    @ParameterizedTest
    @EnumSource(ConversationState.class)
    void anEmergencyComesFirstInEveryStateWithTheHotline(ConversationState state) {
        bring(state);
        bot.escalation.available = false;

        List<Reply> replies = chat.say(ARRESTED_VI);

        assertThat(replies).isNotEmpty();
        assertThat(replies.get(0).kind())
                .as("the first thing the citizen reads")
                .isEqualTo(ReplyKind.EMERGENCY);
        assertThat(replies.get(0).text()).startsWith("🆘 KHẨN CẤP").contains(HOTLINE);
        assertThat(replies.get(0).entryId())
                .hasValueSatisfying(id -> assertThat(id).startsWith("emergency.arrest"));
        assertThat(chat.last.outcome().code()).isEqualTo("emergency");
        assertThat(chat.log()).anySatisfy(e -> assertThat(e.detail()).startsWith("emergency: "));
    }

    @ParameterizedTest
    @EnumSource(
            value = ConversationState.class,
            names = {"BOT_ANSWERING", "AWAITING_CHOICE", "CLOSED"})
    void anEmergencyWithOfficersAvailableAlertsThemUrgentlyAndWaitsForOne(ConversationState state) {
        bring(state);
        bot.escalation.available = true;

        Reply reply = chat.say(ARRESTED_EN).get(0);

        assertThat(reply.kind()).isEqualTo(ReplyKind.EMERGENCY);
        assertThat(reply.text()).startsWith("🆘 EMERGENCY").contains(HOTLINE).contains("duty officer has been alerted");
        assertThat(bot.escalation.requests).singleElement().satisfies(r -> {
            assertThat(r.urgent()).isTrue();
            assertThat(r.reason()).isEqualTo(OfficerRequest.Reason.EMERGENCY);
            assertThat(r.situation()).hasValue("arrest");
            assertThat(r.describe()).isEqualTo("emergency: arrest");
        });
        assertThat(chat.state()).isEqualTo(ConversationState.WAITING_FOR_OFFICER);
        assertThat(chat.conversation().pendingChoices()).isEmpty();
        assertThat(chat.stateChanges()).last().asString().endsWith(">waiting-for-officer:emergency-escalated");
    }

    @ParameterizedTest
    @EnumSource(
            value = ConversationState.class,
            names = {"WAITING_FOR_OFFICER", "WITH_OFFICER"})
    void anEmergencyWhileAnOfficerIsInChargeIsAnsweredRelayedAndRaisedAsUrgent(ConversationState state) {
        bring(state);
        bot.escalation.requests.clear();

        List<Reply> replies = chat.say(ARRESTED_VI);

        assertThat(replies).extracting(Reply::kind).containsExactly(ReplyKind.EMERGENCY);
        assertThat(bot.escalation.relayed).extracting(InboundMessage::text).containsExactly(ARRESTED_VI);
        assertThat(bot.escalation.requests)
                .singleElement()
                .extracting(OfficerRequest::urgent)
                .isEqualTo(true);
        assertThat(chat.state()).isEqualTo(state);
    }

    /** Regression (issue 17): repeated emergency messages each raised a new urgent card and the whole first steps. */
    @Test
    void theSameEmergencyAgainWhileOfficersHaveItIsRelayedAndAcknowledgedOnce() {
        bot.escalation.available = true;
        Reply first = chat.say(ARRESTED_EN).get(0);

        List<Reply> again = chat.say(ARRESTED_EN + " please hurry");

        assertThat(first.text()).contains("duty officer has been alerted");
        assertThat(again).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReplyKind.EMERGENCY);
            assertThat(r.text()).contains(HOTLINE).contains("gone straight to the duty officer");
            assertThat(r.text().length()).isLessThan(first.text().length() / 2);
        });
        assertThat(bot.escalation.requests).as("one urgent card").hasSize(1);
        assertThat(bot.escalation.relayed)
                .extracting(InboundMessage::text)
                .containsExactly(ARRESTED_EN + " please hurry");

        bot.clock.advance(Emergencies.REPEAT_WINDOW);
        assertThat(chat.say(ARRESTED_EN).get(0).text())
                .as("after the window, the whole reply and a new card again")
                .contains("EMERGENCY");
        assertThat(bot.escalation.requests).hasSize(2);
    }

    @Test
    void anEmergencyInAPhotoCaptionIsStillAnEmergency() {
        assertThat(chat.send(ContentKind.PHOTO, ARRESTED_VI))
                .extracting(Reply::kind)
                .containsExactly(ReplyKind.EMERGENCY);
    }

    @Test
    void aClosedConversationReopensWhenTheCitizenWritesAgain() {
        bring(ConversationState.CLOSED);

        assertThat(chat.say(RENEW_VI).get(0).entryId()).contains(RENEW_ID);

        assertThat(chat.state()).isEqualTo(ConversationState.BOT_ANSWERING);
        assertThat(chat.stateChanges())
                .endsWith("bot-answering>closed:closed-by-officer", "closed>bot-answering:reopened");
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

    @Test
    void aFailingCallToOfficersDoesNotLoseTheReply() {
        bot.escalation.available = true;
        bot.escalation.broken = true;

        assertThat(chat.say("/human")).extracting(Reply::kind).containsExactly(ReplyKind.HANDOFF);
        assertThat(chat.state()).isEqualTo(ConversationState.WAITING_FOR_OFFICER);
        assertThat(chat.say(ARRESTED_VI)).extracting(Reply::kind).containsExactly(ReplyKind.EMERGENCY);
        assertThat(bot.store.unanswered(10)).isEmpty();
    }

    /** Brings the chat into {@code state} the way it happens in use (officer steps as an officer module would). */
    private void bring(ConversationState state) {
        switch (state) {
            case BOT_ANSWERING -> chat.say(RENEW_VI);
            case AWAITING_CHOICE -> chat.say(VAGUE_VI);
            case WAITING_FOR_OFFICER -> {
                bot.escalation.available = true;
                chat.say("/human");
            }
            case WITH_OFFICER -> {
                bot.escalation.available = true;
                chat.say(RENEW_VI);
                chat.officer(Trigger.OFFICER_JOINED);
            }
            case CLOSED -> {
                chat.say(RENEW_VI);
                chat.officer(Trigger.CLOSED_BY_OFFICER);
            }
        }
        assertThat(chat.state()).isEqualTo(state);
    }
}
