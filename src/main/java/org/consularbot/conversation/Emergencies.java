package org.consularbot.conversation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.consularbot.faq.Candidate;
import org.consularbot.faq.Emergency;
import org.consularbot.faq.Language;
import org.consularbot.faq.MatchResult;
import org.consularbot.faq.Tier;
import org.consularbot.faq.Whereabouts;

/**
 * What the bot does when someone is in danger, in every state: the hotline and the situation's first steps before
 * anything else, and an urgent call for the duty officers. The same emergency again within {@link #REPEAT_WINDOW} of
 * its declaration (what the conversation remembers, {@link DeclaredEmergency}) is answered once: with officers on it,
 * the message goes to their ticket and the citizen gets a short acknowledgement; with none to reach, a short reply
 * with the hotline. A citizen writing "cứu em" ten times raises one urgent card, and the officer reads all ten.
 *
 * <p>Emergencies never meet the citizen rate limit ({@link Dialogue} decides them first): a person in danger is never
 * silenced, and this window, not the limit, is what keeps a flood of them from flooding the officers.
 */
final class Emergencies {

    /** The same emergency again within this of its declaration is acknowledged, not answered and raised again. */
    static final Duration REPEAT_WINDOW = Duration.ofMinutes(10);

    private final Escalation escalation;

    Emergencies(Escalation escalation) {
        this.escalation = escalation;
    }

    /** Someone is in danger: the triage was sure ({@code match}), or the citizen pressed "I am in danger" (null). */
    void answer(TurnPlan plan, MatchResult match) {
        Language l = match == null ? plan.language() : plan.preferredLanguage.orElse(match.language());
        String situation = match == null
                ? DeclaredEmergency.DANGER_BUTTON
                : match.emergency().map(Emergency::situation).orElse("emergency");
        boolean officers = escalation.available();
        Optional<DeclaredEmergency> again = plan.conversation
                .lastEmergency()
                .filter(declared -> declared.repeatedBy(situation, plan.now, REPEAT_WINDOW));
        if (again.isPresent() && again.get().officersAlerted() && plan.state.humanInCharge()) {
            // Officers have it, urgent: this message goes to them on the ticket, the citizen gets a short
            // acknowledgement with the hotline, not the first steps again and another urgent card.
            plan.relayTo(escalation);
            plan.outcome = TurnOutcome.of(TurnOutcome.Kind.EMERGENCY);
            plan.event(ConversationEvent.Type.ESCALATION, Actor.BOT, "emergency repeated: relayed to the ticket");
            plan.reply(Reply.text(
                    ReplyKind.EMERGENCY,
                    plan.texts().emergency().repeated(l, whereabouts(plan, match), escalation.onDuty())));
        } else if (again.isPresent() && !officers) {
            // Nobody to relay to: the first steps went a moment ago; whom to call is the help, in three lines.
            plan.outcome = TurnOutcome.of(TurnOutcome.Kind.EMERGENCY);
            plan.event(ConversationEvent.Type.ESCALATION, Actor.BOT, "emergency repeated: hotline, no officer");
            plan.replies.add(
                    0,
                    Reply.text(ReplyKind.EMERGENCY, plan.texts().emergency().stepsSent(l, whereabouts(plan, match))));
        } else {
            // New, a different situation, past the window, or one the officers never had urgently (declared while
            // none could be reached, or they let the conversation go since): the whole reply and an urgent call.
            declare(plan, match, l, situation, officers);
        }
    }

    private void declare(TurnPlan plan, MatchResult match, Language l, String situation, boolean officers) {
        StringBuilder text = new StringBuilder(plan.texts().emergency().header(l));
        Optional<Candidate> firstSteps = match == null ? Optional.empty() : match.top();
        Whereabouts where = whereabouts(plan, match);
        firstSteps.ifPresent(top -> text.append("\n\n").append(plan.texts().answer(top.entry(), l, where)));
        firstSteps.ifPresent(top -> plan.lastEntry = Optional.of(top.entry().id()));
        String described = (match == null ? "declared by the citizen" : situation)
                + where.elsewhere()
                        .map(c -> " (in " + c.nameAfterIn(Language.EN) + ")")
                        .orElse(where.unclear() ? " (country unclear)" : "");
        plan.outcome = TurnOutcome.of(TurnOutcome.Kind.EMERGENCY);
        plan.event(ConversationEvent.Type.ESCALATION, Actor.BOT, "emergency: " + described);
        boolean alerted = plan.state.humanInCharge() || officers;
        if (plan.state.humanInCharge()) {
            plan.relayTo(escalation);
            plan.afterCommit.add(() -> escalation.requestOfficer(OfficerRequest.emergency(plan.after(), l, described)));
        } else if (officers) {
            plan.change(Trigger.EMERGENCY_ESCALATED, Actor.BOT);
            // "Alerted" only when somebody is on duty to read it; otherwise the honest reply, the hotline first.
            text.append("\n\n")
                    .append(
                            escalation.onDuty()
                                    ? plan.texts().emergency().officerAlerted(l)
                                    : plan.texts().emergency().noOfficerOnDuty(l));
            Conversation after = plan.after();
            plan.afterCommit.add(() -> escalation.requestOfficer(OfficerRequest.emergency(after, l, described)));
        }
        plan.declared = Optional.of(new DeclaredEmergency(situation, plan.now, alerted));
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
     * Above an answer when the triage was unsure: the hotline first, and one press brings an officer (for where they
     * said they are). Nothing when the triage saw no danger, or read small talk.
     */
    static void hintIfUnsure(TurnPlan plan, MatchResult match, Language l) {
        if (match == null || match.emergency().isEmpty() || match.tier() == Tier.CHITCHAT) {
            return;
        }
        whereabouts(plan, match);
        plan.reply(new Reply(
                ReplyKind.SAFETY,
                plan.texts().emergency().dangerHint(l),
                List.of(new Button(plan.texts().emergency().dangerButton(l), Dialogue.DANGER)),
                List.of(),
                Optional.empty()));
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
