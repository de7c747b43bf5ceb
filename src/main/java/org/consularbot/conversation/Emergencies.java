package org.consularbot.conversation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.consularbot.faq.Candidate;
import org.consularbot.faq.Language;
import org.consularbot.faq.MatchResult;
import org.consularbot.faq.Whereabouts;

/**
 * What the bot does when someone is in danger, in every state: the hotline and the situation's first steps before
 * anything else, and an urgent call for the duty officers. Kept apart from {@link Dialogue} because it is the one
 * turn that must never go wrong.
 */
final class Emergencies {

    /** A repeated emergency within this of the conversation's last turn is acknowledged, not answered again. */
    static final Duration REPEAT_WINDOW = Duration.ofMinutes(10);

    private final Escalation escalation;

    Emergencies(Escalation escalation) {
        this.escalation = escalation;
    }

    /** Someone is in danger: the triage was sure ({@code match}), or the citizen pressed "I am in danger" (null). */
    void answer(TurnPlan plan, MatchResult match) {
        Language l = match == null ? plan.language() : plan.preferredLanguage.orElse(match.language());
        if (repeated(plan, match)) {
            // The same emergency again while officers have it ("cứu em", "nhanh lên"): the message goes to them on
            // the ticket, the citizen gets a short acknowledgement with the hotline, not the first steps and a new
            // urgent card each time.
            plan.relayTo(escalation);
            plan.outcome = TurnOutcome.of(TurnOutcome.Kind.EMERGENCY);
            plan.event(ConversationEvent.Type.ESCALATION, Actor.BOT, "emergency repeated: relayed to the ticket");
            plan.reply(Reply.text(ReplyKind.EMERGENCY, plan.texts().emergencyRepeated(l)));
            return;
        }
        StringBuilder text = new StringBuilder(plan.texts().emergencyHeader(l));
        Optional<Candidate> firstSteps = match == null ? Optional.empty() : match.top();
        Whereabouts where = whereabouts(plan, match);
        firstSteps.ifPresent(top -> text.append("\n\n").append(plan.texts().answer(top.entry(), l, where)));
        firstSteps.ifPresent(top -> plan.lastEntry = Optional.of(top.entry().id()));
        String situation = (match == null
                        ? "declared by the citizen"
                        : match.emergency().map(e -> e.situation()).orElse("emergency"))
                + where.elsewhere()
                        .map(c -> " (in " + c.nameAfterIn(Language.EN) + ")")
                        .orElse(where.unclear() ? " (country unclear)" : "");
        plan.outcome = TurnOutcome.of(TurnOutcome.Kind.EMERGENCY);
        plan.event(ConversationEvent.Type.ESCALATION, Actor.BOT, "emergency: " + situation);
        if (plan.state.humanInCharge()) {
            plan.relayTo(escalation);
            plan.afterCommit.add(() -> escalation.requestOfficer(OfficerRequest.emergency(plan.after(), l, situation)));
        } else if (escalation.available()) {
            plan.change(Trigger.EMERGENCY_ESCALATED, Actor.BOT);
            text.append("\n\n").append(plan.texts().officerAlerted(l));
            Conversation after = plan.after();
            plan.afterCommit.add(() -> escalation.requestOfficer(OfficerRequest.emergency(after, l, situation)));
        }
        plan.outcome = TurnOutcome.of(TurnOutcome.Kind.EMERGENCY);
        // first, before any other notice of this turn: the hotline is what a citizen in danger must read first
        plan.replies.add(
                0,
                new Reply(
                        ReplyKind.EMERGENCY,
                        text.toString(),
                        List.of(),
                        List.of(),
                        firstSteps.map(top -> top.entry().id())));
    }

    /**
     * Whether this is the emergency the citizen declared a moment ago, still with the officers: same first steps,
     * an officer waiting or in charge, the conversation's last turn within {@link #REPEAT_WINDOW}.
     */
    private static boolean repeated(TurnPlan plan, MatchResult match) {
        return match != null
                && plan.state.humanInCharge()
                && match.top().isPresent()
                && plan.lastEntry.equals(Optional.of(match.top().get().entry().id()))
                && Duration.between(plan.conversation.updatedAt(), plan.now).compareTo(REPEAT_WINDOW) < 0;
    }

    /**
     * Where the person in danger is: what this message says, else what the conversation remembers from an earlier
     * message about the situation. Said in a message the triage reads as danger, it is remembered; a country named in
     * an ordinary question (a visa for Japan) is not, since it is often where the citizen is going.
     */
    static Whereabouts whereabouts(TurnPlan plan, MatchResult match) {
        Whereabouts said = match == null ? Whereabouts.UNSAID : plan.corpus().whereabouts(plan.message.text());
        said.elsewhere().ifPresent(country -> plan.countrySaid = Optional.of(country.iso2()));
        if (said.said() == Whereabouts.Said.HOST && !plan.corpus().hostCountry().isEmpty()) {
            plan.countrySaid = Optional.of(plan.corpus().hostCountry());
        }
        return said.said() == Whereabouts.Said.NOTHING ? plan.corpus().remembered(plan.conversation.country()) : said;
    }
}
