package org.consularbot.llm;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.consularbot.conversation.BotTexts;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.FallbackQuestion;
import org.consularbot.conversation.ReplyKind;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.CorpusLoader;
import org.consularbot.faq.Language;
import org.consularbot.faq.PassageIndex;

/**
 * What the LLM fallback adds to the model's own time: screening, retrieval, redaction, the prompt, the guard and
 * the reply, with an in-process model that answers at once (so all measured time is ours). Cache off (each
 * question is new). Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.consularbot.llm.LlmFallbackBench}; target: p99 ≤ 5 ms.
 */
public final class LlmFallbackBench {

    private LlmFallbackBench() {}

    public static void main(String[] args) throws Exception {
        Corpus corpus = new CorpusLoader(Clock.systemUTC()).load(Path.of("faq"));
        List<String> questions = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("eval/passages.tsv"), StandardCharsets.UTF_8)
                .subList(1, 70)) {
            questions.add(line.split("\t")[2]);
        }
        FaithfulModel model = new FaithfulModel();
        LlmFallback fallback = new LlmFallback(
                model, new PassageIndex(corpus), new BotTexts(corpus), "Embassy", new LlmStats(), Clock.systemUTC());
        int warmUp = 3_000;
        int timed = 5_000;
        List<Long> nanos = new ArrayList<>(timed);
        int answered = 0;
        for (int i = 0; i < warmUp + timed; i++) {
            fallback.invalidate();
            model.requests.clear();
            String question = questions.get(i % questions.size());
            long start = System.nanoTime();
            ReplyKind kind = fallback.answer(new FallbackQuestion(
                            new ConversationKey("bench", "1"),
                            question,
                            question.matches(".*[a-zA-Z]{4,}.*") && !question.matches(".*[à-ỹ].*")
                                    ? Language.EN
                                    : Language.VI,
                            null))
                    .kind();
            long took = System.nanoTime() - start;
            if (i >= warmUp) {
                nanos.add(took);
                answered += kind == ReplyKind.ANSWER ? 1 : 0;
            }
        }
        Collections.sort(nanos);
        System.out.printf(
                Locale.ROOT,
                "{\"questions\":%d,\"answered_by_model\":%d,\"overhead_p50_ms\":%.3f,\"overhead_p99_ms\":%.3f,\"max_ms\":%.3f}%n",
                timed,
                answered,
                nanos.get(timed / 2) / 1e6,
                nanos.get((int) (timed * 0.99)) / 1e6,
                nanos.get(timed - 1) / 1e6);
    }
}
