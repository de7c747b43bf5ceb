package org.consularbot.faq;

/** One topic of the consular taxonomy ({@code faq/topics.tsv}); every entry belongs to exactly one. */
public record Topic(String id, String nameVi, String nameEn, String scope) {

    public String name(Language language) {
        return language == Language.VI ? nameVi : nameEn;
    }

    /** Emergency topics are the ones where minutes matter; they get the hotline first. */
    public boolean isEmergency() {
        return id.startsWith("emergency.");
    }
}
