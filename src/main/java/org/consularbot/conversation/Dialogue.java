package org.consularbot.conversation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consularbot.advisory.SignupExchange;
import org.consularbot.faq.Candidate;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.FaqEntry;
import org.consularbot.faq.FaqMatcher;
import org.consularbot.faq.Language;
import org.consularbot.faq.MatchResult;
import org.consularbot.faq.Tier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides one turn: what the bot says and how the conversation moves. Emergencies come first, in every state,
 * and before the citizen rate limit: a person in danger is never silenced ({@link Emergencies} answers the same
 * emergency again once per window instead, so a flood of them costs the officers one urgent card); then commands
 * and buttons; then, while an officer holds the conversation, the bot relays (and says it reached them); while one
 * is awaited, it relays and still answers what the FAQ answers ({@link WaitingReplies}); otherwise the FAQ tier decides
 * (answer, "did you mean", fallback). No I/O: the store commits the result.
 */
public final class Dialogue {

    static final String CHOICE_PREFIX = "faq:";
    static final String FEEDBACK_PREFIX = "fb:";
    /** The payload of the "I am in danger" button. */
    static final String DANGER = "sos";

    private static final Pattern NUMBER = Pattern.compile("\\s*#?\\s*(\\d{1,2})\\s*[.)]?\\s*");
    private static final Logger log = LoggerFactory.getLogger(Dialogue.class);

    /** Read once per turn: a turn running across a reload decides wholly with the knowledge it started with. */
    private final Supplier<Knowledge> knowledge;

    private final Escalation escalation;
    private final CitizenCommands commands;
    private final SubscribeTurns subscriptions;
    private final Emergencies emergencies;
    private final CitizenRateLimiter limiter;
    private final Clock clock;

    /** A dialogue on one fixed knowledge (tests, tools). */
    public Dialogue(
            Corpus corpus,
            FaqMatcher matcher,
            FallbackAnswerer fallback,
            Escalation escalation,
            CitizenRateLimiter limiter,
            Clock clock) {
        this(constant(Knowledge.of(corpus, matcher, fallback)), escalation, limiter, clock);
    }

    /** A dialogue that offers no advisories subscription ({@code /subscribe} says so). */
    public Dialogue(Supplier<Knowledge> knowledge, Escalation escalation, CitizenRateLimiter limiter, Clock clock) {
        this(knowledge, escalation, SignupExchange.notOffered(), limiter, clock);
    }

    /**
     * @param knowledge what the bot knows now; staff's edits replace it, and each turn reads it once
     * @param signups   the advisories subscription exchange (its store is written during the turn)
     */
    public Dialogue(
            Supplier<Knowledge> knowledge,
            Escalation escalation,
            SignupExchange signups,
            CitizenRateLimiter limiter,
            Clock clock) {
        this.knowledge = knowledge;
        this.escalation = escalation;
        this.subscriptions = new SubscribeTurns(signups);
        this.commands = new CitizenCommands(escalation, subscriptions);
        this.emergencies = new Emergencies(escalation);
        this.limiter = limiter;
        this.clock = clock;
    }

    private static Supplier<Knowledge> constant(Knowledge knowledge) {
        return () -> knowledge;
    }

