package org.consularbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.format.DateTimeFormatter;
import java.util.List;
import org.consularbot.conversation.ConversationHarness.Chat;
import org.consularbot.faq.FaqEntry;
import org.consularbot.faq.Language;
import org.consularbot.faq.TestCorpora;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Answers, feedback, "did you mean", commands, languages and non-text messages, as a citizen sees them. */
class DialogueTest {

    static final String RENEW_VI = "ho chieu het han lam lai o dau";
    static final String RENEW_EN = "How can I renew my passport abroad?";
    static final String RENEW_ID = "passport.issue.renew-abroad";
    /** Vague enough for "did you mean" (checked by the first test that uses it). */
    static final String VAGUE_VI = "ho chieu";

    static final String VAGUE_EN = "documents";
    static final String HOTLINE = TestCorpora.HOTLINE;

    private ConversationHarness bot;
    private Chat chat;

    @BeforeEach
    void open() {
        bot = ConversationHarness.create();
        chat = bot.chat("citizen-1");
    }

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void aClearQuestionGetsTheAnswerWithItsSourceReviewDateAndFeedbackButtons() {
        List<Reply> replies = chat.say(RENEW_VI);

        assertThat(replies).singleElement().satisfies(reply -> {
            FaqEntry entry = TestCorpora.real().entry(RENEW_ID).orElseThrow();
            assertThat(reply.kind()).isEqualTo(ReplyKind.ANSWER);
            assertThat(reply.entryId()).contains(RENEW_ID);
            assertThat(reply.text())
                    .startsWith(TestCorpora.real().answer(entry, Language.VI))
                    .contains("Nguồn: " + entry.sources().get(0))
                    .contains("cập nhật "
                            + DateTimeFormatter.ofPattern("dd/MM/yyyy").format(entry.reviewed()));
            assertThat(reply.choices()).isEmpty();
            assertThat(reply.feedback()).extracting(Button::label).containsExactly("👍 Hữu ích", "👎 Chưa đúng");
            assertThat(reply.feedback())
                    .extracting(Button::payload)
                    .containsExactly("fb:+:" + RENEW_ID, "fb:-:" + RENEW_ID);
        });
        assertThat(chat.last.outcome().code()).isEqualTo("answer");
        assertThat(chat.state()).isEqualTo(ConversationState.BOT_ANSWERING);
    }

    @Test
    void anEnglishQuestionIsAnsweredInEnglishWithAReviewedLine() {
        Reply reply = chat.say(RENEW_EN).get(0);

        FaqEntry entry = TestCorpora.real().entry(RENEW_ID).orElseThrow();
        assertThat(reply.kind()).isEqualTo(ReplyKind.ANSWER);
        assertThat(reply.text())
                .startsWith(TestCorpora.real().answer(entry, Language.EN))
                .contains("Source: ")
                .contains("reviewed " + entry.reviewed());
        assertThat(reply.feedback()).extracting(Button::label).containsExactly("👍 Helpful", "👎 Not helpful");
    }

