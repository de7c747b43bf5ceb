package org.consularbot.faq;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns what a citizen typed into comparable words: clean-up and folding ({@link Folding}), Telex or VNI typed
 * with the input method off read as plain syllables ({@link UnconvertedTyping}), then the
 * corpus's abbreviations rewritten ("hc" becomes "hộ chiếu") and equivalents attached ("passport" also
 * searches "hộ chiếu"). The same normalizer runs over corpus questions, so both sides meet in one form.
 */
public final class TextNormalizer {

    /** Messages longer than this are not questions; only their beginning is read. */
    static final int MAX_CHARS = 2_000;
    /** Longer runs of letters are dropped rather than treated as words. */
    static final int MAX_WORD_LENGTH = 40;

    private final Synonyms synonyms;

    public TextNormalizer(Synonyms synonyms) {
        this.synonyms = synonyms;
    }

    public NormalizedText normalize(String text) {
        if (text == null) {
            return new NormalizedText(List.of(), false);
        }
        return normalizeCleaned(Folding.clean(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text));
    }

    /** The same, over text already {@linkplain Folding#clean cleaned}, whatever its length. */
    public NormalizedText normalizeCleaned(String cleaned) {
        // A "word" this long is no word (a script written without spaces, or junk): it cannot match anything.
        List<String> written = Folding.words(UnconvertedTyping.decode(cleaned)).stream()
                .filter(w -> w.length() <= MAX_WORD_LENGTH)
                .toList();
        List<String> folded = written.stream().map(Folding::fold).toList();
        List<NormalizedText.Token> tokens = new ArrayList<>(written.size());
        int i = 0;
        while (i < written.size()) {
            int matched = 0;
            Synonyms.Rule rule = null;
            for (int length = Math.min(synonyms.longestKey(), written.size() - i); length > 0; length--) {
                rule = synonyms.rules().get(folded.subList(i, i + length));
                if (rule != null && !rule.fits(written.subList(i, i + length), folded.subList(i, i + length))) {
                    rule = null;
                }
                if (rule != null) {
                    matched = length;
                    break;
                }
            }
            if (rule == null) {
                tokens.add(new NormalizedText.Token(written.get(i), folded.get(i), List.of(), false));
                i++;
            } else if (rule.replaces() && rule.alternatives().isEmpty()) {
                for (int k = 0; k < matched; k++) { // fillers ("ạ", "cho em hỏi"): no meaning for matching
                    tokens.add(new NormalizedText.Token(written.get(i + k), folded.get(i + k), List.of(), true));
                }
                i += matched;
            } else if (rule.replaces()) {
                Synonyms.Phrase target = rule.alternatives().get(0);
                for (int k = 0; k < target.written().size(); k++) {
                    tokens.add(new NormalizedText.Token(
                            target.written().get(k),
                            target.folded().get(k),
                            k == 0 ? rule.searchAlso() : List.of(),
                            false));
                }
                i += matched;
            } else {
                for (int k = 0; k < matched; k++) {
                    tokens.add(new NormalizedText.Token(
                            written.get(i + k), folded.get(i + k), k == 0 ? rule.searchAlso() : List.of(), false));
                }
                i += matched;
            }
        }
        return new NormalizedText(tokens, Folding.hasVietnameseMarks(cleaned));
    }
}
