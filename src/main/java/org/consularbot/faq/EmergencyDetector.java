package org.consularbot.faq;

import java.util.List;
import java.util.Optional;

/**
 * Spots a citizen in danger now (detained, hurt, robbed, trafficked, caught in a disaster, stranded) before
 * any FAQ matching, so that the hotline comes first. It errs towards recall: a general question ("what if I am
 * arrested?") is left to the FAQ only when it carries a hypothetical word and no word of immediacy.
 */
public final class EmergencyDetector {

    /** How many other words a {@code *} in a phrase may stand for. */
    static final int MAX_GAP = 3;

    private final UrgentRules rules;

    public EmergencyDetector(UrgentRules rules) {
        this.rules = rules;
    }

    public Optional<Emergency> detect(NormalizedText text) {
        List<String> words = text.tokens().stream().map(NormalizedText.Token::folded).toList();
        if (words.isEmpty()) {
            return Optional.empty();
        }
        UrgentRules.Situation found = null;
        List<String> evidence = List.of();
        for (UrgentRules.Situation situation : rules.situations()) {
            for (List<String> phrase : situation.phrases()) {
                // The most specific phrase wins: "bị giữ hộ chiếu" (crime) over "bị giữ" (arrest).
                if (phrase.size() > evidence.size() && find(words, phrase) >= 0) {
                    found = situation;
                    evidence = phrase;
                }
            }
        }
        if (found == null || (anyFound(words, rules.hypothetical()) && !anyFound(words, rules.immediate()))) {
            return Optional.empty();
        }
        return Optional.of(new Emergency(found.id(), found.topic(), String.join(" ", evidence)));
    }

    private static boolean anyFound(List<String> words, List<List<String>> phrases) {
        return phrases.stream().anyMatch(p -> find(words, p) >= 0);
    }

    /** Index of the first occurrence of the phrase, honouring {@code *} gaps; -1 when absent. */
    static int find(List<String> words, List<String> phrase) {
        for (int start = 0; start < words.size(); start++) {
            if (matchesAt(words, start, phrase, 0)) {
                return start;
            }
        }
        return -1;
    }

    private static boolean matchesAt(List<String> words, int w, List<String> phrase, int p) {
        if (p == phrase.size()) {
            return true;
        }
        if (phrase.get(p).equals("*")) {
            for (int skip = 0; skip <= MAX_GAP && w + skip <= words.size(); skip++) {
                if (matchesAt(words, w + skip, phrase, p + 1)) {
                    return true;
                }
            }
            return false;
        }
        return w < words.size() && words.get(w).equals(phrase.get(p)) && matchesAt(words, w + 1, phrase, p + 1);
    }
}
