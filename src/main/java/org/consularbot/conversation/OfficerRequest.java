package org.consularbot.conversation;

import java.util.Objects;
import java.util.Optional;
import org.consularbot.faq.Language;

/**
 * A call for a duty officer to take a conversation: why, and for an emergency its situation, as data rather than
 * a sentence the handoff would have to parse back.
 *
 * @param situation the emergency's situation ({@code arrest}, {@code medical}…); present only for an emergency
 */
public record OfficerRequest(Conversation conversation, Language language, Reason reason, Optional<String> situation) {

    /** Why an officer is asked for. */
    public enum Reason {
        EMERGENCY("emergency"),
        CITIZEN_ASKED("citizen asked for an officer"),
        TWO_UNANSWERED("two questions in a row without an answer"),
        /** A human is in charge but no ticket is open (cancelled as an officer took it, or a failed call). */
        MESSAGE_WHILE_WAITING("message while waiting, with no open ticket");

        private final String description;

        Reason(String description) {
            this.description = description;
        }
    }

    public OfficerRequest {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(situation, "situation");
        if (situation.isPresent() != (reason == Reason.EMERGENCY)) {
            throw new IllegalArgumentException("a situation goes with an emergency, and only with one");
        }
    }

    public static OfficerRequest emergency(Conversation conversation, Language language, String situation) {
        return new OfficerRequest(conversation, language, Reason.EMERGENCY, Optional.of(situation));
    }

    public static OfficerRequest of(Conversation conversation, Language language, Reason reason) {
        return new OfficerRequest(conversation, language, reason, Optional.empty());
    }

    /** Emergencies are urgent tickets; the rest wait their turn. */
    public boolean urgent() {
        return reason == Reason.EMERGENCY;
    }

    /** For the officers' card and the audit: "emergency: arrest", "citizen asked for an officer". */
    public String describe() {
        return situation.map(s -> reason.description + ": " + s).orElse(reason.description);
    }
}
