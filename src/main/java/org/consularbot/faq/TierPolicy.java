package org.consularbot.faq;

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
}