    @Test
    void pressingThumbsUpOrDownStoresTheFeedbackAndThanks() {
        List<Button> buttons = chat.say(RENEW_VI).get(0).feedback();

        assertThat(chat.press(buttons.get(0).payload())).singleElement().satisfies(reply -> {
            assertThat(reply.kind()).isEqualTo(ReplyKind.FEEDBACK_THANKS);
            assertThat(reply.text()).contains("Cảm ơn");
        });
        assertThat(chat.press(buttons.get(1).payload())).singleElement().satisfies(reply -> {
            assertThat(reply.kind()).isEqualTo(ReplyKind.FEEDBACK_THANKS);
            assertThat(reply.text()).contains("Cảm ơn").contains("/human");
        });

        assertThat(bot.store.feedback(RENEW_ID)).extracting(Feedback::helpful).containsExactly(true, false);
        assertThat(bot.store.feedback(RENEW_ID)).extracting(Feedback::at).containsOnly(bot.clock.instant());
        assertThat(chat.log())
                .filteredOn(e -> e.type() == ConversationEvent.Type.FEEDBACK)
                .extracting(ConversationEvent::detail)
                .containsExactly("helpful " + RENEW_ID, "not helpful " + RENEW_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fb:+:no.such.entry", "fb:", "fb:+", "faq:no.such.entry", "anything", ""})
    void aStaleOrForgedButtonIsRefusedPolitelyAndStoresNoFeedback(String payload) {
        assertThat(chat.press(payload)).singleElement().satisfies(reply -> {
            assertThat(reply.kind()).isEqualTo(ReplyKind.CHOICE_INVALID);
            assertThat(reply.text()).contains("không còn hiệu lực");
        });
        assertThat(bot.store.feedback("no.such.entry")).isEmpty();
    }

    @Test
    // A payload that is not 👍 ("+") or 👎 ("-") must not be counted as 👎 against a real answer.
    void aFeedbackPayloadWithAnUnknownMarkIsNotCountedAsThumbsDown() {
        assertThat(chat.press("fb:?:" + RENEW_ID)).extracting(Reply::kind).containsExactly(ReplyKind.CHOICE_INVALID);
        assertThat(chat.press("fb:+x" + RENEW_ID)).extracting(Reply::kind).containsExactly(ReplyKind.CHOICE_INVALID);
        assertThat(bot.store.feedback(RENEW_ID)).isEmpty();
    }

    @Test
    void aVagueQuestionOffersNumberedChoicesWithButtonsAndWaitsForAChoice() {
        Reply reply = chat.say(VAGUE_VI).get(0);

        assertThat(reply.kind()).isEqualTo(ReplyKind.SUGGESTION);
        assertThat(reply.choices()).hasSizeBetween(2, 3);
        for (int i = 0; i < reply.choices().size(); i++) {
            Button button = reply.choices().get(i);
            assertThat(button.payload()).startsWith("faq:");
            String id = button.payload().substring(4);
            String title = TestCorpora.real().entry(id).orElseThrow().title(Language.VI);
            assertThat(reply.text()).contains((i + 1) + ". " + title);
            assertThat(button.label()).isEqualTo((i + 1) + ". " + title);
        }
        assertThat(reply.text()).startsWith("Có phải bạn muốn hỏi").contains("/human");
        assertThat(reply.feedback()).isEmpty();
        assertThat(chat.state()).isEqualTo(ConversationState.AWAITING_CHOICE);
        assertThat(chat.conversation().pendingChoices()).containsExactlyElementsOf(ids(reply));
        assertThat(chat.stateChanges()).containsExactly("bot-answering>awaiting-choice:suggested");
    }

    @Test
    void typingTheNumberAnswersThatChoice() {
        List<String> ids = ids(chat.say(VAGUE_VI).get(0));

        Reply answer = chat.say(" 2. ").get(0);

        assertThat(answer.kind()).isEqualTo(ReplyKind.ANSWER);
        assertThat(answer.entryId()).contains(ids.get(1));
        assertThat(chat.last.outcome().code()).isEqualTo("choice");
        assertThat(chat.state()).isEqualTo(ConversationState.BOT_ANSWERING);
        assertThat(chat.conversation().pendingChoices()).isEmpty();
        assertThat(chat.stateChanges())
                .containsExactly(
                        "bot-answering>awaiting-choice:suggested", "awaiting-choice>bot-answering:choice-settled");
    }

    @Test
    void pressingTheButtonAnswersThatChoice() {
        Reply suggestion = chat.say(VAGUE_VI).get(0);

        Reply answer = chat.press(suggestion.choices().get(2).payload()).get(0);

        assertThat(answer.kind()).isEqualTo(ReplyKind.ANSWER);
        assertThat(answer.entryId()).contains(ids(suggestion).get(2));
        assertThat(answer.feedback()).hasSize(2);
        assertThat(chat.state()).isEqualTo(ConversationState.BOT_ANSWERING);
        assertThat(chat.stateChanges()).endsWith("awaiting-choice>bot-answering:choice-settled");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "7", "#9"})
    void aNumberOutOfRangeIsAskedAgainPolitelyAndTheChoicesStay(String number) {
        List<String> ids = ids(chat.say(VAGUE_VI).get(0));

        assertThat(chat.say(number)).singleElement().satisfies(reply -> {
            assertThat(reply.kind()).isEqualTo(ReplyKind.CHOICE_INVALID);
            assertThat(reply.text())
                    .isEqualTo("Hãy chọn một số từ 1 đến " + ids.size() + ", hoặc hỏi lại bằng cách khác.");
        });
        assertThat(chat.state()).isEqualTo(ConversationState.AWAITING_CHOICE);
        assertThat(chat.say("1").get(0).entryId()).contains(ids.get(0));
    }

    @Test
    void aNewQuestionInsteadOfAChoiceSettlesItAndIsAnswered() {
        chat.say(VAGUE_VI);

        Reply answer = chat.say(RENEW_VI).get(0);

        assertThat(answer.kind()).isEqualTo(ReplyKind.ANSWER);
        assertThat(answer.entryId()).contains(RENEW_ID);
        assertThat(chat.state()).isEqualTo(ConversationState.BOT_ANSWERING);
        assertThat(chat.stateChanges()).endsWith("awaiting-choice>bot-answering:choice-settled");
    }

    @Test
    void cancelWithdrawsTheChoices() {
        chat.say(VAGUE_VI);

        assertThat(chat.say("/cancel")).extracting(Reply::kind).containsExactly(ReplyKind.CANCEL);

        assertThat(chat.state()).isEqualTo(ConversationState.BOT_ANSWERING);
        assertThat(chat.stateChanges()).endsWith("awaiting-choice>bot-answering:citizen-cancelled");
        assertThat(chat.say("/cancel").get(0).text()).contains("Không có gì để hủy");
    }

    @Test
    // An English "did you mean" answered with a bare number must stay English: a digit says nothing about language.
    void aNumberTypedAfterEnglishChoicesIsAnsweredInEnglish() {
        Reply suggestion = chat.say(VAGUE_EN).get(0);
        assertThat(suggestion.text()).startsWith("Did you mean");

        Reply answer = chat.say("1").get(0);

        FaqEntry entry = TestCorpora.real().entry(ids(suggestion).get(0)).orElseThrow();
        assertThat(answer.text()).startsWith(TestCorpora.real().answer(entry, Language.EN));
        assertThat(chat.say("?").get(0).text())
                .as("a lone '?' keeps the language too")
                .startsWith("Please type your question");
    }

    @Test
    // Regression: "5" with no choices open was matched against the FAQ and answered with a random visa entry.
    void aNumberWithNoChoicesOpenAsksForAQuestionInsteadOfGuessing() {
        for (String noWords : List.of("5", "#2", "?", "😭")) {
            Reply reply = chat.say(noWords).get(0);
            assertThat(reply.kind()).as(noWords).isEqualTo(ReplyKind.HELP);
            assertThat(reply.entryId()).isEmpty();
            assertThat(reply.text()).contains("Hãy gõ câu hỏi");
        }
        assertThat(chat.state()).isEqualTo(ConversationState.BOT_ANSWERING);
    }

    @Test
    void startIntroducesTheMissionTheHotlineAndWhatTheBotCannotDo() {
        Reply welcome = chat.say("/start").get(0);

        assertThat(welcome.kind()).isEqualTo(ReplyKind.WELCOME);
        assertThat(welcome.text())
                .contains("Đại sứ quán Việt Nam tại Canada")
                .contains(HOTLINE)
                .contains("không phải cán bộ lãnh sự")
                .contains("không nhận hay xử lý hồ sơ")
                .doesNotContain("{{");
        assertThat(chat.last.outcome().code()).isEqualTo("command-start");
    }

    @Test
    void helpExplainsTheCommandsAndGivesTheHotline() {
        Reply help = chat.say("/help").get(0);

        assertThat(help.kind()).isEqualTo(ReplyKind.HELP);
        assertThat(help.text()).startsWith("Cách dùng:").contains("/human", "/cancel", "/lang", HOTLINE);
        assertThat(chat.say("/trogiup").get(0).text()).isEqualTo(help.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/help@some_bot", "/HELP", "  /help  ", "/help@embassy_bot please"})
    void telegramStyleAndOddlyTypedHelpStillWorks(String command) {
        assertThat(chat.say(command)).singleElement().satisfies(reply -> {
            assertThat(reply.kind()).isEqualTo(ReplyKind.HELP);
            assertThat(reply.text()).startsWith("Cách dùng:");
        });
    }

    @Test
    void anUnknownCommandGetsTheHelpText() {
        Reply reply = chat.say("/visa").get(0);

        assertThat(reply.kind()).isEqualTo(ReplyKind.HELP);
        assertThat(reply.text())
                .startsWith("Tôi không hiểu lệnh này.")
                .contains("Cách dùng:")
                .contains(HOTLINE);
        assertThat(chat.say("/start@some_bot").get(0).kind()).isEqualTo(ReplyKind.WELCOME);
    }

    @Test
    void langEnMakesVietnameseQuestionsAnsweredInEnglishUntilLangAuto() {
        assertThat(chat.say("/lang en").get(0).text()).isEqualTo("I will answer in English now.");
        assertThat(chat.conversation().preferredLanguage()).contains(Language.EN);

        Reply english = chat.say(RENEW_VI).get(0);
        FaqEntry entry = TestCorpora.real().entry(RENEW_ID).orElseThrow();
        assertThat(english.text())
                .startsWith(TestCorpora.real().answer(entry, Language.EN))
                .contains("reviewed");
        assertThat(chat.say("/help").get(0).text()).startsWith("How to use me:");

        assertThat(chat.say("/lang auto").get(0).kind()).isEqualTo(ReplyKind.LANGUAGE);
        assertThat(chat.conversation().preferredLanguage()).isEmpty();
        assertThat(chat.say(RENEW_VI).get(0).text())
                .startsWith(TestCorpora.real().answer(entry, Language.VI));
        assertThat(chat.say(RENEW_EN).get(0).text())
                .startsWith(TestCorpora.real().answer(entry, Language.EN));
        assertThat(chat.log())
                .filteredOn(e -> e.type() == ConversationEvent.Type.LANGUAGE_SET)
                .extracting(ConversationEvent::detail)
                .containsExactly("en", "auto");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/lang xx", "/lang", "/lang french"})
    void langWithAnUnknownCodeExplainsTheUsageAndChangesNothing(String command) {
        Reply reply = chat.say(command).get(0);

        assertThat(reply.kind()).isEqualTo(ReplyKind.LANGUAGE);
        assertThat(reply.text())
                .startsWith("Dùng: /lang vi")
                .contains("/lang en")
                .contains("/lang auto");
        assertThat(chat.conversation().preferredLanguage()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = ContentKind.class,
            names = {"PHOTO", "VOICE", "STICKER", "LOCATION", "FILE", "VIDEO", "CONTACT", "OTHER"})
    void aNonTextMessageGetsAPoliteReplyNamingWhatTheBotReadsAndTheHotline(ContentKind kind) {
        Reply reply = chat.send(kind, "").get(0);

        assertThat(reply.kind()).isEqualTo(ReplyKind.NOT_TEXT);
        assertThat(reply.text())
                .contains("chỉ đọc được tin nhắn chữ")
                .contains("Hãy gõ câu hỏi")
                .contains(HOTLINE);
        assertThat(chat.last.outcome().code()).isEqualTo("not-text");
    }

    @Test
    void aNonTextMessageAfterEnglishIsAnsweredInEnglishAndACaptionIsNotTakenForAQuestion() {
        chat.say(RENEW_EN);

        Reply reply = chat.send(ContentKind.PHOTO, RENEW_VI).get(0);

        assertThat(reply.kind()).isEqualTo(ReplyKind.NOT_TEXT);
        assertThat(reply.text()).startsWith("I can only read text").contains(HOTLINE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t\u00A0", "\u200B\uFEFF"})
    void anEmptyMessageGetsAHint(String text) {
        assertThat(chat.say(text)).singleElement().satisfies(reply -> {
            assertThat(reply.kind()).isEqualTo(ReplyKind.HELP);
            assertThat(reply.text()).contains("/help");
        });
    }

    @Test
    void aQuestionTheFaqDoesNotCoverGetsTheHotlineThePortalAndTheWayToAnOfficer() {
        Reply reply = chat.say("xqzv A 17").get(0);

        assertThat(reply.kind()).isEqualTo(ReplyKind.FALLBACK);
        assertThat(reply.text())
                .contains(HOTLINE)
                .contains("https://lanhsuvietnam.gov.vn")
                .contains("/human");
        assertThat(chat.state()).isEqualTo(ConversationState.BOT_ANSWERING);
    }

    static List<String> ids(Reply suggestion) {
        return suggestion.choices().stream()
                .map(b -> b.payload().substring("faq:".length()))
                .toList();
    }
}
