package org.consularbot.conversation;

import java.util.Objects;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.FaqMatcher;

/**
 * What the bot knows at one moment: the corpus, its matcher, its texts and the fallback built over it. Immutable and
 * replaced whole when staff edit the corpus, so a turn reads one knowledge from start to end and never mixes the
 * old hotline with the new answers.
 */
public record Knowledge(Corpus corpus, FaqMatcher matcher, BotTexts texts, FallbackAnswerer fallback) {

    public Knowledge {
        Objects.requireNonNull(corpus, "corpus");
        Objects.requireNonNull(matcher, "matcher");
        Objects.requireNonNull(texts, "texts");
        Objects.requireNonNull(fallback, "fallback");
    }

    public static Knowledge of(Corpus corpus, FaqMatcher matcher, FallbackAnswerer fallback) {
        return new Knowledge(corpus, matcher, new BotTexts(corpus), fallback);
    }
}
