package org.consularbot.conversation;

/** What a retention purge removed. */
public record PurgeReport(long messages, long replies, long events, long conversations) {}
