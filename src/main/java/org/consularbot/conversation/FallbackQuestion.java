package org.consularbot.conversation;

import org.consularbot.faq.Language;
import org.consularbot.faq.MatchResult;

/** A question no FAQ entry answers, handed to the {@link FallbackAnswerer} with what the matcher found. */
public record FallbackQuestion(ConversationKey conversation, String text, Language language, MatchResult match) {}
