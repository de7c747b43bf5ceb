package org.consularbot.faq;

import java.util.Locale;

/** What the bot should do with a message, decided by the matcher. */
public enum Tier {
    /** Someone is in danger now: hotline and what to do first, then a human. Decided before anything else. */
    EMERGENCY,
    /** One FAQ entry fits with confidence: answer it. */
    ANSWER,
    /** Some entries may fit, or the best two are too close: offer up to three ("did you mean"). */
    SUGGEST,
    /** No FAQ fits: the fallback answerer (LLM with retrieval, or the hotline and a human). */
    FALLBACK,
    /** Small talk (greeting, thanks, "are you a bot?"): one short reply, never an FAQ entry. */
    CHITCHAT,
    /** Outside what an embassy does (another country's visas, loans, politics): a polite pointer elsewhere. */
    DECLINE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
