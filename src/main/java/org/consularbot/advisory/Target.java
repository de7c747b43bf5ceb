package org.consularbot.advisory;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an advisory is for: a country (ISO 3166 alpha-2, as in {@code faq/countries.tsv}), or one region or city of
 * it. Written {@code JP} or {@code JP:Osaka}; regions compare without case or diacritics.
 */
public record Target(String country, Optional<String> region) {

    public Target {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(region, "region");
        if (!country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException(
                    "a target country is two capital letters (JP, KR), not '" + country + "'");
        }
        if (region.isPresent() && (region.get().isBlank() || region.get().contains(";"))) {
            throw new IllegalArgumentException("a target region must be a name, not '" + region.get() + "'");
        }
    }

    /** {@code JP} or {@code JP:Osaka}. */
    public static Target parse(String text) {
        String t = text.strip();
        int colon = t.indexOf(':');
        String country = (colon < 0 ? t : t.substring(0, colon)).strip().toUpperCase(Locale.ROOT);
        Optional<String> region = colon < 0
                ? Optional.empty()
                : Optional.of(t.substring(colon + 1).strip());
        return new Target(country, region);
    }

    /** Whether a subscriber in {@code country} and {@code region} is meant. */
    public boolean covers(String subscriberCountry, Optional<String> subscriberRegion) {
        if (!country.equalsIgnoreCase(subscriberCountry)) {
            return false;
        }
        return region.isEmpty()
                || subscriberRegion
                        .map(r -> SignupExchange.folded(r).equals(SignupExchange.folded(region.get())))
                        .orElse(false);
    }

    @Override
    public String toString() {
        return country + region.map(r -> ":" + r).orElse("");
    }
}
