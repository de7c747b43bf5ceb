package org.consularbot.faq;

import java.util.List;
import java.util.Map;

/**
 * Decides whether the best entry is answered outright. Thresholds on one signal at a time (how much of the message
 * the entry explains, how far ahead it is, how sure the learned reading is of its topic) each answered some messages
 * wrongly and left many right ones as suggestions; a logistic model over all of them together ranks messages by how
 * likely the top entry's topic is right, and only the surest are answered.
 *
 * <p>The weights were fitted on what the matcher read for messages it had not learned from: the 5-fold
 * cross-validated readings of {@code faq/examples/} (stop 18, before {@code tune8}: 3,792 messages reached this
 * decision, in scope or not), by {@code eval/fit-answer-gate.py} on the lines of
 * {@code eval --cross-validate --out FILE}, which carry these {@link #features} as {@code gate}. With the model
 * itself held out too, answering from {@link #THRESHOLD} gave 0.965 precision on 47 % of those in-scope messages,
 * where the thresholds before gave 0.868 on 43 %. Refitted after {@code tune8} (4,342 messages) it gave the same
 * held-out 0.965 on 47 % but answered fewer of {@code eval/tune.tsv} and {@code eval/dev.tsv} (0.357 and 0.412
 * against 0.417 and 0.510, all at precision 0.99 or more), so this fit stays. Refit after large changes to the
 * corpus or its examples; the build's floors on the blind sets say whether it still holds.
 */
final class AnswerGate {

    /** How many signals {@link #features} returns, in this order. */
    static final int FEATURES = 15;
    /** Answer from this probability that the top entry's topic is right. */
    static final double THRESHOLD = 0.93;

    private static final Logistic MODEL = new Logistic(
            new double[] {
                0.8920, 2.5924, 2.4287, -1.7120, -1.1000, 0.2085, 0.2958, 2.3311, 0.0311, -0.1529, 3.1468, -2.5006,
                -1.4608, 1.6010, 0.4578
            },
            -5.5573);
    private static final int LONG_MESSAGE = 40;

    private AnswerGate() {}

    /**
     * The signals, for candidates ranked best first (not empty): the top entry's confidence, its topic's
     * probability, the probability of an ordinary question, the best other topic's score as a share of the top's,
     * its confidence and its topic's probability, the best same-topic runner-up's confidence as a share of the
     * top's, the message's length (meaningful words, up to 40, over 40), whether the plain and the re-ranked
     * thresholds said "answer" (1 or 0), the probabilities of urgent, decline and small talk, confidence × topic
     * probability, and ln(1 + top score).
     */
    static double[] features(
            List<Candidate> ranked,
            Map<String, Double> topics,
            MessageClassifier.Reading reading,
            Tier plainTier,
            Tier byConfidence,
            int words) {
        Candidate top = ranked.get(0);
        Candidate other = null;
        Candidate sameTopic = null;
        for (Candidate c : ranked.subList(1, ranked.size())) {
            boolean same = c.entry().topic().equals(top.entry().topic());
            if (same && sameTopic == null) {
                sameTopic = c;
            } else if (!same && other == null) {
                other = c;
            }
        }
        double topic = topics.getOrDefault(top.entry().topic(), 0.0);
        double question = 1 - reading.urgent() - reading.chitchat() - reading.decline();
        return new double[] {
            top.confidence(),
            topic,
            question,
            other == null || top.score() == 0 ? 0 : other.score() / top.score(),
            other == null ? 0 : other.confidence(),
            other == null ? 0 : topics.getOrDefault(other.entry().topic(), 0.0),
            sameTopic == null || top.confidence() == 0 ? 0 : sameTopic.confidence() / top.confidence(),
            Math.min(words, LONG_MESSAGE) / (double) LONG_MESSAGE,
            plainTier == Tier.ANSWER ? 1 : 0,
            byConfidence == Tier.ANSWER ? 1 : 0,
            reading.urgent(),
            reading.decline(),
            reading.chitchat(),
            top.confidence() * topic,
            Math.log1p(top.score())
        };
    }

    /** The probability that the top entry's topic is the one asked about. */
    static double probability(double[] features) {
        return MODEL.probability(features);
    }

    static boolean answers(double probability) {
        return probability >= THRESHOLD;
    }
}