    Decision decide(Conversation conversation, InboundMessage message, long inboundId) {
        TurnPlan plan = new TurnPlan(conversation, message, clock.instant(), knowledge.get());
        if (plan.state == ConversationState.CLOSED) {
            plan.change(Trigger.REOPENED, Actor.CITIZEN);
        }
        if (plan.state.humanInCharge() && !escalation.available()) {
            // Officers went away (handoff switched off): never leave the citizen waiting in silence.
            plan.change(Trigger.OFFICER_RELEASED, Actor.SYSTEM);
            plan.reply(Reply.text(ReplyKind.HANDOFF, plan.texts().humanUnavailable(plan.conversation.replyLanguage())));
        }
        String text = message.text();
        Optional<CitizenCommand> command =
                message.kind() == ContentKind.TEXT ? CitizenCommand.parse(text) : Optional.empty();
        MatchResult match = command.isEmpty() && !blank(text) && message.kind() != ContentKind.BUTTON
                ? plan.matcher().match(text, context(plan))
                : null;
        // a bare number, "?" or an emoji says nothing about the language: the conversation's stays
        if (match != null && message.kind() == ContentKind.TEXT && hasLetters(text)) {
            plan.lastLanguage = match.language();
        }
        boolean feedback = message.kind() == ContentKind.BUTTON && text.startsWith(FEEDBACK_PREFIX);
        boolean danger = message.kind() == ContentKind.BUTTON && text.equals(DANGER);
        if (match != null && match.tier() == Tier.EMERGENCY || danger) {
            emergencies.answer(plan, match);
        } else if (plan.state == ConversationState.WITH_OFFICER && command.isEmpty() && !feedback) {
            // The officer reads everything the citizen sends, photos and old choice buttons included; the bot
            // neither answers over the officer nor rate-limits what goes to them, but says it reached them.
            plan.relayTo(escalation, true);
        } else if (plan.state == ConversationState.WAITING_FOR_OFFICER && command.isEmpty() && !feedback) {
            // Nobody has taken it yet: everything still goes to the officers, and the bot answers what it can
            // (within the rate limit, as any turn), so waiting for a human is never waiting in silence.
            plan.relayTo(escalation);
            if (!limited(plan)) {
                WaitingReplies.reply(plan, match);
            }
        } else if (limited(plan)) {
            // told once, or quiet: the message is stored all the same
        } else if (message.kind() == ContentKind.BUTTON) {
            button(plan, text);
        } else if (!message.kind().readable()) {
            plan.reply(Reply.text(ReplyKind.NOT_TEXT, plan.texts().notText(plan.language())));
            plan.outcome = TurnOutcome.of(TurnOutcome.Kind.NOT_TEXT);
        } else if (command.isPresent()) {
            commands.apply(plan, command.get(), plan.texts(), plan.language());
        } else if (!subscriptions.answer(plan, text, match)) {
            question(plan, text, match);
            subscriptions.remind(plan);
        }
        return new Decision(plan.record(inboundId), plan.afterCommit);
    }

    /**
     * The turn when deciding failed (a bug, or a message nothing foresaw): the citizen still gets the
     * no-answer reply with the hotline, and the message is marked handled so it cannot block recovery.
     */
    Decision failSafe(Conversation conversation, InboundMessage message, long inboundId) {
        TurnPlan plan = new TurnPlan(conversation, message, clock.instant(), knowledge.get());
        plan.reply(Reply.text(ReplyKind.FALLBACK, plan.texts().noAnswer(conversation.replyLanguage())));
        plan.outcome = TurnOutcome.of(TurnOutcome.Kind.ERROR);
        return new Decision(plan.record(inboundId), List.of());
    }

    /**
     * What a follow-up is read against: a question of the entry last answered or offered first (an entry id is all
     * the conversation keeps of the topic, never the citizen's words).
     */
    private String context(TurnPlan plan) {
        return plan.lastEntry
                .flatMap(plan.corpus()::entry)
                .map(entry -> entry.questions(plan.conversation.replyLanguage()).stream()
                        .findFirst()
                        .orElse(null))
                .orElse(null);
    }

    private boolean limited(TurnPlan plan) {
        CitizenRateLimiter.Verdict verdict =
                limiter.check(plan.message.conversation().channel() + ":" + plan.message.userId());
        if (verdict == CitizenRateLimiter.Verdict.ALLOWED) {
            return false;
        }
        plan.outcome = TurnOutcome.of(TurnOutcome.Kind.RATE_LIMITED);
        plan.event(
                ConversationEvent.Type.RATE_LIMITED,
                Actor.SYSTEM,
                verdict == CitizenRateLimiter.Verdict.LIMITED_NOTIFY ? "notified" : "quiet");
        if (verdict == CitizenRateLimiter.Verdict.LIMITED_NOTIFY) {
            plan.reply(Reply.text(ReplyKind.RATE_LIMITED, plan.texts().rateLimited(plan.language())));
        }
        return true;
    }

