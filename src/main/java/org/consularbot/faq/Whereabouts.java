package org.consularbot.faq;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a message says the person in danger is, as emergency replies need it: nothing said, the mission's own host
 * country (its numbers and contacts), another country (that country's numbers and its Vietnamese mission, never the
 * host's), or several other countries (unclear: the local emergency number and the nearest mission, in words).
 *
 * @param said    what the message said
 * @param country the other country, when exactly one is named
 */
public record Whereabouts(Said said, Country country) {

    /** What a message says about where the person is. */
    public enum Said {
        NOTHING,
        HOST,
        ELSEWHERE,
        SEVERAL
    }

    public static final Whereabouts UNSAID = new Whereabouts(Said.NOTHING, null);
    public static final Whereabouts HOST = new Whereabouts(Said.HOST, null);
    public static final Whereabouts UNCLEAR = new Whereabouts(Said.SEVERAL, null);

    public Whereabouts {
        Objects.requireNonNull(said, "said");
        if ((said == Said.ELSEWHERE) != (country != null)) {
            throw new IllegalArgumentException("a country goes with ELSEWHERE, and only with it");
        }
    }

    public static Whereabouts in(Country country) {
        return new Whereabouts(Said.ELSEWHERE, country);
    }

    public Optional<Country> elsewhere() {
        return Optional.ofNullable(country);
    }

    /** The mission's own facts are the right ones: the host country named, or no place at all. */
    public boolean host() {
        return said == Said.HOST || said == Said.NOTHING;
    }

    public boolean unclear() {
        return said == Said.SEVERAL;
    }
}
