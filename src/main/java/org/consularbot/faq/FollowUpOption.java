package org.consularbot.faq;

import java.util.List;

/**
 * A topic weighed for a follow-up read in its context: how likely the follow-up asks about it, and the signals that
 * said so ({@link FollowUpChooser}; kept for measuring and for refitting with {@code eval/fit-follow-up.py}).
 */
public record FollowUpOption(String topic, double probability, List<Double> signals) {

    public FollowUpOption {
        signals = List.copyOf(signals);
    }
}