    private void button(TurnPlan plan, String payload) {
        Language l = plan.language();
        if (payload.startsWith(CHOICE_PREFIX)) {
            Optional<FaqEntry> entry = plan.corpus().entry(payload.substring(CHOICE_PREFIX.length()));
            if (entry.isPresent()) {
                answer(plan, entry.get(), l);
                plan.outcome = TurnOutcome.of(TurnOutcome.Kind.CHOICE);
                return;
            }
        } else if (payload.startsWith(FEEDBACK_PREFIX)
                && payload.length() > FEEDBACK_PREFIX.length() + 2
                && "+-".indexOf(payload.charAt(FEEDBACK_PREFIX.length())) >= 0
                && payload.charAt(FEEDBACK_PREFIX.length() + 1) == ':') {
            boolean helpful = payload.charAt(FEEDBACK_PREFIX.length()) == '+';
            String entryId = payload.substring(FEEDBACK_PREFIX.length() + 2);
            if (plan.corpus().entry(entryId).isPresent()) {
                plan.feedback = Optional.of(new Feedback(entryId, helpful, plan.now));
                // A 👎 means the answer did not help: the next unanswered question brings an officer in.
                plan.unansweredStreak = helpful ? 0 : Math.max(plan.unansweredStreak, 1);
                plan.event(
                        ConversationEvent.Type.FEEDBACK,
                        Actor.CITIZEN,
                        (helpful ? "helpful " : "not helpful ") + entryId);
                plan.reply(Reply.text(ReplyKind.FEEDBACK_THANKS, plan.texts().thanks(l, helpful)));
                plan.outcome = TurnOutcome.of(TurnOutcome.Kind.FEEDBACK);
                return;
            }
        }
        plan.reply(Reply.text(ReplyKind.CHOICE_INVALID, plan.texts().optionGone(l)));
        plan.outcome = TurnOutcome.of(TurnOutcome.Kind.CHOICE_INVALID);
    }

    private void question(TurnPlan plan, String text, MatchResult match) {
        if (blank(text)) {
            plan.reply(Reply.text(ReplyKind.HELP, plan.texts().emptyMessage(plan.language())));
            plan.outcome = TurnOutcome.of(TurnOutcome.Kind.EMPTY);
            return;
        }
        Language l = plan.language();
        if (plan.state == ConversationState.AWAITING_CHOICE) {
            Matcher number = NUMBER.matcher(text);
            if (number.matches()) {
                int chosen = Integer.parseInt(number.group(1));
                Optional<FaqEntry> entry = chosen >= 1 && chosen <= plan.pendingChoices.size()
                        ? plan.corpus().entry(plan.pendingChoices.get(chosen - 1))
                        : Optional.empty();
                if (entry.isPresent()) {
                    answer(plan, entry.get(), plan.language());
                    plan.outcome = TurnOutcome.of(TurnOutcome.Kind.CHOICE);
                } else {
                    plan.reply(Reply.text(
                            ReplyKind.CHOICE_INVALID,
                            plan.texts().choiceOutOfRange(plan.language(), plan.pendingChoices.size())));
                    plan.outcome = TurnOutcome.of(TurnOutcome.Kind.CHOICE_INVALID);
                }
                return;
            }
        }
        if (!hasLetters(text)) {
            // "5", "?", "😭": no words to match; a number with no choices open would pick a random entry
            plan.reply(Reply.text(ReplyKind.HELP, plan.texts().emptyMessage(plan.language())));
            plan.outcome = TurnOutcome.of(TurnOutcome.Kind.NO_WORDS);
            return;
        }
        if (HumanRequest.asks(text)
                && plan.state != ConversationState.WITH_OFFICER
                && plan.state != ConversationState.WAITING_FOR_OFFICER) {
            plan.unansweredStreak = 0;
            commands.human(plan, plan.texts(), l);
            plan.outcome = TurnOutcome.of(TurnOutcome.Kind.HUMAN_REQUESTED);
            return;
        }
        Emergencies.hintIfUnsure(plan, match, l);
        switch (match.tier()) {
            case ANSWER -> answer(plan, match.top().orElseThrow().entry(), l, match.related());
            case SUGGEST -> suggest(plan, match.suggestions(), l);
            case CHITCHAT, DECLINE -> {
                // Neither an answer nor a failure: the "two unanswered questions" count stays where it was.
                ReplyKind kind = match.tier() == Tier.CHITCHAT ? ReplyKind.SMALL_TALK : ReplyKind.DECLINE;
                plan.reply(
                        Reply.text(kind, plan.texts().smallTalk(match.reason().orElse(""), l)));
                plan.outcome = new TurnOutcome(
                        match.tier() == Tier.CHITCHAT ? TurnOutcome.Kind.SMALL_TALK : TurnOutcome.Kind.DECLINE,
                        match.reason().orElse(""));
            }
            default -> fallback(plan, text, l, match);
        }
    }

