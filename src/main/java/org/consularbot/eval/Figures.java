package org.consularbot.eval;

import java.util.List;
import java.util.function.Predicate;
import org.consularbot.faq.Tier;

/**
 * The figures {@code eval} reports for a group of messages. Each share is over the messages it concerns and
 * is NaN when there are none.
 *
 * @param top1            in-scope messages whose first shown candidate (answer, first suggestion or emergency entry) is right
 * @param answerPrecision messages answered outright (answer tier) with the right entry, among all answered
 * @param answerRate      in-scope messages answered outright and rightly
 * @param rejection       out-of-scope messages (NONE, small talk, declines) given no FAQ entry (fallback, chitchat, decline)
 * @param emergencyRecall urgent messages that got the emergency tier
 * @param falseEmergency  other messages that got the emergency tier
 * @param mrr             mean reciprocal rank of the right entry among the ranked candidates, in-scope messages
 * @param faqHandled      in-scope messages the FAQ handles (any tier but fallback): no call to the fallback's LLM
 * @param situationRight  urgent messages with a labelled situation, detected, whose situation was named right
 * @param chitchat        small-talk messages given the chitchat tier
 * @param declined        out-of-scope messages with a decline class declined with that class's pointer
 * @param urgentWarned    urgent messages given the emergency tier or, when the triage was unsure, an FAQ reply with
 *                        the hotline on top and the "I am in danger" button
 */
public record Figures(
        int count,
        double top1,
        double answerPrecision,
        double answerRate,
        double rejection,
        double emergencyRecall,
        double falseEmergency,
        double mrr,
        double faqHandled,
        double situationRight,
        double chitchat,
        double declined,
        double urgentWarned) {

    public static final String URGENT_KIND = "urgent";

    public static Figures of(List<QueryOutcome> outcomes) {
        List<QueryOutcome> inScope = only(outcomes, o -> !o.query().expectsNone());
        List<QueryOutcome> none = only(outcomes, o -> o.query().expectsNone());
        List<QueryOutcome> answered = only(outcomes, o -> o.tier() == Tier.ANSWER);
        List<QueryOutcome> urgent = only(outcomes, o -> o.query().urgent());
        List<QueryOutcome> notUrgent = only(outcomes, o -> !o.query().urgent());
        List<QueryOutcome> detected =
                only(urgent, o -> o.tier() == Tier.EMERGENCY && o.query().situation() != null);
        List<QueryOutcome> smallTalk = only(outcomes, o -> o.query().expectsChitchat());
        List<QueryOutcome> declines = only(outcomes, o -> o.query().expectsDecline());
        return new Figures(
                outcomes.size(),
                share(inScope, QueryOutcome::topCorrect),
                share(answered, QueryOutcome::answeredCorrectly),
                share(inScope, QueryOutcome::answeredCorrectly),
                share(none, o -> o.tier() == Tier.FALLBACK || o.tier() == Tier.CHITCHAT || o.tier() == Tier.DECLINE),
                share(urgent, o -> o.tier() == Tier.EMERGENCY),
                share(notUrgent, o -> o.tier() == Tier.EMERGENCY),
                inScope.isEmpty()
                        ? Double.NaN
                        : inScope.stream()
                                        .mapToDouble(o -> o.rank() == 0 ? 0 : 1.0 / o.rank())
                                        .sum()
                                / inScope.size(),
                share(inScope, o -> o.tier() != Tier.FALLBACK),
                share(detected, QueryOutcome::situationRight),
                share(smallTalk, o -> o.tier() == Tier.CHITCHAT),
                share(declines, QueryOutcome::declinedRightly),
                share(
                        urgent,
                        o -> o.tier() == Tier.EMERGENCY
                                || o.result().emergency().isPresent() && o.tier() != Tier.CHITCHAT));
    }

    private static List<QueryOutcome> only(List<QueryOutcome> outcomes, Predicate<QueryOutcome> filter) {
        return outcomes.stream().filter(filter).toList();
    }

    private static double share(List<QueryOutcome> group, Predicate<QueryOutcome> part) {
        return group.isEmpty()
                ? Double.NaN
                : (double) group.stream().filter(part).count() / group.size();
    }
}
