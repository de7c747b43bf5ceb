package org.consularbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Asking for a person in words, not /human: caught; consular questions that mention officers: not. */
class HumanRequestTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Cho em gặp cán bộ ạ",
                "cho em gap can bo",
                "tôi muốn nói chuyện với người thật",
                "noi chuyen vs nhan vien dc ko",
                "e van can giup a",
                "Tôi vẫn cần hỗ trợ",
                "I want to talk to a person",
                "can I speak with an officer please",
                "real person please",
                "still need help",
                "talk to someone"
            })
    void aRequestForAPersonIsCaught(String text) {
        assertThat(HumanRequest.asks(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "cán bộ lãnh sự có đến thăm người bị bắt không",
                "liên lạc với lãnh sự quán thế nào",
                "đặt lịch gặp lãnh sự",
                "muốn gặp người thân đang bị giam",
                "ho chieu het han lam lai o dau",
                "how do I contact the embassy",
                "what does a consular officer do",
                "nguoi than toi mat o canada"
            })
    void consularQuestionsAreNotRequestsForAPerson(String text) {
        assertThat(HumanRequest.asks(text)).isFalse();
    }

    @Test
    void aRequestInWordsBringsAnOfficerLikeSlashHuman() {
        try (ConversationHarness bot = ConversationHarness.create()) {
            bot.escalation.available = true;

            List<Reply> replies = bot.chat("c1").say("cho em gặp cán bộ với");

            assertThat(replies).extracting(Reply::kind).containsExactly(ReplyKind.HANDOFF);
            assertThat(bot.escalation.requests)
                    .singleElement()
                    .satisfies(r -> assertThat(r.urgent()).isFalse());
        }
    }

    /** Messages that no entry, bulletin or decline class covers. */
    private static final String UNKNOWN_1 = "xqzv blorf wurzle plimb";

    private static final String UNKNOWN_2 = "zorbl quxx fnord";

    @Test
    void smallTalkAndDeclinesAreNotUnansweredQuestionsAndBringNoOfficer() {
        try (ConversationHarness bot = ConversationHarness.create()) {
            bot.escalation.available = true;
            ConversationHarness.Chat chat = bot.chat("c1");

            assertThat(chat.say("thời tiết Ottawa cuối tuần này thế nào"))
                    .extracting(Reply::kind)
                    .containsExactly(ReplyKind.DECLINE);
            assertThat(chat.say("tối nay Việt Nam đá với Thái mấy giờ vậy ad"))
                    .extracting(Reply::kind)
                    .containsExactly(ReplyKind.DECLINE);
            assertThat(chat.say("cảm ơn nhiều nhé")).extracting(Reply::kind).containsExactly(ReplyKind.SMALL_TALK);
            assertThat(chat.say(UNKNOWN_1)).extracting(Reply::kind).containsExactly(ReplyKind.FALLBACK);

            assertThat(bot.escalation.requests)
                    .as("one unanswered question only")
                    .isEmpty();
            assertThat(chat.conversation().unansweredStreak()).isEqualTo(1);
        }
    }

    @Test
    void twoQuestionsInARowWithoutAnAnswerBringAnOfficerIn() {
        try (ConversationHarness bot = ConversationHarness.create()) {
            bot.escalation.available = true;
            ConversationHarness.Chat chat = bot.chat("c1");

            assertThat(chat.say(UNKNOWN_1)).extracting(Reply::kind).containsExactly(ReplyKind.FALLBACK);
            assertThat(bot.escalation.requests).isEmpty();
            assertThat(chat.say(UNKNOWN_2))
                    .extracting(Reply::kind)
                    .containsExactly(ReplyKind.FALLBACK, ReplyKind.HANDOFF);

            assertThat(bot.escalation.requests)
                    .singleElement()
                    .satisfies(r -> assertThat(r.reason()).isEqualTo(OfficerRequest.Reason.TWO_UNANSWERED));
            assertThat(chat.conversation().state()).isEqualTo(ConversationState.WAITING_FOR_OFFICER);
        }
    }

    @Test
    void anAnswerInBetweenResetsTheCountAndWithoutOfficersNobodyIsCalled() {
        try (ConversationHarness bot = ConversationHarness.create()) {
            ConversationHarness.Chat chat = bot.chat("c1");
            chat.say(UNKNOWN_1);
            chat.say("ho chieu het han lam lai o dau");
            chat.say(UNKNOWN_2);
            assertThat(chat.conversation().unansweredStreak()).isEqualTo(1);

            chat.say("qwop zzyx frobnitz");
            assertThat(bot.escalation.requests).as("no officer reachable").isEmpty();
            assertThat(chat.conversation().state()).isEqualTo(ConversationState.BOT_ANSWERING);
        }
    }

    @Test
    void aThumbsDownThenAnUnansweredQuestionBringsAnOfficerIn() {
        try (ConversationHarness bot = ConversationHarness.create()) {
            bot.escalation.available = true;
            ConversationHarness.Chat chat = bot.chat("c1");
            chat.say("ho chieu het han lam lai o dau");
            chat.press("fb:-:passport.issue.renew-abroad");

            assertThat(chat.say("vậy " + UNKNOWN_2)).extracting(Reply::kind).contains(ReplyKind.HANDOFF);
            assertThat(bot.escalation.requests).hasSize(1);
        }
    }
}
