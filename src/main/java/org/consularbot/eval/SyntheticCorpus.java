package org.consularbot.eval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.FaqEntry;
import org.consularbot.faq.Language;

/**
 * Grows a corpus to N entries for benchmarks: copies of real entries whose questions have words swapped for
 * other corpus words, so the index has N distinct, realistically shaped documents. Seeded, so runs compare.
 */
public final class SyntheticCorpus {

    private SyntheticCorpus() {}

    public static Corpus grow(Corpus corpus, int size, long seed) {
        if (size <= corpus.entries().size()) {
            return new Corpus(
                    corpus.topics(),
                    corpus.entries().subList(0, Math.max(1, size)),
                    corpus.mission(),
                    corpus.synonyms(),
                    corpus.urgentRules(),
                    corpus.smallTalk(),
                    corpus.origin(),
                    corpus.docs(),
                    corpus.examples(),
                    corpus.classifier());
        }
        Random random = new Random(seed);
        List<String> vocabulary = new ArrayList<>();
        corpus.entries()
                .forEach(e -> e.questions()
                        .values()
                        .forEach(list -> list.forEach(q -> vocabulary.addAll(List.of(q.split("\\s+"))))));
        List<FaqEntry> entries = new ArrayList<>(corpus.entries());
        for (int i = corpus.entries().size(); i < size; i++) {
            FaqEntry original = corpus.entries().get(i % corpus.entries().size());
            Map<Language, List<String>> questions = new EnumMap<>(Language.class);
            original.questions()
                    .forEach((language, list) -> questions.put(
                            language,
                            list.stream()
                                    .map(q -> mutate(q, vocabulary, random))
                                    .toList()));
            entries.add(new FaqEntry(
                    original.id() + "~" + i,
                    original.topic(),
                    questions,
                    original.answers(),
                    original.sources(),
                    original.reviewed(),
                    original.expires(),
                    original.keywords(),
                    original.location()));
        }
        return new Corpus(
                corpus.topics(),
                entries,
                corpus.mission(),
                corpus.synonyms(),
                corpus.urgentRules(),
                corpus.smallTalk(),
                corpus.origin() + " grown to " + size,
                corpus.docs(),
                corpus.examples(),
                corpus.classifier());
    }

    private static String mutate(String question, List<String> vocabulary, Random random) {
        List<String> words = new ArrayList<>(List.of(question.split("\\s+")));
        for (int k = 0; k < 2; k++) {
            words.set(random.nextInt(words.size()), vocabulary.get(random.nextInt(vocabulary.size())));
        }
        words.add(vocabulary.get(random.nextInt(vocabulary.size())));
        return String.join(" ", words);
    }
}
