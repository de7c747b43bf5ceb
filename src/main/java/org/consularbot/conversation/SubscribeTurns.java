package org.consularbot.conversation;

import java.util.List;
import java.util.Optional;
import org.consularbot.advisory.SignupExchange;
import org.consularbot.advisory.Subscriber;
import org.consularbot.faq.Country;
import org.consularbot.faq.Language;
import org.consularbot.faq.MatchResult;
import org.consularbot.faq.Tier;

/**
 * The advisories subscription inside a citizen's turn: {@code /subscribe}, {@code /unsubscribe}, {@code /cancel} while
 * subscribing, and the answers to its questions. Consent is written to its store during the turn, under the
 * conversation's lock and before the confirming reply is committed; a turn decided again meets the exchange one step
 * further (the country said again is asked about again; a region answered again gets the FAQ's reply). Only while the
 * bot answers (no officer in charge) does a message count as an answer; anything else is left to the FAQ.
 */
final class SubscribeTurns {

    private final SignupExchange exchange;

    SubscribeTurns(SignupExchange exchange) {
        this.exchange = exchange;
    }

    void subscribe(TurnPlan plan, Language l) {
        plan.reply(Reply.text(ReplyKind.SUBSCRIPTION, exchange.start(who(plan), l, countries(plan), plan.now)));
    }

    void unsubscribe(TurnPlan plan, Language l) {
        plan.reply(Reply.text(ReplyKind.SUBSCRIPTION, exchange.stop(who(plan), l, plan.now)));
    }

    /** {@code /cancel} while subscribing leaves the exchange; false when none is open. */
    boolean cancel(TurnPlan plan, Language l) {
        Optional<String> said = exchange.cancel(who(plan), l, plan.now);
        said.ifPresent(text -> plan.reply(Reply.text(ReplyKind.CANCEL, text)));
        return said.isPresent();
    }

    /** Whether the message answered the exchange's open question (and the reply is planned). */
    boolean answer(TurnPlan plan, String text, MatchResult match) {
        if (plan.state.humanInCharge() || text.codePoints().noneMatch(Character::isLetter)) {
            return false;
        }
        // small talk ("cảm ơn") and declines are the FAQ's too: never taken for a region
        boolean faqAnswers = match != null
                && (match.tier() == Tier.ANSWER
                        || match.tier() == Tier.SUGGEST
                        || match.tier() == Tier.CHITCHAT
                        || match.tier() == Tier.DECLINE);
        Optional<String> said =
                exchange.answer(who(plan), plan.language(), text, faqAnswers, countries(plan), plan.now);
        said.ifPresent(reply -> {
            if (plan.state == ConversationState.AWAITING_CHOICE) {
                plan.change(Trigger.CHOICE_SETTLED, Actor.CITIZEN);
            }
            plan.reply(Reply.text(ReplyKind.SUBSCRIPTION, reply));
            plan.outcome = TurnOutcome.command("subscribe");
        });
        return said.isPresent();
    }

    /** After an FAQ answer given while the exchange waits: one line saying it still does. */
    void remind(TurnPlan plan) {
        exchange.reminder(who(plan), plan.language(), plan.now)
                .ifPresent(text -> plan.reply(Reply.text(ReplyKind.SUBSCRIPTION, text)));
    }

    private static Subscriber who(TurnPlan plan) {
        ConversationKey key = plan.message.conversation();
        return new Subscriber(key.channel(), key.chatId());
    }

    private static List<Country> countries(TurnPlan plan) {
        return plan.corpus().countries().all();
    }
}
