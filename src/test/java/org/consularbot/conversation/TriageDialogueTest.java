package org.consularbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.consularbot.faq.TestCorpora;
import org.junit.jupiter.api.Test;

/** What the triage and small talk mean in a conversation: the "I am in danger" button, small talk, declines. */
class TriageDialogueTest {

    @Test
    void anUnsureSignalPutsTheHotlineAndADangerButtonAboveTheAnswerAndOnePressBringsAnOfficerUrgently() {
        try (ConversationHarness bot = ConversationHarness.create()) {
            bot.escalation.available = true;
            ConversationHarness.Chat chat = bot.chat("c1");

            List<Reply> replies = chat.say("em bị móc túi mất ví, làm lại hộ chiếu thế nào");

            assertThat(replies.get(0).kind()).isEqualTo(ReplyKind.SAFETY);
            assertThat(replies.get(0).text()).contains(TestCorpora.HOTLINE, "0981 84 84 84");
            assertThat(replies.get(0).choices())
                    .singleElement()
                    .satisfies(b -> assertThat(b.payload()).isEqualTo(Dialogue.DANGER));
            assertThat(replies.get(1).kind())
                    .as("the question is still answered")
                    .isIn(ReplyKind.ANSWER, ReplyKind.SUGGESTION);
            assertThat(bot.escalation.requests).as("nobody alerted yet").isEmpty();

            List<Reply> pressed = chat.press(Dialogue.DANGER);

            assertThat(pressed.get(0).kind()).isEqualTo(ReplyKind.EMERGENCY);
            assertThat(pressed.get(0).text()).contains(TestCorpora.HOTLINE);
            assertThat(bot.escalation.requests)
                    .singleElement()
                    .satisfies(r -> assertThat(r.urgent()).isTrue());
            assertThat(chat.conversation().state()).isEqualTo(ConversationState.WAITING_FOR_OFFICER);
        }
    }

    @Test
    void aSureEmergencyGivesTheHotlineForCallersAbroadAndFromVietNamAndTheSituationsFirstSteps() {
        try (ConversationHarness bot = ConversationHarness.create()) {
            Reply reply = bot.chat("c1").say("em muốn tự tử").get(0);

            assertThat(reply.kind()).isEqualTo(ReplyKind.EMERGENCY);
            assertThat(reply.text()).contains(TestCorpora.HOTLINE, "0981 84 84 84");
            assertThat(reply.entryId()).contains("emergency.medical.suicide-crisis");
        }
    }

    @Test
    void someoneInDangerInAnotherCountryIsGivenThatCountrysNumbersAndNeverTheHostMissionsOwn() {
        try (ConversationHarness bot = ConversationHarness.create()) {
            Reply japan = bot.chat("c1")
                    .say("em đang ở Nhật, vừa bị cướp hết tiền và điện thoại, giờ phải làm sao")
                    .get(0);

            assertThat(japan.kind()).isEqualTo(ReplyKind.EMERGENCY);
            assertThat(japan.text())
                    .contains(TestCorpora.HOTLINE, "0981 84 84 84", "110", "119")
                    .doesNotContain("911", "vietnamembassy.ca", "Canada");

            Reply cambodia = bot.chat("c2")
                    .say("my brother was beaten and robbed in Phnom Penh, he is bleeding")
                    .get(0);

            assertThat(cambodia.kind()).isEqualTo(ReplyKind.EMERGENCY);
            assertThat(cambodia.text())
                    .as("Cambodia's numbers are unconfirmed: named, not printed")
                    .contains(TestCorpora.HOTLINE, "the local emergency number")
                    .doesNotContain("911", "vietnamembassy.ca", "Canada");

            Reply home = bot.chat("c3")
                    .say("em bị cướp hết tiền và điện thoại ở Toronto, giờ phải làm sao")
                    .get(0);

            assertThat(home.kind()).isEqualTo(ReplyKind.EMERGENCY);
            assertThat(home.text())
                    .as("in the host country: the mission's own facts")
                    .contains("911");
        }
    }

    @Test
    void theCountrySaidInADangerMessageIsRememberedForTheNextButOneNamedInAnOrdinaryQuestionIsNot() {
        try (ConversationHarness bot = ConversationHarness.create()) {
            ConversationHarness.Chat inJapan = bot.chat("c1");
            inJapan.say("em đang ở Nhật, vừa bị cướp hết tiền và điện thoại, giờ phải làm sao");

            Reply later = inJapan.say("bọn nó quay lại đánh em, em bị thương chảy máu nhiều")
                    .get(0);

            assertThat(later.kind()).isEqualTo(ReplyKind.EMERGENCY);
            assertThat(later.text()).contains("110", "119").doesNotContain("911");

            ConversationHarness.Chat travelling = bot.chat("c2");
            travelling.say("do I need a visa for Japan with a Vietnamese passport");

            Reply robbed = travelling
                    .say("bọn nó đánh em, em bị thương chảy máu nhiều")
                    .get(0);

            assertThat(robbed.kind()).isEqualTo(ReplyKind.EMERGENCY);
            assertThat(robbed.text())
                    .as("a destination asked about is not where she is")
                    .contains("911");
        }
    }

    @Test
    void aFollowUpIsReadInTheContextOfTheEntryAnsweredBefore() {
        try (ConversationHarness bot = ConversationHarness.create()) {
            ConversationHarness.Chat chat = bot.chat("c1");
            assertThat(chat.say("Hộ chiếu hết hạn thì làm lại ở đâu?").get(0).entryId())
                    .contains("passport.issue.renew-abroad");
            assertThat(chat.conversation().lastEntry()).contains("passport.issue.renew-abroad");

            Reply followUp = chat.say("còn phí thì sao?").get(0);

            String shown = followUp.entryId()
                    .orElseGet(() -> followUp.choices().get(0).payload().substring(Dialogue.CHOICE_PREFIX.length()));
            assertThat(shown).as("a passport fee, not any fee").isEqualTo("fees.passport");
        }
    }

    @Test
    // Regression: junk after an answer was matched with the question before it and answered with the same entry.
    void wordsTheCorpusNeverUsesAreNoFollowUp() {
        try (ConversationHarness bot = ConversationHarness.create()) {
            ConversationHarness.Chat chat = bot.chat("c1");
            chat.say("Hộ chiếu hết hạn thì làm lại ở đâu?");

            assertThat(chat.say("xqzv blorf wurzle").get(0).kind()).isEqualTo(ReplyKind.FALLBACK);
        }
    }

    @Test
    void smallTalkGetsItsShortReplyAndADeclineItsPointer() {
        try (ConversationHarness bot = ConversationHarness.create()) {
            ConversationHarness.Chat chat = bot.chat("c1");

            Reply thanks = chat.say("cảm ơn nhiều nhé").get(0);
            assertThat(thanks.kind()).isEqualTo(ReplyKind.SMALL_TALK);
            assertThat(thanks.text()).isEqualTo("Không có gì ạ. Cần hỏi thêm cứ nhắn nhé.");
            assertThat(thanks.entryId()).isEmpty();

            Reply loan = chat.say("cho em vay tiền gấp được không").get(0);
            assertThat(loan.kind()).isEqualTo(ReplyKind.DECLINE);
            assertThat(loan.text()).contains("không cho vay", TestCorpora.HOTLINE);

            Reply bot2 = chat.say("are you a bot?").get(0);
            assertThat(bot2.kind()).isEqualTo(ReplyKind.SMALL_TALK);
            assertThat(bot2.text()).contains("/human");
        }
    }
}
