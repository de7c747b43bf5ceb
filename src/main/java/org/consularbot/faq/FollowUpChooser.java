package org.consularbot.faq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which topic a follow-up asks about, read with the message before it. It may stay on the previous topic ("mất bao
 * lâu?" after a passport question), turn to one that runs across procedures ("còn phí thì sao?": the fee), or ask a
 * question of its own ("và con em có tự động là công dân Việt Nam không?" after a birth question: nationality). Hand
 * rules for each case had grown one by one and each fixed some follow-ups while breaking others; this is one logistic
 * model over the three readings the matcher makes anyway (the follow-up alone, the message before alone, both
 * together), fitted by {@code eval/fit-follow-up.py} on the follow-ups of the tuning sets (never the blind ones). The
 * build's floors on the blind sets say whether it still holds.
 */
final class FollowUpChooser {

    /** How many signals {@link #features} returns, in this order. */
    static final int FEATURES = 19;
    /**
     * A follow-up is answered outright only when its topic is at least this likely (as well as the answer gate sure of
     * the entry). Chosen on the tuning sets' follow-ups with each file left out of the fit in turn: of those the gate
     * would answer, right 86 of 102 with no bound, 67 of 77 from 0.5, 48 of 53 from 0.8, 32 of 34 from 0.9 (the rules
     * before the chooser: 81 of 92); refitted after the reading learned from 600 more examples, 88 of 105, 68 of 79,
     * 49 of 54 and 34 of 37. Refitted at stop 27 with tune13-followups as well, on the reading at L2 2.0 (551
     * follow-ups, 0.842 right first left out in turn).
     */
    static final double ANSWERS_FROM = 0.8;
    /** A topic's rank counts within this many candidates of each reading. */
    private static final int RANKS = 10;
    /** Topics weighed: the best few of the follow-up and of both messages together, and the message before's best. */
    private static final int FROM_EACH = 3;
    /** The follow-up's length counts up to this many meaningful words. */
    private static final int LONG_FOLLOW_UP = 30;
    /** The follow-up's best score counts up to this many times the message before's. */
    private static final double SCORE_RATIO_CAP = 3;

    private static final Logistic MODEL = new Logistic(
            new double[] {
                -0.2204, 2.0872, -0.0029, 2.7438, -0.0751, 0.1650, 0.1737, -1.3542, 0.8644, 1.9273, -0.8134, 3.6252,
                2.2544, 0.5782, 1.1029, -2.5026, -0.0990, 0.8453, -0.8845
            },
            -5.3875);

    private final Corpus corpus;

    FollowUpChooser(Corpus corpus) {
        this.corpus = corpus;
    }

    /** The topics weighed for a follow-up, most likely first (empty when no reading ranked anything). */
    List<FollowUpOption> options(WeighedMessage alone, WeighedMessage before, WeighedMessage together) {
        List<FollowUpOption> options = new ArrayList<>();
        for (String topic : topicsToWeigh(alone, before, together)) {
            double[] signals = features(topic, alone, before, together);
            options.add(new FollowUpOption(topic, probability(signals), boxed(signals)));
        }
        options.sort(Comparator.comparingDouble(FollowUpOption::probability).reversed());
        return options;
    }

    private static Set<String> topicsToWeigh(WeighedMessage alone, WeighedMessage before, WeighedMessage together) {
        Set<String> topics = new LinkedHashSet<>();
        together.result().ranked().stream()
                .limit(FROM_EACH)
                .forEach(c -> topics.add(c.entry().topic()));
        alone.result().ranked().stream()
                .limit(FROM_EACH)
                .forEach(c -> topics.add(c.entry().topic()));
        before.result().top().ifPresent(c -> topics.add(c.entry().topic()));
        return topics;
    }

    /**
     * The signals for one topic: for each reading (the follow-up alone, the message before alone, both together) the
     * inverse of the topic's first rank, its best entry's score as a share of the reading's top score, whether it
     * ranks first, and the learned reading's probability of it; the answer gate's certainty when it ranks first
     * alone and together; whether the topic runs across procedures and whether it is an emergency's; and, when the
     * follow-up alone ranks it first, its best score over the message before's (up to 3) and its length (up to 30
     * words, over 30); whether the follow-up's first three entries all belong to it.
     */
    double[] features(String topic, WeighedMessage alone, WeighedMessage before, WeighedMessage together) {
        double[] signals = new double[FEATURES];
        int at = 0;
        for (WeighedMessage read : List.of(alone, before, together)) {
            List<Candidate> ranked = read.result().ranked();
            int rank = rank(topic, ranked);
            double top = ranked.isEmpty() ? 0 : ranked.get(0).score();
            signals[at++] = rank == 0 ? 0 : 1.0 / rank;
            signals[at++] = rank == 0 || top <= 0 ? 0 : ranked.get(rank - 1).score() / top;
            signals[at++] = rank == 1 ? 1 : 0;
            signals[at++] = read.topics().getOrDefault(topic, 0.0);
        }
        boolean firstAlone = rank(topic, alone.result().ranked()) == 1;
        signals[at++] = firstAlone ? certainty(alone) : 0;
        signals[at++] = rank(topic, together.result().ranked()) == 1 ? certainty(together) : 0;
        Topic known = corpus.topics().get(topic);
        signals[at++] = known != null && known.facet() ? 1 : 0;
        signals[at++] = known != null && known.isEmergency() ? 1 : 0;
        signals[at++] = firstAlone ? scoreRatio(alone, before) : 0;
        signals[at++] = firstAlone ? Math.min(alone.words(), LONG_FOLLOW_UP) / (double) LONG_FOLLOW_UP : 0;
        signals[at++] = allOf(topic, alone.result().ranked()) ? 1 : 0;
        return signals;
    }

    /** How likely the follow-up asks about the topic these signals were read for. */
    static double probability(double[] features) {
        return MODEL.probability(features);
    }

    /** 1-based rank of the topic's first entry among the first {@link #RANKS}, or 0. */
    private static int rank(String topic, List<Candidate> ranked) {
        for (int i = 0; i < Math.min(RANKS, ranked.size()); i++) {
            if (ranked.get(i).entry().topic().equals(topic)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static double certainty(WeighedMessage read) {
        double certainty = read.result().certainty();
        return Double.isNaN(certainty) ? 0 : certainty;
    }

    private static double scoreRatio(WeighedMessage alone, WeighedMessage before) {
        double own = alone.result().top().map(Candidate::score).orElse(0.0);
        double previous = before.result().top().map(Candidate::score).orElse(0.0);
        return previous <= 0 ? SCORE_RATIO_CAP : Math.min(own / previous, SCORE_RATIO_CAP);
    }

    private static boolean allOf(String topic, List<Candidate> ranked) {
        return ranked.size() >= FROM_EACH
                && ranked.stream()
                        .limit(FROM_EACH)
                        .allMatch(c -> c.entry().topic().equals(topic));
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
