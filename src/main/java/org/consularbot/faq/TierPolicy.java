package org.consularbot.faq;

import java.util.List;

/**
 * Thresholds that turn ranked candidates into a {@link Tier}. Answering wrongly about a fee or a hotline can
 * hurt someone, so close calls between topics become suggestions. An entry that explains nearly all of a message
 * ({@link #SURE}) is answered unless another topic's entry explains nearly as much ({@link #SURE_MARGIN}), and so
 * is one that explains all of it ({@link #WHOLE}) while clearly ahead on score ({@link #AHEAD}).
 *
 * @param answerConfidence the top candidate's confidence needed to answer
 * @param suggestConfidence below this no entry fits: fallback
 * @param closeRatio when the best entry of another topic scores at least this share of the top score, the two
 *                   are too close to choose between and the citizen is asked (entries of the same topic do not
 *                   count: a question about passports is answered by the passport entry that fits best)
 */
public record TierPolicy(double answerConfidence, double suggestConfidence, double closeRatio) {

    /**
     * Calibrated on the tune sets ({@code faq/examples/}, {@code eval/tune.tsv}; docs/evaluation.md): answering when
     * the best entry explains at least 30 % of the message and no other topic comes within half its score gave
     * 0.966 precision on 37 % of in-scope tune messages; on the blind set it gives 0.926 on 23 %.
     */
    public static final TierPolicy DEFAULT = new TierPolicy(0.30, 0.20, 0.50);

    /** Confidence of an entry that explains nearly the whole message (a corpus question asked as written). */
    static final double SURE = 0.7;
    /** How much less another topic's best entry must explain for a {@link #SURE} entry to be answered. */
    static final double SURE_MARGIN = 0.3;
    /** An entry explaining all but a tenth of the message is answered when it is also ahead on score... */
    static final double WHOLE = 0.9;
    /** ...with another topic's best at most this share of its score ("hộ chiếu hết hạn" vs the exemption certificate). */
    static final double AHEAD = 0.87;

    public TierPolicy {
        if (!(0 <= suggestConfidence && suggestConfidence <= answerConfidence && answerConfidence <= 1)) {
            throw new IllegalArgumentException("need 0 <= suggestConfidence <= answerConfidence <= 1");
        }
        if (!(0 < closeRatio && closeRatio <= 1)) {
            throw new IllegalArgumentException("closeRatio must be in (0, 1]");
        }
    }

    /**
     * The tier for candidates ranked best first (emergencies are decided before this): fallback when even the
     * best explains too little of the message, suggest when it is not sure enough or the runner-up is too close
     * to choose between, answer otherwise.
     */
    public Tier tier(List<Candidate> ranked) {
        if (ranked.isEmpty() || ranked.get(0).confidence() < suggestConfidence) {
            return Tier.FALLBACK;
        }
        Candidate top = ranked.get(0);
        List<Candidate> otherTopics = ranked.stream()
                .skip(1)
                .filter(c -> !c.entry().topic().equals(top.entry().topic()))
                .toList();
        boolean close = otherTopics.stream()
                .anyMatch(c -> c.score() >= closeRatio * top.score() && c.confidence() >= suggestConfidence);
        boolean sure = top.confidence() >= SURE
                        && otherTopics.stream().allMatch(c -> c.confidence() <= top.confidence() - SURE_MARGIN)
                || top.confidence() >= WHOLE && otherTopics.stream().allMatch(c -> c.score() <= AHEAD * top.score());
        return top.confidence() >= answerConfidence && (!close || sure) ? Tier.ANSWER : Tier.SUGGEST;
    }
}
