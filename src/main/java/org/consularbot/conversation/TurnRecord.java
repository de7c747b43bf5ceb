package org.consularbot.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.consularbot.faq.Language;

/**
 * Everything one turn changes, committed by the store in one transaction: the conversation's new state and
 * language, the events to log, the replies to queue, the feedback given, and the inbound message marked
 * handled with its outcome.
 *
 * @param expectedVersion the conversation's version when the turn started; a mismatch means another turn
 *                        (another instance) got there first and this one must not overwrite it
 * @param inboundId       the citizen's message this turn answers; {@link #NO_MESSAGE} for a turn an officer started
 * @param unansweredStreak turns in a row that got no answer (safe fallback or 👎), after this one
 * @param lastEntry       the FAQ entry a follow-up is read against: the one this turn answered or offered first,
 *                        or the one before it; empty after a turn with no FAQ context (an officer's)
 * @param country         where the citizen said in this turn they are (a country code); empty keeps what was known
 * @param emergency       the emergency this turn declared; empty keeps the one declared before
 */
public record TurnRecord(
        long conversationId,
        long expectedVersion,
        long inboundId,
        TurnOutcome outcome,
        ConversationState state,
        Optional<Language> preferredLanguage,
        Language lastLanguage,
        List<String> pendingChoices,
        int unansweredStreak,
        List<ConversationEvent> events,
        List<Reply> replies,
        Optional<Feedback> feedback,
        Instant at,
        Optional<String> lastEntry,
        Optional<String> country,
        Optional<DeclaredEmergency> emergency) {

    /** The inbound id of a turn no citizen's message started (an officer's). */
    public static final long NO_MESSAGE = 0;

    public TurnRecord {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(state, "state");
        pendingChoices = List.copyOf(pendingChoices);
        events = List.copyOf(events);
        replies = List.copyOf(replies);
        Objects.requireNonNull(lastEntry, "lastEntry");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(emergency, "emergency");
    }

    /** A turn that leaves no FAQ context (an officer's turn, a test's). */
    public TurnRecord(
            long conversationId,
            long expectedVersion,
            long inboundId,
            TurnOutcome outcome,
            ConversationState state,
            Optional<Language> preferredLanguage,
            Language lastLanguage,
            List<String> pendingChoices,
            int unansweredStreak,
            List<ConversationEvent> events,
            List<Reply> replies,
            Optional<Feedback> feedback,
            Instant at) {
        this(
                conversationId,
                expectedVersion,
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
                at,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }
}
