package org.consularbot.faq;

import java.util.Locale;
import java.util.Optional;

/**
 * How the learned {@linkplain MessageClassifier reading} joins the phrase rules. The rules stay first (a sure
 * phrase is never overruled); the reading adds what they missed: an emergency no phrase named, a rule's "maybe"
 * confirmed, small talk or an out-of-scope request in words the lists lack. Thresholds are probabilities, chosen by
 * cross-validation on the examples (never on the blind set).
 *
 * @param sureEmergency   an emergency the rules did not see is sure from this probability
 * @param unsureEmergency from this one the FAQ still answers, with the hotline on top and the danger button
 * @param confirms        a rule's unsure emergency becomes sure from this probability
 * @param chitchat        small talk from this probability, when no entry answers outright
 * @param decline         a decline from this probability, when no entry explains the message well
 */
record ReadingPolicy(double sureEmergency, double unsureEmergency, double confirms, double chitchat, double decline) {

    static final ReadingPolicy DEFAULT = new ReadingPolicy(0.60, 0.40, 0.25, 0.60, 0.50);

    /** The rules' finding, or the reading's when the rules found nothing or were unsure. */
    Optional<Emergency> emergency(Optional<Emergency> byRules, MessageClassifier.Reading reading, EmergencyTriage triage) {
        if (byRules.isPresent() && byRules.get().sure()) {
            return byRules;
        }
        if (byRules.isPresent() && reading.urgent() >= confirms) {
            Emergency e = byRules.get();
            return Optional.of(new Emergency(e.situation(), e.topic(), e.entry(), e.evidence() + evidence(reading), true));
        }
        if (byRules.isEmpty() && reading.situation() != null && reading.urgent() >= unsureEmergency) {
            return triage.learned(reading.situation(), evidence(reading).strip(), reading.urgent() >= sureEmergency);
        }
        return byRules;
    }

    /** Small talk or a decline the rules did not recognise, when no entry explains the message well enough. */
    Optional<SmallTalk.Verdict> talk(MessageClassifier.Reading reading, double topConfidence, double declineBelow) {
        if (topConfidence >= declineBelow) {
            return Optional.empty();
        }
        if (reading.chitchatClass() != null && reading.chitchat() >= chitchat && reading.chitchat() >= reading.decline()) {
            return Optional.of(new SmallTalk.Verdict(Tier.CHITCHAT, reading.chitchatClass()));
        }
        if (reading.declineClass() != null && reading.decline() >= decline) {
            return Optional.of(new SmallTalk.Verdict(Tier.DECLINE, reading.declineClass()));
        }
        return Optional.empty();
    }

    private static String evidence(MessageClassifier.Reading reading) {
        return String.format(Locale.ROOT, " (learned %.2f)", reading.urgent());
    }
}
