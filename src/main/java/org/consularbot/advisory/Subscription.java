package org.consularbot.advisory;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.consularbot.faq.Language;

/**
 * One citizen's consent to receive advisories, and where they said they are. Kept to the minimum: the chat, the
 * language to write in, a country code, an optional region or city, and when consent was given and withdrawn. While
 * the citizen is still saying where they are, {@code step} says what is asked and {@code pendingCountry} holds the
 * country already given; the place already confirmed (if any) stays in force meanwhile.
 *
 * @param consentedAt when the citizen last completed the exchange (gave consent); empty: never
 * @param withdrawnAt when they withdrew it ({@code /unsubscribe}); empty: consent stands (if given)
 * @param stepAt      when the exchange's current question was asked (for its timeout), or the last change
 */
public record Subscription(
        Subscriber subscriber,
        Language language,
        Optional<String> country,
        Optional<String> region,
        Optional<Instant> consentedAt,
        Optional<Instant> withdrawnAt,
        Step step,
        Optional<String> pendingCountry,
        Instant stepAt) {

    /** What the guided exchange is asking, if anything. */
    public enum Step {
        NONE,
        COUNTRY,
        REGION;

        public String code() {
            return Codes.of(this);
        }

        public static Step fromCode(String code) {
            return Codes.parse(Step.class, code).orElseThrow();
        }
    }

    public Subscription {
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(consentedAt, "consentedAt");
        Objects.requireNonNull(withdrawnAt, "withdrawnAt");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(pendingCountry, "pendingCountry");
        Objects.requireNonNull(stepAt, "stepAt");
    }

    /** A new exchange for someone with no record yet. */
    static Subscription starting(Subscriber who, Language language, Instant now) {
        return new Subscription(
                who,
                language,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Step.COUNTRY,
                Optional.empty(),
                now);
    }

    /** Consent given and not withdrawn, with a country: advisories for that place reach this chat. */
    public boolean active() {
        return consentedAt.isPresent() && withdrawnAt.isEmpty() && country.isPresent();
    }

    Subscription asking(Step next, Optional<String> pending, Language l, Instant now) {
        return new Subscription(subscriber, l, country, region, consentedAt, withdrawnAt, next, pending, now);
    }

    Subscription confirmed(String iso2, Optional<String> place, Language l, Instant now) {
        return new Subscription(
                subscriber,
                l,
                Optional.of(iso2),
                place,
                Optional.of(now),
                Optional.empty(),
                Step.NONE,
                Optional.empty(),
                now);
    }

    /** Consent withdrawn: the place is dropped at once (no longer needed); only the two times remain. */
    public Subscription withdrawn(Instant now) {
        return new Subscription(
                subscriber,
                language,
                Optional.empty(),
                Optional.empty(),
                consentedAt,
                Optional.of(now),
                Step.NONE,
                Optional.empty(),
                now);
    }
}
