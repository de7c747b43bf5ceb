package org.consularbot.conversation;

import java.time.Instant;

/** A citizen's 👍 or 👎 on an answer. Kept after retention purges, without the conversation. */
public record Feedback(String entryId, boolean helpful, Instant at) {}
