package org.consularbot.faq;

import java.util.Map;

/**
 * One message as the matcher read it: its verdict, how likely the learned reading found each topic (empty without
 * one) and how many meaningful words it has. A follow-up is decided on three of them: the follow-up alone, the message
 * before alone, and both together ({@link FollowUpChooser}).
 */
record WeighedMessage(MatchResult result, Map<String, Double> topics, int words) {

    WeighedMessage {
        topics = Map.copyOf(topics);
    }
}
