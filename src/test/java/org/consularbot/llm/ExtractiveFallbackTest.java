package org.consularbot.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consularbot.llm.LlmFallbackTest.CORPUS;
import static org.consularbot.llm.LlmFallbackTest.INDEX;
import static org.consularbot.llm.LlmFallbackTest.question;

import org.consularbot.conversation.BotTexts;
import org.consularbot.conversation.Reply;
import org.consularbot.conversation.ReplyKind;
import org.consularbot.faq.Language;
import org.consularbot.faq.TestCorpora;
import org.junit.jupiter.api.Test;

class ExtractiveFallbackTest {

    private final ExtractiveFallback fallback = new ExtractiveFallback(INDEX, new BotTexts(CORPUS));

    @Test
    void historicalMaterialIsQuotedAsHistoricalWithItsSourceAndDate() {
        Reply reply = fallback.answer(question(
                "Hồi tháng 3 năm 2020 sứ quán bên Canada có dặn bà con hạn chế đi lại giữa các tỉnh không ạ?",
                Language.VI));

        assertThat(reply.kind()).isEqualTo(ReplyKind.ANSWER);
        assertThat(reply.text())
                .contains(
                        "Thông tin chính thức liên quan:",
                        "Nguồn: https://",
                        "22/03/2020",
                        "thông tin lịch sử, không còn áp dụng",
                        "/human",
                        TestCorpora.HOTLINE);
    }

    @Test
    void anEnglishQuestionIsAnsweredWithEnglishFrames() {
        Reply reply = fallback.answer(
                question("How many people did the repatriation flights from Canada bring back in 2020?", Language.EN));

        assertThat(reply.text())
                .startsWith("I have no prepared answer")
                .contains("Source: https://", "historical, no longer in force", "Not your case? Type /human");
    }

    @Test
    void withNoEvidenceTheCitizenGetsTheNoAnswerReply() {
        Reply reply = fallback.answer(question("Cho tôi công thức nấu phở bò", Language.VI));

        assertThat(reply.kind()).isEqualTo(ReplyKind.FALLBACK);
        assertThat(reply.text()).contains("/human", TestCorpora.HOTLINE).doesNotContain("Nguồn:");
    }

    @Test
    void longPassagesAreCutAtASentenceAndMarked() {
        String text = "Câu một khá dài để thử. ".repeat(30);

        String cut = ExtractiveFallback.trim(text, 100);

        assertThat(cut).hasSizeLessThanOrEqualTo(102).endsWith(". …");
        assertThat(ExtractiveFallback.trim("ngắn", 100)).isEqualTo("ngắn");
        assertThat(ExtractiveFallback.trim("x".repeat(300), 100)).hasSize(102).endsWith(" …");
    }
}
