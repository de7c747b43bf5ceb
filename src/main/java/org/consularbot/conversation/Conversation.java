package org.consularbot.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.consularbot.faq.Language;

/**
 * A conversation as stored: its state, the language the citizen chose (if any; otherwise each message is
 * answered in the language it is written in), the choices on offer, and a version for optimistic locking.
 *
 * @param lastLanguage the language of the citizen's last readable message, for replies to non-text messages
 * @param pendingChoices FAQ entry ids offered as "did you mean", in the order shown
 * @param lastEntry      the FAQ entry last answered or offered first: the context of a follow-up question
 * @param country        where the citizen last said they are (a country code, the mission's own included): an
 *                       emergency written later without a place is answered for that country
 * @param lastEmergency  the last emergency declared: the same one again a moment later is acknowledged, not raised again
 */
public record Conversation(
        long id,
        ConversationKey key,
        ConversationState state,
        Optional<Language> preferredLanguage,
        Language lastLanguage,
        List<String> pendingChoices,
        int unansweredStreak,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Optional<String> lastEntry,
        Optional<String> country,
        Optional<DeclaredEmergency> lastEmergency) {

    public Conversation {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(preferredLanguage, "preferredLanguage");
        Objects.requireNonNull(lastLanguage, "lastLanguage");
        pendingChoices = List.copyOf(pendingChoices);
        Objects.requireNonNull(lastEntry, "lastEntry");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(lastEmergency, "lastEmergency");
    }

    public Conversation(
            long id,
            ConversationKey key,
            ConversationState state,
            Optional<Language> preferredLanguage,
            Language lastLanguage,
            List<String> pendingChoices,
            int unansweredStreak,
            long version,
            Instant createdAt,
            Instant updatedAt) {
        this(
                id,
                key,
                state,
                preferredLanguage,
                lastLanguage,
                pendingChoices,
                unansweredStreak,
                version,
                createdAt,
                updatedAt,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** The language to use when the message itself says nothing. */
    public Language replyLanguage() {
        return preferredLanguage.orElse(lastLanguage);
    }
}
