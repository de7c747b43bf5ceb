package org.consularbot.conversation;

import java.util.Locale;
import java.util.Optional;
import org.consularbot.faq.Language;

/**
 * What the citizen's commands do ({@code /start}, {@code /help}, {@code /lang}, {@code /human}, {@code /cancel},
 * {@code /subscribe}, {@code /unsubscribe}), and
 * the bot's own offer of an officer after two questions in a row it could not answer.
 */
final class CitizenCommands {

    private final Escalation escalation;
    private final SubscribeTurns subscriptions;

    CitizenCommands(Escalation escalation, SubscribeTurns subscriptions) {
        this.escalation = escalation;
        this.subscriptions = subscriptions;
    }

    /** Carries out the command in {@code l}, the language the conversation speaks now. */
    void apply(TurnPlan plan, CitizenCommand command, BotTexts texts, Language l) {
        plan.outcome = TurnOutcome.command(command.name().name());
        switch (command.name()) {
            case START -> plan.reply(Reply.text(ReplyKind.WELCOME, texts.welcome(l)));
            case HELP -> plan.reply(Reply.text(ReplyKind.HELP, texts.help(l)));
            case UNKNOWN -> plan.reply(Reply.text(ReplyKind.HELP, texts.unknownCommand(l)));
            case LANG -> language(plan, command.argument(), texts, l);
            case HUMAN -> human(plan, texts, l);
            case CANCEL -> {
                if (!subscriptions.cancel(plan, l)) {
                    cancel(plan, texts, l);
                }
            }
            case SUBSCRIBE -> subscriptions.subscribe(plan, l);
            case UNSUBSCRIBE -> subscriptions.unsubscribe(plan, l);
            default -> throw new IllegalStateException(command.name().name());
        }
    }

    private static void language(TurnPlan plan, String argument, BotTexts texts, Language l) {
        String code = argument.toLowerCase(Locale.ROOT);
        Optional<Language> chosen = Language.fromCode(code);
        if (chosen.isPresent()) {
            plan.preferredLanguage = chosen;
            plan.lastLanguage = chosen.get();
            plan.event(
                    ConversationEvent.Type.LANGUAGE_SET,
                    Actor.CITIZEN,
                    chosen.get().code());
            plan.reply(Reply.text(ReplyKind.LANGUAGE, texts.languageSet(chosen.get())));
        } else if (code.equals("auto")) {
            plan.preferredLanguage = Optional.empty();
            plan.event(ConversationEvent.Type.LANGUAGE_SET, Actor.CITIZEN, "auto");
            plan.reply(Reply.text(ReplyKind.LANGUAGE, texts.languageAuto(plan.lastLanguage)));
        } else {
            plan.reply(Reply.text(ReplyKind.LANGUAGE, texts.languageUsage(l)));
        }
    }

    /** "/human", or an officer offered: asks for one when one can be reached, else says how to reach the mission. */
    void human(TurnPlan plan, BotTexts texts, Language l) {
        if (plan.state == ConversationState.WAITING_FOR_OFFICER) {
            plan.reply(Reply.text(ReplyKind.HANDOFF, texts.humanAlreadyRequested(l)));
        } else if (plan.state == ConversationState.WITH_OFFICER) {
            plan.reply(Reply.text(ReplyKind.HANDOFF, texts.withOfficerAlready(l)));
        } else if (escalation.available()) {
            plan.change(Trigger.HUMAN_REQUESTED, Actor.CITIZEN);
            plan.event(ConversationEvent.Type.ESCALATION, Actor.CITIZEN, "officer requested");
            Conversation after = plan.after();
            plan.afterCommit.add(
                    () -> escalation.requestOfficer(OfficerRequest.of(after, l, OfficerRequest.Reason.CITIZEN_ASKED)));
            plan.reply(Reply.text(ReplyKind.HANDOFF, texts.humanRequested(l, escalation.onDuty())));
        } else if (plan.replies.stream().noneMatch(r -> r.kind() == ReplyKind.HANDOFF)) {
            // not twice when this turn already said the officers went away
            plan.reply(Reply.text(ReplyKind.HANDOFF, texts.humanUnavailable(l)));
        }
    }

    private void cancel(TurnPlan plan, BotTexts texts, Language l) {
        switch (plan.state) {
            case AWAITING_CHOICE -> {
                plan.change(Trigger.CITIZEN_CANCELLED, Actor.CITIZEN);
                plan.reply(Reply.text(ReplyKind.CANCEL, texts.choiceCancelled(l)));
            }
            case WAITING_FOR_OFFICER, WITH_OFFICER -> {
                plan.change(Trigger.CITIZEN_CANCELLED, Actor.CITIZEN);
                Conversation after = plan.after();
                plan.afterCommit.add(() -> escalation.withdraw(after));
                plan.reply(Reply.text(ReplyKind.CANCEL, texts.humanCancelled(l)));
            }
            default -> plan.reply(Reply.text(ReplyKind.CANCEL, texts.nothingToCancel(l)));
        }
    }

    /**
     * Two turns in a row without an answer (the safe fallback, or 👎 then no answer): the bot cannot help, so it
     * asks an officer in, as if the citizen had typed /human. Officers must be reachable, else the reply already
     * gives the hotline and /human.
     */
    void offerOfficerAfterUnanswered(TurnPlan plan, BotTexts texts, Language l) {
        if (plan.unansweredStreak >= 2 && plan.state == ConversationState.BOT_ANSWERING && escalation.available()) {
            plan.change(Trigger.HUMAN_REQUESTED, Actor.BOT);
            plan.event(ConversationEvent.Type.ESCALATION, Actor.BOT, "two questions in a row without an answer");
            Conversation after = plan.after();
            plan.afterCommit.add(
                    () -> escalation.requestOfficer(OfficerRequest.of(after, l, OfficerRequest.Reason.TWO_UNANSWERED)));
            plan.reply(Reply.text(ReplyKind.HANDOFF, texts.humanRequested(l, escalation.onDuty())));
            plan.unansweredStreak = 0;
        }
    }
}
