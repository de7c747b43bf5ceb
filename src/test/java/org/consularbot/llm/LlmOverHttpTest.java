package org.consularbot.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consularbot.llm.LlmFallbackTest.INDEX;
import static org.consularbot.llm.LlmFallbackTest.REPATRIATION;
import static org.consularbot.llm.LlmFallbackTest.question;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.consularbot.config.LlmConfig;
import org.consularbot.config.Settings;
import org.consularbot.conversation.BotTexts;
import org.consularbot.conversation.Reply;
import org.consularbot.conversation.ReplyKind;
import org.consularbot.faq.Language;
import org.consularbot.faq.TestCorpora;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fallback through langchain4j's real OpenAI and Ollama clients against a real HTTP stub on port 0: what goes
 * over the wire, and that a timeout, a server error and garbage all end in the safe fallback.
 */
class LlmOverHttpTest {

    private final StubLlmServer stub = newStub();

    @AfterEach
    void stop() {
        stub.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "ollama"})
    void aCitedAnswerComesBackThroughTheRealClient(String provider) {
        Reply reply = fallback(provider, 5).answer(question(REPATRIATION, Language.VI));

        assertThat(reply.kind()).isEqualTo(ReplyKind.ANSWER);
        assertThat(reply.text()).contains("[1] Nguồn: http");
        assertThat(stub.requests).hasSize(1);
        assertThat(stub.requests.get(0)).contains("<passages>", "</question>", "NO_ANSWER", "stub-model");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "ollama"})
    void noPersonalDataGoesOverTheWire(String provider) {
        fallback(provider, 5)
                .answer(question(
                        "Hộ chiếu của em số B7654321, sđt 0912 345 678, mail em.tran@example.org. " + REPATRIATION,
                        Language.VI));

        assertThat(stub.requests)
                .singleElement()
                .satisfies(body -> assertThat(body)
                        .doesNotContain("B7654321", "0912 345 678", "em.tran@example.org")
                        .contains("[PHONE]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "ollama"})
    void aServerErrorGivesTheSafeFallback(String provider) {
        stub.status = 500;

        Reply reply = fallback(provider, 5).answer(question(REPATRIATION, Language.VI));

        assertThat(reply.kind()).isEqualTo(ReplyKind.FALLBACK);
        assertThat(reply.text()).contains("/human", TestCorpora.HOTLINE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "ollama"})
    void garbageGivesTheSafeFallback(String provider) {
        stub.rawBody = "<html>502 Bad Gateway</html>";

        assertThat(fallback(provider, 5)
                        .answer(question(REPATRIATION, Language.VI))
                        .kind())
                .isEqualTo(ReplyKind.FALLBACK);
    }

    @Test
    void aModelSlowerThanTheTimeoutGivesTheSafeFallbackInTime() {
        stub.delay = Duration.ofSeconds(4);
        long start = System.nanoTime();

        Reply reply = fallback("openai", 1).answer(question(REPATRIATION, Language.VI));

        assertThat(reply.kind()).isEqualTo(ReplyKind.FALLBACK);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    private LlmFallback fallback(String provider, int timeoutSeconds) {
        String url = provider.equals("openai") ? stub.openAiBaseUrl() : stub.ollamaBaseUrl();
        LlmConfig config = LlmConfig.from(Settings.load(
                Map.of(
                        "LLM_PROVIDER",
                        provider,
                        "LLM_BASE_URL",
                        url,
                        "LLM_MODEL",
                        "stub-model",
                        "LLM_API_KEY",
                        "sk-test",
                        "LLM_TIMEOUT_SECONDS",
                        String.valueOf(timeoutSeconds)),
                Path.of("target/no-such.env")));
        return new LlmFallback(
                ChatModels.create(config),
                INDEX,
                new BotTexts(LlmFallbackTest.CORPUS),
                "Embassy",
                new LlmStats(),
                Clock.systemUTC());
    }

    private static StubLlmServer newStub() {
        try {
            return new StubLlmServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
