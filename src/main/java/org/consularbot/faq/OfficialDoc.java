package org.consularbot.faq;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An official bulletin in {@code faq/docs/}: material the fallback may quote when no FAQ entry fits. Each
 * paragraph is retrieved on its own, so each must make sense alone; a historical document (COVID-19 era advice,
 * repatriation flights) is shown as such.
 *
 * @param date          the material's date; {@code datePrecision} says whether its month and day are known
 * @param paragraphs the body split at blank lines
 */
public record OfficialDoc(
        String id,
        String title,
        Language language,
        String source,
        LocalDate date,
        ChronoUnit datePrecision,
        LocalDate reviewed,
        boolean historical,
        String topic,
        List<String> paragraphs) {

    public OfficialDoc {
        paragraphs = List.copyOf(paragraphs);
    }
}
