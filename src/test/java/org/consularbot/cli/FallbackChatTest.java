package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.consularbot.faq.TestCorpora;
import org.consularbot.llm.StubLlmServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fallback as a citizen meets it in the terminal chat: an out-of-FAQ consular question answered from an
 * official bulletin, with no LLM (extractive) and with an OpenAI-compatible stub on port 0 (generated); an
 * unanswerable one gets the officer and the hotline.
 */
class FallbackChatTest {

    /**
     * Not an FAQ question in {@link TestCorpora#withoutVisaEntries} (the FAQ matcher falls back on it); the bulletin on
     * official portals answers it.
     */
    static final String PORTALS = "Trang web chính thức nào để tải mẫu tờ khai lãnh sự, tôi sợ vào nhầm trang lừa đảo?";
    /** A message nothing covers: no entry, no bulletin, no decline class. */
    static final String UNKNOWN = "xqzv blorf wurzle plimb?";

    @TempDir
    Path tmp;

    private ChatDb db;

    private String faq;

    @BeforeEach
    void database() {
        db = new ChatDb(tmp);
        faq = TestCorpora.withoutVisaEntries(tmp.resolve("faq")).toString();
    }

    @Test
    void withNoLlmAnOutOfFaqQuestionGetsQuotedOfficialTextWithItsSource() {
        CliRun run = CliRun.runWithInput(db.env("FAQ_DIR", faq, "LLM_PROVIDER", "none"), PORTALS + "\n", "chat");

        String reply = after(run.out(), "/lang en: English");
        assertThat(reply)
                .contains("Thông tin chính thức liên quan:", "• ", "Nguồn: https://", "/human", TestCorpora.HOTLINE);
    }

    @Test
    void withNoLlmAnUnanswerableQuestionGetsTheOfficerAndTheHotline() {
        CliRun run = CliRun.runWithInput(db.env("FAQ_DIR", faq, "LLM_PROVIDER", "none"), UNKNOWN + "\n", "chat");

        String reply = after(run.out(), "/lang en: English");
        assertThat(reply)
                .contains("chưa có câu trả lời", "/human", TestCorpora.HOTLINE)
                .doesNotContain("Nguồn:");
    }

    @Test
    void withAnLlmTheSameQuestionGetsACitedGeneratedAnswer() throws Exception {
        try (StubLlmServer llm = new StubLlmServer()) {
            CliRun run = CliRun.runWithInput(
                    db.env(
                            "FAQ_DIR",
                            faq,
                            "LLM_PROVIDER",
                            "openai",
                            "LLM_BASE_URL",
                            llm.openAiBaseUrl(),
                            "LLM_MODEL",
                            "stub-model",
                            "LLM_API_KEY",
                            "sk-test"),
                    PORTALS + "\n" + UNKNOWN + "\n",
                    "chat");

            String replies = after(run.out(), "/lang en: English");
            assertThat(replies).contains("[1]", "[1] Nguồn: https://", "/human");
            assertThat(llm.requests)
                    .as("one call: the unknown procedure has no official passage")
                    .hasSize(1);
            assertThat(llm.requests.get(0)).contains(PORTALS.substring(0, 30));
        }
    }

    @Test
    void anUnknownProviderStopsStartUpNamingTheKey() {
        CliRun run = CliRun.runWithInput(db.env("FAQ_DIR", faq, "LLM_PROVIDER", "gpt"), PORTALS + "\n", "chat");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("setting LLM_PROVIDER must be none, openai or ollama, not 'gpt'");
    }

    private static String after(String out, String marker) {
        int at = out.indexOf(marker);
        assertThat(at).as("the welcome was shown:\n" + out).isGreaterThanOrEqualTo(0);
        return out.substring(at + marker.length());
    }
}
