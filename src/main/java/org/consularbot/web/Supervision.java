package org.consularbot.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.consularbot.faq.Corpus;
import org.consularbot.faq.Language;
import org.consularbot.faq.MatchResult;
import org.consularbot.faq.PhrasingEditor;

/**
 * What the supervisors' page reads and changes, given by the composition root: the {@code report} figures (this
 * package knows no database), the questions the bot could not answer, the corpus serving now and its matcher (to
 * suggest the entry a question belongs to), and the editor that adds a phrasing to the corpus folder (none when the
 * bot serves the corpus bundled in the jar).
 */
public record Supervision(
        Function<Instant, List<Day>> days,
        Function<Instant, List<Question>> unanswered,
        Supplier<Corpus> corpus,
        Function<String, MatchResult> match,
        Optional<Phrasings> phrasings) {

    /** One UTC day's messages over every channel and what became of them, as {@code report} counts them. */
    public record Day(
            LocalDate day,
            long messages,
            long answered,
            long suggested,
            long unanswered,
            long emergencies,
            long rateLimited,
            long other) {}

    /** A question that got no answer, asked {@code count} times, as one citizen wrote it (personal data redacted). */
    public record Question(String text, long count) {}

    /** Adds a phrasing to an entry of the corpus folder ({@link PhrasingEditor#add}). */
    @FunctionalInterface
    public interface Phrasings {
        PhrasingEditor.Outcome add(String entryId, Language language, String phrasing) throws IOException;
    }
}