    /** Whether a text has at least one letter, i.e. can say which language it is written in. */
    private static boolean hasLetters(String text) {
        return text.codePoints().anyMatch(Character::isLetter);
    }

    /** Nothing to read: only spaces (any Unicode space, NBSP included) and invisible format characters. */
    private static boolean blank(String text) {
        return text.codePoints()
                .allMatch(c -> Character.isWhitespace(c)
                        || Character.isSpaceChar(c)
                        || Character.getType(c) == Character.FORMAT);
    }

    private void answer(TurnPlan plan, FaqEntry entry, Language l) {
        answer(plan, entry, l, List.of());
    }

    /**
     * The entry's answer. Entries of the same topic that fit the question nearly as well ({@code related}) are
     * offered under it as numbered choices, as a suggestion's are: the topic is sure, which of its entries the
     * citizen meant may not be.
     */
    private void answer(TurnPlan plan, FaqEntry entry, Language l, List<Candidate> related) {
        if (plan.state == ConversationState.AWAITING_CHOICE) {
            plan.change(Trigger.CHOICE_SETTLED, Actor.CITIZEN);
        }
        FaqReplies.Offer offer = FaqReplies.answer(plan.texts(), entry, l, related);
        if (!offer.choices().isEmpty()) {
            plan.pendingChoices = offer.choices();
            plan.change(Trigger.SUGGESTED, Actor.BOT);
        }
        plan.reply(offer.reply());
        plan.lastEntry = Optional.of(entry.id());
        plan.outcome = TurnOutcome.of(TurnOutcome.Kind.ANSWER);
        plan.unansweredStreak = 0;
    }

    private void suggest(TurnPlan plan, List<Candidate> suggestions, Language l) {
        FaqReplies.Offer offer = FaqReplies.suggestion(plan.texts(), suggestions, l);
        plan.change(Trigger.SUGGESTED, Actor.BOT);
        plan.pendingChoices = offer.choices();
        plan.lastEntry = offer.choices().stream().findFirst();
        plan.reply(offer.reply());
        plan.outcome = TurnOutcome.of(TurnOutcome.Kind.SUGGESTION);
    }

    private void fallback(TurnPlan plan, String text, Language l, MatchResult match) {
        if (plan.state == ConversationState.AWAITING_CHOICE) {
            plan.change(Trigger.CHOICE_SETTLED, Actor.CITIZEN);
        }
        Reply reply = null;
        try {
            reply = plan.fallback().answer(new FallbackQuestion(plan.message.conversation(), text, l, match));
            if (reply == null) {
                log.warn(
                        "fallback answerer gave no reply for conversation {}; giving the hotline instead",
                        plan.conversation.id());
            }
        } catch (RuntimeException e) {
            log.warn(
                    "fallback answerer failed for conversation {}; giving the hotline instead",
                    plan.conversation.id(),
                    e);
        }
        Reply given = reply != null
                ? reply
                : Reply.text(ReplyKind.FALLBACK, plan.texts().noAnswer(l));
        plan.reply(given);
        plan.outcome = TurnOutcome.of(TurnOutcome.Kind.FALLBACK);
        // An extractive or generated answer counts as an answer; the safe "no answer" reply (an LLM failure too) does
        // not.
        plan.unansweredStreak = given.kind() == ReplyKind.FALLBACK ? plan.unansweredStreak + 1 : 0;
        commands.offerOfficerAfterUnanswered(plan, plan.texts(), l);
    }
}
