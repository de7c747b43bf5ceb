package org.consularbot.faq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words and word pairs each entry's questions use, and the words only its answers use, as sorted numbers. The
 * confidence of a candidate asks "does this entry use this word?" for every word, pair, equivalent and near
 * spelling of the message, for each of the 30 retrieved entries: each word is now looked up once per message and
 * each question is a binary search over ints rather than a string set probe (and a corpus of 20,000 entries keeps
 * ints, not sets of references).
 */
final class EntryVocabularies {

    /** The number of a word or pair no entry uses. */
    static final int UNKNOWN = -1;

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<int[]> questions = new ArrayList<>();
    private final List<int[]> answers = new ArrayList<>();

    /** Adds the next entry's vocabularies (entries in corpus order). */
    void add(Collection<String> questionUnits, Collection<String> answerOnlyWords) {
        questions.add(numbers(questionUnits));
        answers.add(numbers(answerOnlyWords));
    }

    /** The number of this word or pair, or {@link #UNKNOWN}. */
    int id(String unit) {
        return ids.getOrDefault(unit, UNKNOWN);
    }

    int[] ids(List<String> units) {
        int[] numbers = new int[units.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = id(units.get(i));
        }
        return numbers;
    }

    boolean inQuestions(int entry, int id) {
        return id != UNKNOWN && Arrays.binarySearch(questions.get(entry), id) >= 0;
    }

    boolean inQuestionsAll(int entry, int[] ids) {
        for (int id : ids) {
            if (!inQuestions(entry, id)) {
                return false;
            }
        }
        return true;
    }

    boolean inAnswersOnly(int entry, int id) {
        return id != UNKNOWN && Arrays.binarySearch(answers.get(entry), id) >= 0;
    }

    /**
     * How well the entry's questions account for one word of a message: 1 used as is, 0.9 through an equivalent
     * (every word of it), 0.6 through a near spelling, else 0.
     */
    double coverage(int entry, int word, int[][] equivalents, int[] nearSpellings) {
        if (inQuestions(entry, word)) {
            return 1;
        }
        for (int[] equivalent : equivalents) {
            if (inQuestionsAll(entry, equivalent)) {
                return 0.9;
            }
        }
        for (int spelling : nearSpellings) {
            if (inQuestions(entry, spelling)) {
                return 0.6;
            }
        }
        return 0;
    }

    private int[] numbers(Collection<String> units) {
        int[] numbers = new int[units.size()];
        int i = 0;
        for (String unit : units) {
            numbers[i++] = ids.computeIfAbsent(unit, u -> ids.size());
        }
        Arrays.sort(numbers);
        return numbers;
    }
}
