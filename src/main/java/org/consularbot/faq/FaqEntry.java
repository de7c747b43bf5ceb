package org.consularbot.faq;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One curated question-and-answer pair, in Vietnamese and English. Answers may contain {@code {{key}}}
 * placeholders for mission facts; {@link Corpus#answer(FaqEntry, Language)} renders them.
 */
public record FaqEntry(
        String id,
        String topic,
        Map<Language, List<String>> questions,
        Map<Language, String> answers,
        List<String> sources,
        LocalDate reviewed,
        Optional<LocalDate> expires,
        List<String> keywords,
        SourceLocation location) {

    public FaqEntry {
        questions = Map.copyOf(questions);
        answers = Map.copyOf(answers);
        sources = List.copyOf(sources);
        keywords = List.copyOf(keywords);
    }

    public List<String> questions(Language language) {
        return questions.getOrDefault(language, List.of());
    }

    /** The first question in the given language: the entry's title in "did you mean" lists. */
    public String title(Language language) {
        List<String> list = questions(language);
        return list.isEmpty() ? id : list.get(0);
    }
}
