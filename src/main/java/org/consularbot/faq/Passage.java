package org.consularbot.faq;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A piece of official material the fallback may quote: one FAQ answer in one language, or one paragraph of an
 * official bulletin. It always carries its source and date, so whatever is built from it can cite it.
 *
 * @param id       stable and unique: {@code faq:<entry>:<lang>} or {@code <doc>#<paragraph number>}
 * @param docId    the FAQ entry id or the bulletin id it comes from
 * @param topic    the topic id (topics.tsv) of the entry or bulletin; empty when a bulletin names none
 * @param datePrecision {@code DAYS}, or {@code MONTHS}/{@code YEARS} when the material gives only those
 * @param historical no longer in force (COVID-19 era, repatriation flights): shown as such
 */
public record Passage(
        String id,
        String docId,
        String topic,
        String title,
        String text,
        String source,
        LocalDate date,
        ChronoUnit datePrecision,
        boolean historical,
        Language language) {

    /** The date as far as it is known: {@code 2020}, {@code 2020-04} or {@code 2020-04-21}; empty when there is none. */
    public String dateLabel() {
        if (date == null) {
            return "";
        }
        return switch (datePrecision) {
            case YEARS -> String.valueOf(date.getYear());
            case MONTHS -> date.toString().substring(0, 7);
            default -> date.toString();
        };
    }
}
