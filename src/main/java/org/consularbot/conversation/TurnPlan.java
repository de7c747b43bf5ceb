package org.consularbot.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.FaqMatcher;
import org.consularbot.faq.Language;

/**
 * What one turn has decided so far, built up by {@link Dialogue}: state changes (always through
 * {@link Transitions}), replies, events, feedback, and the calls to make once the turn is committed.
 */
final class TurnPlan {

    final Conversation conversation;
    final InboundMessage message;
    final Instant now;
    /** What the bot knows for this whole turn. */
    final Knowledge knowledge;

    ConversationState state;
    Optional<Language> preferredLanguage;
    Language lastLanguage;
    List<String> pendingChoices;
    int unansweredStreak;
    Optional<String> lastEntry;
    /** Where the citizen said in this turn they are (a country code); empty: they did not say. */
    Optional<String> countrySaid = Optional.empty();
    /** The emergency this turn declared; empty: none (a repeat declares nothing new). */
    Optional<DeclaredEmergency> declared = Optional.empty();

    TurnOutcome outcome = TurnOutcome.NONE;
    Optional<Feedback> feedback = Optional.empty();
    final List<ConversationEvent> events = new ArrayList<>();
    final List<Reply> replies = new ArrayList<>();
    final List<Runnable> afterCommit = new ArrayList<>();

    TurnPlan(Conversation conversation, InboundMessage message, Instant now, Knowledge knowledge) {
        this.conversation = conversation;
        this.message = message;
        this.now = now;
        this.knowledge = knowledge;
        this.state = conversation.state();
        this.preferredLanguage = conversation.preferredLanguage();
        this.lastLanguage = conversation.lastLanguage();
        this.pendingChoices = conversation.pendingChoices();
        this.unansweredStreak = conversation.unansweredStreak();
        this.lastEntry = conversation.lastEntry();
    }

    BotTexts texts() {
        return knowledge.texts();
    }

    Corpus corpus() {
        return knowledge.corpus();
    }

    FaqMatcher matcher() {
        return knowledge.matcher();
    }

    FallbackAnswerer fallback() {
        return knowledge.fallback();
    }

    /** Changes state through the transition table and logs it; a change to the same state is not logged. */
    void change(Trigger trigger, Actor actor) {
        ConversationState next = Transitions.require(state, trigger);
        if (next != state) {
            events.add(ConversationEvent.stateChanged(now, actor, state, next, trigger));
        }
        state = next;
        if (next != ConversationState.AWAITING_CHOICE) {
            pendingChoices = List.of();
        }
    }

    /** The language to answer in when the message itself says nothing: the citizen's choice, else their last. */
    Language language() {
        return preferredLanguage.orElse(lastLanguage);
    }

    /** Passes the citizen's message to the officers, once the turn is committed; it stays an emergency if it is one. */
    void relayTo(Escalation escalation) {
        relayTo(escalation, false);
    }

    /**
     * As {@link #relayTo(Escalation)}; with {@code acknowledge}, once it is relayed (not if relaying failed) the citizen
     * is told it reached the officer holding the conversation, as often as the handoff allows.
     */
    void relayTo(Escalation escalation, boolean acknowledge) {
        if (!outcome.is(TurnOutcome.Kind.EMERGENCY)) {
            outcome = TurnOutcome.of(TurnOutcome.Kind.RELAYED);
        }
        Conversation after = after();
        InboundMessage relayed = message;
        afterCommit.add(() -> {
            escalation.relay(after, relayed);
            if (acknowledge) {
                escalation.acknowledgeRelay(after);
            }
        });
    }

    void reply(Reply reply) {
        replies.add(reply);
    }

    void event(ConversationEvent.Type type, Actor actor, String detail) {
        events.add(ConversationEvent.of(now, actor, type, detail));
    }

    /** The conversation as it will be once committed, for calls made after the commit. */
    Conversation after() {
        return new Conversation(
                conversation.id(),
                conversation.key(),
                state,
                preferredLanguage,
                lastLanguage,
                pendingChoices,
                unansweredStreak,
                conversation.version() + 1,
                conversation.createdAt(),
                now,
                lastEntry,
                countrySaid.or(conversation::country),
                declared.or(conversation::lastEmergency));
    }

    TurnRecord record(long inboundId) {
        return new TurnRecord(
                conversation.id(),
                conversation.version(),
                inboundId,
                outcome,
                state,
                preferredLanguage,
                lastLanguage,
                pendingChoices,
                unansweredStreak,
                events,
                replies,
                feedback,
                now,
                lastEntry,
                countrySaid,
                declared);
    }

    /**
     * The turn an officer starts: moves the conversation by {@code trigger} when given (and allowed from where it
     * stands), logs it, and queues the replies; it answers no message and leaves no FAQ context.
     *
     * @return empty when the move is not allowed from the conversation's state
     */
    static Optional<TurnRecord> officerTurn(
            Conversation c, Optional<Trigger> trigger, List<Reply> replies, String detail, Instant now) {
        ConversationState next = c.state();
        List<ConversationEvent> events = new ArrayList<>();
        if (trigger.isPresent()) {
            Optional<ConversationState> moved = Transitions.next(c.state(), trigger.get());
            if (moved.isEmpty()) {
                return Optional.empty();
            }
            next = moved.get();
            events.add(ConversationEvent.stateChanged(now, Actor.OFFICER, c.state(), next, trigger.get()));
        }
        events.add(ConversationEvent.of(now, Actor.OFFICER, ConversationEvent.Type.ESCALATION, detail));
        return Optional.of(new TurnRecord(
                c.id(),
                c.version(),
                TurnRecord.NO_MESSAGE,
                TurnOutcome.of(TurnOutcome.Kind.OFFICER),
                next,
                c.preferredLanguage(),
                c.lastLanguage(),
                next == ConversationState.AWAITING_CHOICE ? c.pendingChoices() : List.of(),
                0,
                events,
                replies,
                Optional.empty(),
                now));
    }
}
