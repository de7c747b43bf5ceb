package org.consularbot.llm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.consularbot.conversation.BotTexts;
import org.consularbot.conversation.FallbackAnswerer;
import org.consularbot.conversation.FallbackQuestion;
import org.consularbot.conversation.Reply;
import org.consularbot.conversation.ReplyKind;
import org.consularbot.faq.Folding;
import org.consularbot.faq.Language;
import org.consularbot.faq.Passage;
import org.consularbot.faq.PassageIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fallback with an LLM: the model writes a short answer from the official passages retrieved for the
 * question, citing them. Around it, in order: the citizen's message is screened for prompt injection; no
 * relevant passage means no call; personal data is redacted before anything leaves; answers are cached per
 * question and language; a circuit breaker skips a failing model; the output is guarded (citations, no invented
 * number or address, no promise, grounded). Every failure or refusal gives the safe fallback: no answer, the
 * way to an officer and the hotline. Never silence, never a guess.
 */
public final class LlmFallback implements FallbackAnswerer {

    private static final Logger log = LoggerFactory.getLogger(LlmFallback.class);
    static final int MAX_PASSAGES = 4;
    static final int MAX_ANSWER_CHARS = 1_200;

    private final ChatModel model;
    private final OfficialEvidence evidence;
    private final BotTexts texts;
    private final Redactor redactor;
    private final InjectionScreen screen;
    private final GroundedPrompt prompt;
    private final AnswerGuard guard;
    private final CircuitBreaker breaker;
    private final Cache<String, Reply> cache;
    private final LlmStats stats;
    private final boolean screenInjections;

    /**
     * @param stats where the counts go: owned by the caller, so they outlive this fallback when a corpus reload
     *              replaces it and the metrics bound to them keep moving
     */
    public LlmFallback(
            ChatModel model, PassageIndex index, BotTexts texts, String missionName, LlmStats stats, Clock clock) {
        this(model, index, texts, missionName, stats, clock, true, false);
    }

    /**
     * @param screenInjections false only in tests that prove the output guard alone blocks every attack
     * @param anyPassage       true only in those tests: any retrieved passage counts, so every attack reaches the model
     */
    LlmFallback(
            ChatModel model,
            PassageIndex index,
            BotTexts texts,
            String missionName,
            LlmStats stats,
            Clock clock,
            boolean screenInjections,
            boolean anyPassage) {
        this.model = model;
        this.stats = stats;
        this.evidence = anyPassage ? new OfficialEvidence(index, 0, 0) : new OfficialEvidence(index);
        this.texts = texts;
        this.redactor = new Redactor(clock);
        this.screen = new InjectionScreen();
        String canary = "cb-" + UUID.randomUUID();
        this.prompt = new GroundedPrompt(missionName, canary);
        this.guard = new AnswerGuard(
                MAX_ANSWER_CHARS, canary, List.of(prompt.system(Language.VI), prompt.system(Language.EN)));
        this.breaker = new CircuitBreaker(3, Duration.ofMinutes(1), clock);
        this.cache = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(Duration.ofDays(1))
                .build();
        this.screenInjections = screenInjections;
    }

    @Override
    public Reply answer(FallbackQuestion question) {
        stats.questions.incrementAndGet();
        Language language = question.language();
        if (screenInjections && screen.looksLikeInjection(question.text())) {
            stats.screened.incrementAndGet();
            return safe(language);
        }
        String redacted = redactor.redact(question.text());
        // Retrieval reads the redacted text without its placeholders: a passport number is no search word.
        List<Passage> passages = evidence.relevant(redacted.replaceAll("\\[[A-Z_]+]", " "), language, MAX_PASSAGES, 2);
        if (passages.isEmpty()) {
            stats.noMaterial.incrementAndGet();
            return safe(language);
        }
        String key = language.code() + "|"
                + Folding.fold(Folding.clean(redacted)).strip().replaceAll("\\s+", " ");
        Reply cached = cache.getIfPresent(key);
        if (cached != null) {
            stats.cacheHits.incrementAndGet();
            return cached;
        }
        if (!breaker.allows()) {
            stats.circuitOpen.incrementAndGet();
            return safe(language);
        }
        String text;
        try {
            stats.calls.incrementAndGet();
            ChatResponse response = model.chat(ChatRequest.builder()
                    .messages(
                            SystemMessage.from(prompt.system(language)),
                            UserMessage.from(prompt.user(passages, redacted)))
                    .build());
            text = response == null || response.aiMessage() == null
                    ? null
                    : response.aiMessage().text();
            if (text == null || text.isBlank()) {
                throw new IllegalStateException("empty answer from the model");
            }
            breaker.succeeded();
        } catch (RuntimeException e) {
            stats.failures.incrementAndGet();
            breaker.failed();
            // a trial call that failed re-opens the circuit; either way the citizen does not wait for this model
            log.warn(
                    "LLM call failed ({}); the citizen gets the safe fallback",
                    e.getClass().getSimpleName());
            return safe(language);
        }
        if (text != null && text.strip().startsWith(GroundedPrompt.NO_ANSWER)) {
            stats.noAnswer.incrementAndGet();
            return safe(language);
        }
        AnswerGuard.Verdict verdict = guard.check(text, passages);
        if (!verdict.accepted()) {
            stats.guardRefusals.incrementAndGet();
            log.warn("LLM answer refused by the guard: {}", verdict.reason());
            return safe(language);
        }
        Reply reply = Reply.text(ReplyKind.ANSWER, render(text.strip(), passages, verdict.cited(), language));
        cache.put(key, reply);
        return reply;
    }

    /** Forgets cached answers: the corpus changed. */
    public void invalidate() {
        cache.invalidateAll();
    }

    private String render(String answer, List<Passage> passages, Set<Integer> cited, Language language) {
        StringBuilder out = new StringBuilder(answer).append("\n\n");
        for (int n : cited) {
            Passage p = passages.get(n - 1);
            out.append('[')
                    .append(n)
                    .append("] ")
                    .append(texts.sourceLine(p, language))
                    .append('\n');
        }
        return out.append('\n').append(texts.officerOffer(language)).toString();
    }

    private Reply safe(Language language) {
        return Reply.text(ReplyKind.FALLBACK, texts.noAnswer(language));
    }
}
