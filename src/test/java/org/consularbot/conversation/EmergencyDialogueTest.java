package org.consularbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consularbot.conversation.DialogueTest.HOTLINE;

import java.util.List;
import org.consularbot.conversation.ConversationHarness.Chat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Someone in danger, in any state and even in a photo's caption: the hotline first, and officers called urgently. */
class EmergencyDialogueTest {

    static final String ARRESTED_VI = "toi bi bat";
    static final String ARRESTED_EN = "I was arrested";

    private final ConversationHarness bot = ConversationHarness.create();
    private final Chat chat = bot.chat("citizen-1");

    @AfterEach
    void close() {
        bot.close();
    }

    @ParameterizedTest
    @EnumSource(ConversationState.class)
    void anEmergencyComesFirstInEveryStateWithTheHotline(ConversationState state) {
        chat.bring(state);
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
        chat.bring(state);
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
        chat.bring(state);
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

    @Test
    void anEmergencyInAPhotoCaptionIsStillAnEmergency() {
        assertThat(chat.send(ContentKind.PHOTO, ARRESTED_VI))
                .extracting(Reply::kind)
                .containsExactly(ReplyKind.EMERGENCY);
    }
}
