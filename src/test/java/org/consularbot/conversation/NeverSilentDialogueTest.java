package org.consularbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consularbot.conversation.DialogueTest.HOTLINE;
import static org.consularbot.conversation.DialogueTest.RENEW_EN;
import static org.consularbot.conversation.DialogueTest.RENEW_ID;
import static org.consularbot.conversation.DialogueTest.RENEW_VI;
import static org.consularbot.conversation.DialogueTest.VAGUE_EN;
import static org.consularbot.conversation.DialogueTest.VAGUE_VI;
import static org.consularbot.conversation.EmergencyDialogueTest.ARRESTED_EN;
import static org.consularbot.conversation.EmergencyDialogueTest.ARRESTED_VI;

import java.util.List;
import org.consularbot.conversation.ConversationHarness.Chat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A handoff never leaves the citizen in silence, as the dialogue decides it: while an officer is awaited the bot
 * still answers what the FAQ answers (and says it went to the officers too) and passes the rest on with the hotline;
 * once one holds the conversation it asks the handoff to acknowledge each relay; it says "the duty officer has been
 * alerted" only when one is on duty. The handoff's side (pacing, the silent holder): {@code NeverSilentHandoffTest}.
 */
class NeverSilentDialogueTest {

    private final ConversationHarness bot = ConversationHarness.create();
    private final Chat chat = bot.chat("citizen-ns");

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void whileWaitingAnFaqQuestionIsAnsweredSaidToBePassedOnAndRelayed() {
        chat.bring(ConversationState.WAITING_FOR_OFFICER);

        List<Reply> replies = chat.say(RENEW_VI);

        assertThat(replies).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReplyKind.ANSWER);
            assertThat(r.entryId()).contains(RENEW_ID);
            assertThat(r.text()).endsWith("Tin nhắn này cũng đã được chuyển tới cán bộ.");
            assertThat(r.feedback()).as("the answer's 👍/👎 stay").hasSize(2);
        });
        assertThat(bot.escalation.relayed).extracting(InboundMessage::text).containsExactly(RENEW_VI);
        assertThat(bot.escalation.acknowledged).as("nobody holds it yet").isEmpty();
        assertThat(chat.state()).isEqualTo(ConversationState.WAITING_FOR_OFFICER);
        assertThat(chat.last.outcome().code()).isEqualTo("answer");
    }

    @Test
    void whileWaitingTheAnswerIsInTheConversationsLanguage() {
        chat.say("/lang en");
        chat.bring(ConversationState.WAITING_FOR_OFFICER);

        assertThat(chat.say(RENEW_EN))
                .singleElement()
                .satisfies(r -> assertThat(r.text()).endsWith("This message was also passed on to the officers."));
        assertThat(chat.say(VAGUE_EN))
                .singleElement()
                .satisfies(r -> assertThat(r.text()).contains("passed on to the officers", HOTLINE));
    }

    @Test
    // The matcher's decision is the normal one: a "did you mean" is not offered, it would end the wait.
    void whileWaitingAMessageTheFaqDoesNotAnswerIsPassedOnWithTheHotlineAndNoChoices() {
        chat.bring(ConversationState.WAITING_FOR_OFFICER);

        List<Reply> replies = chat.say(VAGUE_VI);

        assertThat(replies).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReplyKind.HANDOFF);
            assertThat(r.text()).contains("đã được chuyển tới cán bộ", HOTLINE).doesNotContain("{{");
            assertThat(r.choices()).isEmpty();
        });
        assertThat(chat.state()).isEqualTo(ConversationState.WAITING_FOR_OFFICER);
        assertThat(chat.send(ContentKind.PHOTO, ""))
                .singleElement()
                .satisfies(r -> assertThat(r.text()).contains(HOTLINE));
        assertThat(bot.escalation.relayed).hasSize(2);
    }

    @Test
    // Issue 18: after an emergency, the citizen's ordinary question got no reply at all.
    void afterAnEmergencyAnOrdinaryQuestionIsAnswered() {
        bot.escalation.available = true;
        chat.say(ARRESTED_VI);
        assertThat(chat.state()).isEqualTo(ConversationState.WAITING_FOR_OFFICER);

        assertThat(chat.say(RENEW_VI))
                .extracting(Reply::entryId)
                .first()
                .satisfies(id -> assertThat(id).contains(RENEW_ID));
        assertThat(bot.escalation.relayed).extracting(InboundMessage::text).containsExactly(RENEW_VI);
    }

    @Test
    void withAnOfficerTheBotAnswersNothingAndAsksTheHandoffToAcknowledgeEachRelay() {
        chat.bring(ConversationState.WITH_OFFICER);

        assertThat(chat.say(RENEW_VI)).isEmpty();
        assertThat(chat.send(ContentKind.PHOTO, "")).isEmpty();

        assertThat(bot.escalation.relayed).hasSize(2);
        assertThat(bot.escalation.acknowledged)
                .hasSize(2)
                .allSatisfy(c -> assertThat(c.state()).isEqualTo(ConversationState.WITH_OFFICER));
    }

    @Test
    // A repeated emergency already gets its own short reply: no second message saying it was delivered.
    void aRepeatedEmergencyWithAnOfficerIsNotAcknowledgedTwice() {
        bot.escalation.available = true;
        chat.say(ARRESTED_VI);
        chat.officer(Trigger.OFFICER_JOINED);

        assertThat(chat.say(ARRESTED_VI))
                .singleElement()
                .satisfies(r -> assertThat(r.text()).contains("chuyển ngay cho cán bộ trực"));
        assertThat(bot.escalation.acknowledged).isEmpty();
    }

    @Test
    void offDutyHumanGetsTheHonestOutOfHoursReplyAndTheRequestIsStillMade() {
        bot.escalation.available = true;
        bot.escalation.offDuty = true;

        Reply reply = chat.say("/human").get(0);

        assertThat(reply.text())
                .contains("ngoài giờ trực", HOTLINE)
                .doesNotContain("Đã chuyển yêu cầu tới cán bộ trực");
        assertThat(bot.escalation.requests).hasSize(1);
        assertThat(chat.state()).isEqualTo(ConversationState.WAITING_FOR_OFFICER);
    }

    @Test
    void anEmergencyOffDutyDoesNotSayTheDutyOfficerWasAlerted() {
        bot.escalation.available = true;
        bot.escalation.offDuty = true;

        Reply reply = chat.say(ARRESTED_EN).get(0);

        assertThat(reply.text())
                .startsWith("🆘 EMERGENCY")
                .contains("No officer is on duty right now", HOTLINE)
                .doesNotContain("has been alerted");
        assertThat(bot.escalation.requests)
                .singleElement()
                .satisfies(r -> assertThat(r.urgent()).isTrue());
        assertThat(chat.say(ARRESTED_EN).get(0).text())
                .as("the same emergency again: not 'gone straight to the duty officer' either")
                .contains("no officer is on duty", HOTLINE)
                .doesNotContain("duty officer.");
    }

    @Test
    // Relays are never limited (the officer reads everything); the bot's own replies while waiting are, as any turn's.
    void whileWaitingAFloodIsAllRelayedButTheBotsRepliesKeepTheRateLimit() {
        try (ConversationHarness limited =
                ConversationHarness.builder().rateLimit(2).build()) {
            Chat flood = limited.chat("flood");
            flood.bring(ConversationState.WAITING_FOR_OFFICER);
            int replies = 0;
            for (int i = 0; i < 6; i++) {
                replies += flood.say(VAGUE_VI + " " + i).size();
            }
            assertThat(limited.escalation.relayed).hasSize(6);
            assertThat(replies)
                    .as("/human and one note fill the burst of 2, then one \"you are sending many\", then quiet")
                    .isEqualTo(2);
        }
    }
}
