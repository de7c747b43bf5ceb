package org.consularbot.conversation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the bot sends back, channel-neutral: text, optional choice buttons ("did you mean"), optional feedback
 * buttons (👍/👎 under an answer). Channels render buttons natively or as numbered options.
 *
 * @param entryId the FAQ entry this reply answers, if any: for feedback and reports
 */
public record Reply(
        ReplyKind kind, String text, List<Button> choices, List<Button> feedback, Optional<String> entryId) {

    public Reply {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        choices = List.copyOf(choices);
        feedback = List.copyOf(feedback);
        Objects.requireNonNull(entryId, "entryId");
    }

    public static Reply text(ReplyKind kind, String text) {
        return new Reply(kind, text, List.of(), List.of(), Optional.empty());
    }

    /** Every button, choices first: the order in which a text-only channel numbers them. */
    public List<Button> buttons() {
        if (feedback.isEmpty()) {
            return choices;
        }
        return Stream.concat(choices.stream(), feedback.stream()).toList();
    }
}
