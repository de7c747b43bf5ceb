package org.consularbot.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.consularbot.faq.EmergencyTriage;

/**
 * The last emergency a conversation declared: which, when, and whether officers were alerted to it. Kept as a fact
 * so that the same emergency written again a moment later ("cứu em", "nhanh lên", the danger button pressed again)
 * is known for the one already declared, not guessed from the last answer and the last turn's time: a calm answer
 * with the same first steps, or a normal ticket, is no declared emergency.
 *
 * @param situation       the triage's situation ({@code arrest}, {@code medical}, {@code distress}…), or
 *                        {@link #DANGER_BUTTON}
 * @param officersAlerted whether an urgent call went to officers with it; one declared while none could be reached
 *                        is still theirs to hear of once they can
 */
public record DeclaredEmergency(String situation, Instant at, boolean officersAlerted) {

    /** The situation of the "I am in danger" button: danger, with none named. */
    public static final String DANGER_BUTTON = "danger-button";

    public DeclaredEmergency {
        Objects.requireNonNull(situation, "situation");
        Objects.requireNonNull(at, "at");
    }

    /**
     * Whether an emergency in {@code situation} at {@code now} is this one again: within {@code window} of its
     * declaration, and the same situation or one that names none (a cry for help, the button), which adds nothing
     * the officers do not know. A different situation is news: its own first steps, its own call to officers.
     */
    public boolean repeatedBy(String situation, Instant now, Duration window) {
        return Duration.between(at, now).compareTo(window) < 0
                && (this.situation.equals(situation) || namesNone(situation));
    }

    private static boolean namesNone(String situation) {
        return situation.equals(EmergencyTriage.DISTRESS) || situation.equals(DANGER_BUTTON);
    }
}
