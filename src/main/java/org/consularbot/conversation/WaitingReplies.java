package org.consularbot.conversation;

import java.util.List;
import java.util.Optional;
import org.consularbot.faq.FaqEntry;
import org.consularbot.faq.Language;
import org.consularbot.faq.MatchResult;
import org.consularbot.faq.Tier;

/**
 * What the bot says while a citizen waits for an officer to take their request (every message is relayed as well).
 * A question the FAQ answers (the matcher's own decision, the answer tier) still gets its answer, with a line saying it
 * went to the officers too: "do I need to quarantine?" after an emergency deserves the answer the bot has. Anything
 * else is acknowledged as passed on, with the hotline. No "did you mean" choices: picking one would take the
 * conversation out of waiting, and the officers will read the question anyway.
 */
final class WaitingReplies {

    private WaitingReplies() {}

    /** @param match the matcher's reading of the message; null when there was nothing to read (a button, a photo) */
    static void reply(TurnPlan plan, MatchResult match) {
        Language l = plan.language();
        Emergencies.hintIfUnsure(plan, match, l);
        if (match != null && match.tier() == Tier.ANSWER && plan.message.kind() == ContentKind.TEXT) {
            FaqEntry entry = match.top().orElseThrow().entry();
            Reply answer = FaqReplies.answer(plan.texts(), entry, l, List.of()).reply();
            plan.reply(new Reply(
                    answer.kind(),
                    answer.text() + "\n\n" + plan.texts().alsoPassedOn(l),
                    answer.choices(),
                    answer.feedback(),
                    answer.entryId()));
            plan.lastEntry = Optional.of(entry.id());
            plan.outcome = TurnOutcome.of(TurnOutcome.Kind.ANSWER);
            plan.unansweredStreak = 0;
        } else {
            plan.reply(Reply.text(ReplyKind.HANDOFF, plan.texts().passedOn(l)));
        }
    }
}
