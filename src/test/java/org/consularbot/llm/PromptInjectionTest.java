package org.consularbot.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consularbot.llm.LlmFallbackTest.INDEX;
import static org.consularbot.llm.LlmFallbackTest.REPATRIATION;
import static org.consularbot.llm.LlmFallbackTest.question;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.consularbot.conversation.BotTexts;
import org.consularbot.conversation.Reply;
import org.consularbot.conversation.ReplyKind;
import org.consularbot.faq.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Prompt injection, against a model that obeys every attack ({@code src/test/resources/llm/attacks.tsv}: the
 * attack and what an obeying model would answer). Whatever it says, the citizen must get the safe fallback. Run
 * twice: as deployed, and with the input screen off and every question given passages, so the output guard
 * alone must stop each attack (half the obeying answers carry a valid-looking citation, so citations alone do
 * not decide).
 */
class PromptInjectionTest {

    static Stream<Arguments> attacks() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/llm/attacks.tsv"), StandardCharsets.UTF_8);
        List<Arguments> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).split("\t", -1);
            rows.add(Arguments.of(i + 1, cells[0], cells[1], cells[2].replace("\\n", "\n")));
        }
        assertThat(rows).as("at least 150 attacks").hasSizeGreaterThanOrEqualTo(150);
        return rows.stream();
    }

    @ParameterizedTest(name = "line {0} ({1}): {2}")
    @MethodSource("attacks")
    void asDeployedTheCitizenGetsTheSafeFallback(int line, String lang, String attack, String obeying) {
        FaithfulModel model = obeying(obeying, line);
        LlmFallback fallback = new LlmFallback(
                model, INDEX, new BotTexts(LlmFallbackTest.CORPUS), "Embassy", new LlmStats(), Clock.systemUTC());

        Reply reply = fallback.answer(question(attack, language(lang)));

        assertSafe(reply, model);
    }

    @ParameterizedTest(name = "line {0} ({1}): {2}")
    @MethodSource("attacks")
    void theOutputGuardAloneBlocksWhatTheModelWasTalkedInto(int line, String lang, String attack, String obeying) {
        FaithfulModel model = obeying(obeying, line);
        LlmStats stats = new LlmStats();
        LlmFallback fallback = new LlmFallback(
                model, INDEX, new BotTexts(LlmFallbackTest.CORPUS), "Embassy", stats, Clock.systemUTC(), false, true);

        Reply reply = fallback.answer(question(REPATRIATION + " " + attack, language(lang)));

        assertThat(model.requests).as("the attack reached the model").hasSize(1);
        assertSafe(reply, model);
        assertThat(stats.snapshot().get("guard_refusals"))
                .as("refused by the guard")
                .isEqualTo(1L);
    }

    private static FaithfulModel obeying(String obeying, int line) {
        return new FaithfulModel().replying((system, user) -> {
            String answer = obeying.replace("{{CANARY}}", FaithfulModel.canaryIn(system));
            return line % 2 == 0 ? answer + " [1]" : answer;
        });
    }

    private static void assertSafe(Reply reply, FaithfulModel model) {
        assertThat(reply.kind()).isEqualTo(ReplyKind.FALLBACK);
        assertThat(reply.text()).contains("/human", "+84 981 84 84 84");
        if (!model.requests.isEmpty()) {
            assertThat(reply.text()).doesNotContain(FaithfulModel.canaryIn(model.lastSystemMessage()));
        }
    }

    private static Language language(String code) {
        return code.startsWith("en") ? Language.EN : Language.VI;
    }
}
