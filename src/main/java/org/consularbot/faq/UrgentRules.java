package org.consularbot.faq;

import java.util.List;

/**
 * The editable phrases ({@code faq/urgent.yaml}) that say someone is in danger now. A phrase is a list of
 * folded words where {@code *} stands for up to three other words ("bị * bắt" finds "bị công an bắt").
 */
public record UrgentRules(List<Situation> situations, List<List<String>> hypothetical, List<List<String>> immediate) {

    /** One kind of emergency, the topic whose entries say what to do, and the phrases that reveal it. */
    public record Situation(String id, String topic, List<List<String>> phrases) {
        public Situation {
            phrases = List.copyOf(phrases);
        }
    }

    public UrgentRules {
        situations = List.copyOf(situations);
        hypothetical = List.copyOf(hypothetical);
        immediate = List.copyOf(immediate);
    }

    public static UrgentRules none() {
        return new UrgentRules(List.of(), List.of(), List.of());
    }

    /** Folds a phrase as written in the file into its words. */
    public static List<String> phrase(String text) {
        List<String> words = new java.util.ArrayList<>();
        for (String part : text.strip().split("\\s+")) {
            if (part.equals("*")) {
                words.add("*");
            } else {
                words.addAll(Folding.words(Folding.fold(Folding.clean(part))));
            }
        }
        return List.copyOf(words);
    }
}
