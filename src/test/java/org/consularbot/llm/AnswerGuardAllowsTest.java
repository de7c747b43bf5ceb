package org.consularbot.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.consularbot.faq.Language;
import org.consularbot.faq.Passage;
import org.consularbot.faq.PassageIndex;
import org.junit.jupiter.api.Test;

/**
 * The other half of the allowlist: a faithful answer is shown. Every passage of the real corpus, answered as a
 * careful model would (its first sentences, lightly framed, cited), must pass the guard; an allowlist that refuses
 * honest answers would leave citizens with the fallback every time.
 */
class AnswerGuardAllowsTest {

    private static final String CANARY = "cb-0f3a9c2e-7b41-4d8a-9e55-1c2d3e4f5a6b";
    private static final PassageIndex INDEX = new PassageIndex(LlmFallbackTest.CORPUS);

    private final AnswerGuard guard = new AnswerGuard(
            1200,
            CANARY,
            List.of(
                    new GroundedPrompt("Embassy", CANARY).system(Language.VI),
                    new GroundedPrompt("Embassy", CANARY).system(Language.EN)));

    @Test
    void everyPassageQuotedFaithfullyIsAccepted() {
        List<String> refused = new ArrayList<>();
        int checked = 0;
        for (Passage passage : INDEX.all()) {
            String quoted = firstSentences(passage.text(), 3);
            for (String answer : List.of(quoted + " [1]", frame(passage) + quoted + " [1]")) {
                if (answer.length() > 1200) {
                    continue;
                }
                checked++;
                AnswerGuard.Verdict verdict = guard.check(answer, List.of(passage));
                if (!verdict.accepted()) {
                    refused.add(passage.id() + ": " + verdict.reason());
                }
            }
        }

        assertThat(checked).as("answers checked").isGreaterThan(700);
        assertThat(refused).isEmpty();
    }

    private static String frame(Passage passage) {
        return passage.language() == Language.EN
                ? "According to the official information: "
                : "Theo thông tin chính thức: ";
    }

    private static String firstSentences(String text, int count) {
        String[] sentences = text.replace('\n', ' ').split("(?<=[.!?])\\s+");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(count, sentences.length); i++) {
            out.append(sentences[i]).append(' ');
        }
        return out.toString().strip();
    }
}
