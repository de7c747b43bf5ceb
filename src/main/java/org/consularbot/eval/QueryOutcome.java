package org.consularbot.eval;

import org.consularbot.faq.Candidate;
import org.consularbot.faq.MatchResult;
import org.consularbot.faq.Tier;

/** What the matcher did with one labelled message, and whether that was right. */
public record QueryOutcome(EvalQuery query, MatchResult result) {

    public Tier tier() {
        return result.tier();
    }

    /** 1-based rank of the first candidate that fits the expectation; 0 when none does (or NONE expected). */
    public int rank() {
        if (query.expectsNone()) {
            return 0;
        }
        for (int i = 0; i < result.ranked().size(); i++) {
            if (fits(result.ranked().get(i))) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Right at the first position shown to the citizen: the answer, the first suggestion or the emergency entry. */
    public boolean topCorrect() {
        return !query.expectsNone() && shows() && rank() == 1;
    }

    /** The citizen was given an FAQ answer (answer tier) and it was the right one. */
    public boolean answeredCorrectly() {
        return tier() == Tier.ANSWER && !query.expectsNone() && rank() == 1;
    }

    /** An emergency whose situation is the labelled one. */
    public boolean situationRight() {
        return tier() == Tier.EMERGENCY
                && result.emergency()
                        .map(e -> e.situation().equals(query.situation()))
                        .orElse(false);
    }

    /** Declined with the pointer of the labelled class (any class when none is labelled). */
    public boolean declinedRightly() {
        return tier() == Tier.DECLINE
                && (query.label() == null
                        || result.reason().map(query.label()::equals).orElse(false));
    }

    private boolean shows() {
        return tier() == Tier.ANSWER || tier() == Tier.SUGGEST || tier() == Tier.EMERGENCY;
    }

    private boolean fits(Candidate candidate) {
        return query.expectedTopics().stream()
                .anyMatch(e -> candidate.entry().id().equals(e)
                        || candidate.entry().topic().equals(e));
    }
}
