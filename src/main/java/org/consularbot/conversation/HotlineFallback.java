package org.consularbot.conversation;

/** The fallback with no LLM: no answer, but the hotline, the portal and the way to an officer. */
public final class HotlineFallback implements FallbackAnswerer {

    private final BotTexts texts;

    public HotlineFallback(BotTexts texts) {
        this.texts = texts;
    }

    @Override
    public Reply answer(FallbackQuestion question) {
        return Reply.text(ReplyKind.FALLBACK, texts.noAnswer(question.language()));
    }
}
