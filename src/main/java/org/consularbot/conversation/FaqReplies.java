package org.consularbot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.consularbot.faq.Candidate;
import org.consularbot.faq.FaqEntry;
import org.consularbot.faq.Language;

/**
 * The FAQ's two replies as a citizen sees them: an answer (with 👍/👎 and, when its topic has entries that fit the
 * question nearly as well, those as numbered choices) and "did you mean" (numbered choices). Numbers in the text and
 * on the buttons are the same, so a channel without buttons works by typing the number.
 */
final class FaqReplies {

    /** A reply and the entry ids its numbers choose, in order (none when it offers no choice). */
    record Offer(Reply reply, List<String> choices) {}

    private FaqReplies() {}

    static Offer answer(BotTexts texts, FaqEntry entry, Language l, List<Candidate> related) {
        List<Button> feedback = List.of(
                new Button(texts.helpfulLabel(l), Dialogue.FEEDBACK_PREFIX + "+:" + entry.id()),
                new Button(texts.notHelpfulLabel(l), Dialogue.FEEDBACK_PREFIX + "-:" + entry.id()));
        StringBuilder text = new StringBuilder(texts.answer(entry, l));
        List<Button> buttons = new ArrayList<>();
        List<String> ids = List.of();
        if (!related.isEmpty()) {
            text.append("\n\n").append(texts.related(l));
            ids = numbered(related, l, text, buttons);
        }
        return new Offer(new Reply(ReplyKind.ANSWER, text.toString(), buttons, feedback, Optional.of(entry.id())), ids);
    }

    static Offer suggestion(BotTexts texts, List<Candidate> suggestions, Language l) {
        StringBuilder text = new StringBuilder(texts.didYouMean(l));
        List<Button> buttons = new ArrayList<>();
        List<String> ids = numbered(suggestions, l, text, buttons);
        text.append('\n').append(texts.didYouMeanFooter(l));
        return new Offer(new Reply(ReplyKind.SUGGESTION, text.toString(), buttons, List.of(), Optional.empty()), ids);
    }

    /** Appends the entries as numbered lines and buttons; returns their ids in that order. */
    private static List<String> numbered(
            List<Candidate> entries, Language l, StringBuilder text, List<Button> buttons) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            FaqEntry entry = entries.get(i).entry();
            text.append('\n').append(i + 1).append(". ").append(entry.title(l));
            buttons.add(new Button((i + 1) + ". " + entry.title(l), Dialogue.CHOICE_PREFIX + entry.id()));
            ids.add(entry.id());
        }
        return ids;
    }
}
