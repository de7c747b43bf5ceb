package org.consularbot.eval;

import java.util.List;
import org.consularbot.faq.Tier;

/**
 * The figures {@code eval} reports for a group of messages. Each share is over the messages it concerns and
 * is NaN when there are none.
 *
 * @param top1            in-scope messages whose first shown candidate (answer, first suggestion or emergency entry) is right
 * @param answerPrecision messages answered outright (answer tier) with the right entry, among all answered
 * @param answerRate      in-scope messages answered outright and rightly
 * @param rejection       out-of-scope (NONE) messages sent to fallback
 * @param emergencyRecall {@code urgent} messages that got the emergency tier
 * @param falseEmergency  other messages that got the emergency tier
 * @param mrr             mean reciprocal rank of the right entry among the ranked candidates, in-scope messages
 * @param faqHandled      in-scope messages the FAQ handles (any tier but fallback): no call to the fallback's LLM
 */
public record Figures(int count, double top1, double answerPrecision, double answerRate, double rejection,
                      double emergencyRecall, double falseEmergency, double mrr, double faqHandled) {

    public static final String URGENT_KIND = "urgent";

    public static Figures of(List<QueryOutcome> outcomes) {
        List<QueryOutcome> inScope = outcomes.stream().filter(o -> !o.query().expectsNone()).toList();
        List<QueryOutcome> none = outcomes.stream().filter(o -> o.query().expectsNone()).toList();
        List<QueryOutcome> answered = outcomes.stream().filter(o -> o.tier() == Tier.ANSWER).toList();
        List<QueryOutcome> urgent = outcomes.stream().filter(o -> URGENT_KIND.equals(o.query().kind())).toList();
        List<QueryOutcome> notUrgent = outcomes.stream().filter(o -> !URGENT_KIND.equals(o.query().kind())).toList();
        return new Figures(outcomes.size(),
                share(inScope.stream().filter(QueryOutcome::topCorrect).count(), inScope.size()),
                share(answered.stream().filter(QueryOutcome::answeredCorrectly).count(), answered.size()),
                share(inScope.stream().filter(QueryOutcome::answeredCorrectly).count(), inScope.size()),
                share(none.stream().filter(o -> o.tier() == Tier.FALLBACK).count(), none.size()),
                share(urgent.stream().filter(o -> o.tier() == Tier.EMERGENCY).count(), urgent.size()),
                share(notUrgent.stream().filter(o -> o.tier() == Tier.EMERGENCY).count(), notUrgent.size()),
                inScope.isEmpty() ? Double.NaN
                        : inScope.stream().mapToDouble(o -> o.rank() == 0 ? 0 : 1.0 / o.rank()).sum() / inScope.size(),
                share(inScope.stream().filter(o -> o.tier() != Tier.FALLBACK).count(), inScope.size()));
    }

    private static double share(long part, int whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }
}
