package org.consularbot.llm;

import java.util.List;
import org.consularbot.conversation.BotTexts;
import org.consularbot.conversation.FallbackAnswerer;
import org.consularbot.conversation.FallbackQuestion;
import org.consularbot.conversation.Reply;
import org.consularbot.conversation.ReplyKind;
import org.consularbot.faq.Passage;
import org.consularbot.faq.PassageIndex;

/**
 * The fallback with no LLM ({@code LLM_PROVIDER=none}): the most relevant official passages, trimmed, each with
 * its source and date, then the offer of an officer. Nothing is generated, so nothing can be invented; when no
 * passage is relevant enough, the citizen gets the plain no-answer reply with the hotline.
 */
public final class ExtractiveFallback implements FallbackAnswerer {

    static final int MAX_PASSAGES = 2;
    static final int MAX_CHARS = 450;

    private final OfficialEvidence evidence;
    private final BotTexts texts;

    public ExtractiveFallback(PassageIndex index, BotTexts texts) {
        this.evidence = new OfficialEvidence(index);
        this.texts = texts;
    }

    @Override
    public Reply answer(FallbackQuestion question) {
        List<Passage> passages = evidence.relevant(question.text(), question.language(), MAX_PASSAGES, 1);
        if (passages.isEmpty()) {
            return Reply.text(ReplyKind.FALLBACK, texts.noAnswer(question.language()));
        }
        StringBuilder out = new StringBuilder(texts.officialIntro(question.language())).append("\n\n");
        for (Passage passage : passages) {
            out.append("• ")
                    .append(trim(passage.text(), MAX_CHARS))
                    .append('\n')
                    .append(texts.sourceLine(passage, question.language()))
                    .append("\n\n");
        }
        out.append(texts.officerOffer(question.language()));
        return Reply.text(ReplyKind.ANSWER, out.toString());
    }

    /** Cuts at the last sentence end within the limit (or the last space), marking the cut with an ellipsis. */
    static String trim(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String window = text.substring(0, max);
        int end = Math.max(window.lastIndexOf(". "), window.lastIndexOf(".\n"));
        if (end >= max / 2) {
            return window.substring(0, end + 1) + " …";
        }
        int space = window.lastIndexOf(' ');
        return (space > 0 ? window.substring(0, space) : window) + " …";
    }
}
