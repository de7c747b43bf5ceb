package org.consularbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consularbot.conversation.DialogueTest.HOTLINE;
import static org.consularbot.conversation.DialogueTest.RENEW_ID;
import static org.consularbot.conversation.DialogueTest.RENEW_VI;
import static org.consularbot.conversation.DialogueTest.VAGUE_VI;
import static org.consularbot.conversation.EmergencyDialogueTest.ARRESTED_VI;

import java.util.List;
import org.consularbot.conversation.ConversationHarness.Chat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Officers around the dialogue: asked for, waited for, in charge, gone; the bot never answers over one who holds the
 * conversation. What it says while one is awaited: {@link NeverSilentDialogueTest}.
 */
class HandoffDialogueTest {

    private final ConversationHarness bot = ConversationHarness.create();
    private final Chat chat = bot.chat("citizen-1");

    @AfterEach
    void close() {
        bot.close();
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
                .as("while nobody has taken it, the bot still answers what the FAQ answers")
                .singleElement()
                .satisfies(r -> assertThat(r.entryId()).contains(RENEW_ID));
        assertThat(chat.send(ContentKind.PHOTO, ""))
                .singleElement()
                .satisfies(r -> assertThat(r.text()).contains(HOTLINE));
        assertThat(chat.state()).isEqualTo(ConversationState.WAITING_FOR_OFFICER);
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

    @Test
    void aClosedConversationReopensWhenTheCitizenWritesAgain() {
        chat.bring(ConversationState.CLOSED);

        assertThat(chat.say(RENEW_VI).get(0).entryId()).contains(RENEW_ID);

        assertThat(chat.state()).isEqualTo(ConversationState.BOT_ANSWERING);
        assertThat(chat.stateChanges())
                .endsWith("bot-answering>closed:closed-by-officer", "closed>bot-answering:reopened");
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
}
