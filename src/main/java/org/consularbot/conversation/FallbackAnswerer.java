package org.consularbot.conversation;

/**
 * Answers what the FAQ does not. The service plugs in the llm package's answerers (official passages, or an LLM
 * over them); {@link HotlineFallback}, the plain one with no material, says the
 * bot has no answer and gives the hotline and the way to an officer. An answerer that fails is replaced by the
 * default for that message, so the citizen always gets a reply.
 */
public interface FallbackAnswerer {

    /** A reply of kind {@link ReplyKind#FALLBACK} (or {@link ReplyKind#ANSWER} when grounded in official material). */
    Reply answer(FallbackQuestion question);
}
