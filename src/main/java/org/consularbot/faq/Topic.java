package org.consularbot.faq;

/**
 * One topic of the consular taxonomy ({@code faq/topics.tsv}); every entry belongs to exactly one.
 *
 * @param facet the topic runs across procedures (fees, which office, which number): a follow-up that names it
 *              ("còn phí thì sao?") asks about the procedure before; one of the follow-up chooser's signals (column
 *              {@code follow_up}: {@code facet})
 */
public record Topic(String id, String nameVi, String nameEn, String scope, boolean facet) {

    public Topic(String id, String nameVi, String nameEn, String scope) {
        this(id, nameVi, nameEn, scope, false);
    }

    public String name(Language language) {
        return language == Language.VI ? nameVi : nameEn;
    }

    /** Emergency topics are the ones where minutes matter; they get the hotline first. */
    public boolean isEmergency() {
        return id.startsWith("emergency.");
    }
}
