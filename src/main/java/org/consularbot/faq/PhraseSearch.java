package org.consularbot.faq;

import java.util.ArrayList;
import java.util.List;

/** Where editable phrases ({@code urgent.yaml}, {@code smalltalk.yaml}) occur in a message's words. */
final class PhraseSearch {

    /** How many other words a {@code *} in a phrase may stand for. */
    static final int MAX_GAP = 3;

    private PhraseSearch() {
    }

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
        phrases.forEach(p -> spans.addAll(find(words, p)));
        return spans;
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
        return w < words.size() && phrase.get(p).matches(words.get(w).written(), words.get(w).folded())
                ? matchEnd(words, w + 1, phrase, p + 1) : -1;
    }
}
