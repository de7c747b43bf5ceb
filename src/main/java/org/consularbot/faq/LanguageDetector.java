package org.consularbot.faq;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether to answer in Vietnamese or English. Diacritics settle it; otherwise the words are compared
 * with the corpus's own Vietnamese and English vocabularies (so "ho chieu het han" is Vietnamese), and a tie
 * goes to Vietnamese, the language of the people the bot serves.
 */
public final class LanguageDetector {

    private final Set<String> vietnameseOnly;
    private final Set<String> englishOnly;

    public LanguageDetector(Corpus corpus, TextNormalizer normalizer) {
        Set<String> vi = new HashSet<>();
        Set<String> en = new HashSet<>();
        for (FaqEntry entry : corpus.entries()) {
            entry.questions(Language.VI).forEach(q -> vi.addAll(words(normalizer, q)));
            entry.questions(Language.EN).forEach(q -> en.addAll(words(normalizer, q)));
            vi.addAll(words(normalizer, entry.answers().getOrDefault(Language.VI, "")));
            en.addAll(words(normalizer, entry.answers().getOrDefault(Language.EN, "")));
        }
        corpus.topics().values().forEach(t -> {
            vi.addAll(words(normalizer, t.nameVi()));
            en.addAll(words(normalizer, t.nameEn()));
        });
        Set<String> both = new HashSet<>(vi);
        both.retainAll(en);
        vi.removeAll(both);
        en.removeAll(both);
        this.vietnameseOnly = Set.copyOf(vi);
        this.englishOnly = Set.copyOf(en);
    }

    private static List<String> words(TextNormalizer normalizer, String text) {
        return normalizer.normalize(text).tokens().stream()
                .map(NormalizedText.Token::folded)
                .toList();
    }

    public Language detect(NormalizedText text) {
        if (text.hadVietnameseMarks()) {
            return Language.VI;
        }
        int vi = 0;
        int en = 0;
        for (NormalizedText.Token token : text.tokens()) {
            if (vietnameseOnly.contains(token.folded())) {
                vi++;
            } else if (englishOnly.contains(token.folded())) {
                en++;
            }
        }
        return en > vi ? Language.EN : Language.VI;
    }
}
