package org.consularbot.faq;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Where editable phrases ({@code urgent.yaml}, {@code smalltalk.yaml}) occur in a message's words. */
final class PhraseSearch {

    /** How many other words a {@code *} in a phrase may stand for. */
    static final int MAX_GAP = 3;

    private PhraseSearch() {}

    /** Words {@code start} (inclusive) to {@code end} (exclusive) of a message. */
    record Span(int start, int end) {
        boolean overlaps(Span other) {
            return start < other.end && other.start < end;
        }
    }

    /** Every place the phrase occurs, honouring {@code *} gaps. */
    static List<Span> find(List<NormalizedText.Token> words, UrgentRules.Phrase phrase) {
        List<Span> found = new ArrayList<>();
        if (phrase.isEmpty()) {
            return found;
        }
        for (int start = 0; start < words.size(); start++) {
            int end = matchEnd(words, start, phrase.words(), 0);
            if (end >= 0) {
                found.add(new Span(start, end));
            }
        }
        return found;
    }

    static List<Span> find(List<NormalizedText.Token> words, List<UrgentRules.Phrase> phrases) {
        List<Span> spans = new ArrayList<>();
        matches(words, phrases).forEach(m -> spans.add(m.span()));
        return spans;
    }

    /** One phrase found at one place. */
    record Match(UrgentRules.Phrase phrase, Span span) {}

    /**
     * Every place any of the phrases occurs. A phrase whose first word is nowhere in the message is skipped at once:
     * with some 1,500 phrases and long messages this is most of the work saved.
     */
    static List<Match> matches(List<NormalizedText.Token> words, List<UrgentRules.Phrase> phrases) {
        Set<String> present = new HashSet<>();
        words.forEach(w -> present.add(w.folded()));
        List<Match> found = new ArrayList<>();
        for (UrgentRules.Phrase phrase : phrases) {
            if (phrase.isEmpty()) {
                continue;
            }
            UrgentRules.Word first = phrase.words().get(0);
            if (!first.isGap() && !present.contains(first.folded())) {
                continue;
            }
            find(words, phrase).forEach(span -> found.add(new Match(phrase, span)));
        }
        return found;
    }

    private static int matchEnd(List<NormalizedText.Token> words, int w, List<UrgentRules.Word> phrase, int p) {
        if (p == phrase.size()) {
            return w;
        }
        if (phrase.get(p).isGap()) {
            for (int skip = 0; skip <= MAX_GAP && w + skip <= words.size(); skip++) {
                int end = matchEnd(words, w + skip, phrase, p + 1);
                if (end >= 0) {
                    return end;
                }
            }
            return -1;
        }
        return w < words.size()
                        && phrase.get(p)
                                .matches(words.get(w).written(), words.get(w).folded())
                ? matchEnd(words, w + 1, phrase, p + 1)
                : -1;
    }
}
