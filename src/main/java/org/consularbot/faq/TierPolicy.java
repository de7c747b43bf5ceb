package org.consularbot.faq;

import java.util.List;

/**
 * Thresholds that turn ranked candidates into a {@link Tier}. Answering wrongly about a fee or a hotline can
 * hurt someone, so the bar for {@link Tier#ANSWER} is high and close calls become suggestions.
 *
 * @param answerConfidence the top candidate's confidence needed to answer
 * @param suggestConfidence below this no entry fits: fallback
 * @param closeRatio when the runner-up scores at least this share of the top score, the two are too close to
 *                   choose between and the citizen is asked
 */
public record TierPolicy(double answerConfidence, double suggestConfidence, double closeRatio) {

    public static final TierPolicy DEFAULT = new TierPolicy(0.70, 0.25, 0.90);

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
        boolean close = ranked.size() > 1 && ranked.get(1).score() >= closeRatio * top.score()
                && ranked.get(1).confidence() >= suggestConfidence;
        return top.confidence() >= answerConfidence && !close ? Tier.ANSWER : Tier.SUGGEST;
    }
}
