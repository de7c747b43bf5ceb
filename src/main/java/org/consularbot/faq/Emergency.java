package org.consularbot.faq;

/** An urgent situation found in a message: which one, the topic that says what to do, and the words seen. */
public record Emergency(String situation, String topic, String evidence) {
}
