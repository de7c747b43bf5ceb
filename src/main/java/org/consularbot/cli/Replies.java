package org.consularbot.cli;

import java.util.List;
import org.consularbot.conversation.BotTexts;
import org.consularbot.faq.Candidate;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.FaqEntry;
import org.consularbot.faq.Language;
import org.consularbot.faq.MatchResult;
import org.consularbot.faq.Whereabouts;

/**
 * Plain-text rendering of a match for {@code ask}: what the FAQ engine decided, with the emergency first steps
 * for the country the message names, as a citizen would get them.
 */
final class Replies {

    private Replies() {}

    static String render(Corpus corpus, MatchResult result, String message) {
        Language language = result.language();
        boolean vi = language == Language.VI;
        StringBuilder out = new StringBuilder();
        switch (result.tier()) {
            case EMERGENCY -> {
                out.append(
                                vi
                                        ? "KHẨN CẤP — gọi ngay đường dây nóng bảo hộ công dân 24/7: "
                                        : "EMERGENCY — call the 24/7 citizen-protection hotline now: ")
                        .append(corpus.hotline())
                        .append("\n\n");
                Whereabouts where = corpus.whereabouts(message);
                result.top().ifPresent(top -> out.append(new BotTexts(corpus).answer(top.entry(), language, where)));
            }
            case ANSWER -> result.top().ifPresent(top -> out.append(answer(corpus, top.entry(), language)));
            case SUGGEST -> {
                out.append(vi ? "Có phải bạn muốn hỏi:" : "Did you mean:").append('\n');
                List<Candidate> suggestions = result.suggestions();
                for (int i = 0; i < suggestions.size(); i++) {
                    out.append("  ")
                            .append(i + 1)
                            .append(". ")
                            .append(suggestions.get(i).entry().title(language))
                            .append('\n');
                }
            }
            case FALLBACK ->
                out.append(
                                vi
                                        ? "Xin lỗi, tôi chưa có câu trả lời cho câu hỏi này. Khi cần gấp, hãy gọi đường dây nóng bảo hộ công dân 24/7: "
                                        : "Sorry, I have no answer for this yet. If it is urgent, call the 24/7 citizen-protection hotline: ")
                        .append(corpus.hotline());
            case CHITCHAT, DECLINE ->
                out.append(new BotTexts(corpus).smallTalk(result.reason().orElse(""), language));
            default -> throw new IllegalStateException(result.tier().code());
        }
        return out.toString().strip();
    }

    private static String answer(Corpus corpus, FaqEntry entry, Language language) {
        return new BotTexts(corpus).answer(entry, language);
    }
}
