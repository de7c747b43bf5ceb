package org.consularbot.faq;

import java.util.Optional;

/**
 * Where a message says the person in danger is, as emergency replies need it: the mission's own host country (its
 * numbers and contacts), another country (that country's numbers and its Vietnamese mission, never the host's), or
 * unclear (two other countries named: the local emergency number and the nearest mission, in words).
 *
 * @param country the other country, when exactly one is named
 * @param unclear several other countries are named
 */
public record Whereabouts(Country country, boolean unclear) {

    public static final Whereabouts HOST = new Whereabouts(null, false);
    public static final Whereabouts UNCLEAR = new Whereabouts(null, true);

    public static Whereabouts in(Country country) {
        return new Whereabouts(java.util.Objects.requireNonNull(country), false);
    }

    public Optional<Country> elsewhere() {
        return Optional.ofNullable(country);
    }

    /** The mission's own country: its facts are the right ones. */
    public boolean host() {
        return country == null && !unclear;
    }
}
