package org.consularbot.faq;

/**
 * An entry that may answer a message. {@code score} is the raw retrieval score (comparable only within one
 * message); {@code confidence} in [0, 1] is the share of what the citizen wrote that the entry explains,
 * weighted by how telling each word is, so it can be compared across messages and thresholded.
 */
public record Candidate(FaqEntry entry, double score, double confidence) {}
