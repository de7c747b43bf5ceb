package org.consularbot.faq;

/**
 * An urgent situation found in a message: which one, the entry with its first steps (and that entry's topic), the
 * words seen, and whether the triage is sure. Unsure means: answer the question, but with the hotline on top and a
 * way to say "I am in danger" at once.
 */
public record Emergency(String situation, String topic, String entry, String evidence, boolean sure) {}
