package org.consularbot.eval;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.Example;
import org.consularbot.faq.FaqMatcher;
import org.consularbot.faq.FaqMatchers;
import org.consularbot.faq.Folding;
import org.consularbot.faq.ModelCache;

/**
 * Figures of the learned reading on messages it did not learn from. The corpus's own examples are the only
 * labelled messages a team may tune its thresholds on (the blind set is for measuring), but the bot learns from
 * them, so figures on them flatter it. K-fold: every k-th example (k = 0..K-1, so each fold has every kind of
 * message in the files' proportions) is held out, the reading is trained again on the rest, and the held-out
 * messages are matched; each example is measured once, by a model that never saw it.
 */
public final class CrossValidation {

    private CrossValidation() {}

    /**
     * @param examples the corpus's examples as labelled messages (its {@code examples/} folder read as an eval set);
     *                 an example is left out of a fold's training when its text is one of the fold's messages, up to
     *                 diacritics, case and punctuation
     * @param models   where each fold's models are kept: the same folds of the same examples train once
     */
    public static Evaluation run(
            Corpus corpus,
            List<EvalQuery> examples,
            int folds,
            String matcher,
            ModelCache models,
            PrintWriter progress) {
        if (folds < 2 || folds > examples.size()) {
            throw new IllegalArgumentException(
                    "cross-validation needs 2 to " + examples.size() + " folds, not " + folds);
        }
        QueryOutcome[] outcomes = new QueryOutcome[examples.size()];
        for (int fold = 0; fold < folds; fold++) {
            List<Integer> held = new ArrayList<>();
            Set<String> heldTexts = new HashSet<>();
            for (int i = fold; i < examples.size(); i += folds) {
                held.add(i);
                heldTexts.add(key(examples.get(i).question()));
            }
            List<Example> training = corpus.examples().stream()
                    .filter(e -> !heldTexts.contains(key(e.text())))
                    .toList();
            FaqMatcher foldMatcher = FaqMatchers.byName(matcher, corpus.withExamples(training, models));
            Evaluation measured =
                    Evaluation.run(foldMatcher, held.stream().map(examples::get).toList(), null);
            for (int j = 0; j < held.size(); j++) {
                outcomes[held.get(j)] = measured.outcomes().get(j);
            }
            if (progress != null) {
                progress.printf(
                        Locale.ROOT,
                        "  %s: fold %d/%d (%d held out, trained on %d examples)%n",
                        matcher,
                        fold + 1,
                        folds,
                        held.size(),
                        training.size());
                progress.flush();
            }
        }
        return Evaluation.of(Arrays.asList(outcomes));
    }

    /** Copies of one message, with or without diacritics, case or punctuation, are held out together. */
    private static String key(String text) {
        return String.join(" ", Folding.words(Folding.fold(Folding.clean(text))));
    }
}
