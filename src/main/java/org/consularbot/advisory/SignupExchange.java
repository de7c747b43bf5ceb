package org.consularbot.advisory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.consularbot.faq.Country;
import org.consularbot.faq.Folding;
import org.consularbot.faq.Language;

/**
 * The short guided exchange by which a citizen subscribes: {@code /subscribe}, the country (from the corpus's list,
 * named in Vietnamese or English, with or without diacritics, or by one of its cities), then an optional region or
 * city. It never traps the citizen: a message that is not an answer to the question is left to the FAQ (the caller
 * answers it as usual), {@code /cancel} leaves, and after {@code timeout} the question is simply forgotten. Consent is
 * recorded only when the exchange completes; {@code /unsubscribe} withdraws it at once. No I/O but the store port.
 */
public final class SignupExchange {

    /** Words for "no region": the citizen may keep it to themselves. */
    private static final Set<String> SKIP =
            Set.of("bo qua", "bo", "khong", "ko", "k", "skip", "no", "none", "-", "khong can", "thoi");
    /** A region is a name: no digits (no street addresses, no phone numbers), at most a few words. */
    private static final Pattern REGION = Pattern.compile("[\\p{L}][\\p{L}\\p{M} .'’-]{0,39}");

    private static final Pattern PLACE_WORD = Pattern.compile("(nuoc|ben|o|sang|tai) ");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{Nd} ]");

    private final Subscriptions subscriptions;
    private final Duration timeout;

    /** @param subscriptions where consent is kept; null: advisories are not offered (every command says so) */
    public SignupExchange(Subscriptions subscriptions, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the subscription exchange's timeout must be positive");
        }
        this.subscriptions = subscriptions;
        this.timeout = timeout;
    }

    /** No store: {@code /subscribe} says advisories are not offered. */
    public static SignupExchange notOffered() {
        return new SignupExchange(null, Duration.ofMinutes(30));
    }

    /** {@code /subscribe}: asks for the country (again, to change place, for someone already subscribed). */
    public String start(Subscriber who, Language l, List<Country> countries, Instant now) {
        if (subscriptions == null || countries.isEmpty()) {
            return SignupTexts.notOffered(l);
        }
        Subscription current = subscriptions.find(who).orElse(null);
        subscriptions.save(
                current == null
                        ? Subscription.starting(who, l, now)
                        : current.asking(Subscription.Step.COUNTRY, Optional.empty(), l, now));
        return SignupTexts.askCountry(l);
    }

    /** {@code /unsubscribe}: consent withdrawn at once, the place dropped. */
    public String stop(Subscriber who, Language l, Instant now) {
        if (subscriptions == null) {
            return SignupTexts.notOffered(l);
        }
        Optional<Subscription> current = subscriptions.find(who);
        if (current.isEmpty()
                || !current.get().active() && open(current.get(), now).isEmpty()) {
            return SignupTexts.notSubscribed(l);
        }
        subscriptions.save(current.get().withdrawn(now));
        return SignupTexts.unsubscribed(l);
    }

    /** {@code /cancel} while the exchange is open: leaves it; empty when none is open (the caller's cancel applies). */
    public Optional<String> cancel(Subscriber who, Language l, Instant now) {
        return open(who, now).map(s -> {
            subscriptions.save(s.asking(Subscription.Step.NONE, Optional.empty(), s.language(), now));
            return SignupTexts.cancelled(l, s.active());
        });
    }

    /**
     * A text message while the exchange may be open: the reply when it answers the question asked; empty when no
     * question is open or the message is something else (the caller answers it from the FAQ).
     *
     * @param faqAnswers whether the FAQ has an answer for the message: then a short text that is no country is a
     *                   question, not a region
     */
    public Optional<String> answer(
            Subscriber who, Language l, String text, boolean faqAnswers, List<Country> countries, Instant now) {
        Optional<Subscription> open = open(who, now);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        Subscription s = open.get();
        String folded = folded(text);
        if (s.step() == Subscription.Step.COUNTRY) {
            Optional<Country> country = country(folded, countries);
            if (country.isPresent()) {
                subscriptions.save(s.asking(
                        Subscription.Step.REGION, Optional.of(country.get().iso2()), l, now));
                return Optional.of(SignupTexts.askRegion(l, country.get()));
            }
            return shortAnswer(text) && !faqAnswers
                    ? Optional.of(SignupTexts.unknownCountry(l, countries))
                    : Optional.empty();
        }
        Optional<Country> country = s.pendingCountry()
                .flatMap(code -> countries.stream()
                        .filter(c -> c.iso2().equalsIgnoreCase(code))
                        .findFirst());
        if (country.isEmpty()) {
            // the list changed under the exchange: ask again from the start
            subscriptions.save(s.asking(Subscription.Step.COUNTRY, Optional.empty(), l, now));
            return Optional.of(SignupTexts.askCountry(l));
        }
        if (Stream.of(
                        country.get().nameVi(),
                        country.get().nameEn(),
                        country.get().iso2())
                .anyMatch(name -> folded(name).equals(folded))) {
            // the country again (said twice, or this turn decided again after a restart): not a region
            subscriptions.save(s.asking(Subscription.Step.REGION, s.pendingCountry(), l, now));
            return Optional.of(SignupTexts.askRegion(l, country.get()));
        }
        String region = SPACES.matcher(text.strip()).replaceAll(" ");
        if (SKIP.contains(folded)) {
            return Optional.of(confirm(s, country.get(), Optional.empty(), l, now));
        }
        if (!faqAnswers && shortAnswer(region) && REGION.matcher(region).matches()) {
            return Optional.of(confirm(s, country.get(), Optional.of(titled(region)), l, now));
        }
        return Optional.empty();
    }

    /** A line to add under an FAQ answer while a question of the exchange is still open. */
    public Optional<String> reminder(Subscriber who, Language l, Instant now) {
        return open(who, now).map(s -> SignupTexts.stillAsking(l));
    }

    private String confirm(Subscription s, Country country, Optional<String> region, Language l, Instant now) {
        subscriptions.save(s.confirmed(country.iso2(), region, l, now));
        return SignupTexts.subscribed(l, country, region);
    }

    private Optional<Subscription> open(Subscriber who, Instant now) {
        if (subscriptions == null) {
            return Optional.empty();
        }
        return subscriptions.find(who).flatMap(s -> open(s, now));
    }

    private Optional<Subscription> open(Subscription s, Instant now) {
        boolean asking =
                s.step() != Subscription.Step.NONE && s.stepAt().plus(timeout).isAfter(now);
        return asking ? Optional.of(s) : Optional.empty();
    }

    /**
     * The one country the answer names: the whole answer is one of its names ("Nhật Bản", "nhat", "Japan", "Tokyo"),
     * or ends with one after other words ("em đang ở Nhật Bản", "I live in Japan"); two countries named: none.
     */
    static Optional<Country> country(String folded, List<Country> countries) {
        if (folded.isEmpty()) {
            return Optional.empty();
        }
        Country found = null;
        for (Country country : countries) {
            boolean named = folded.equals(folded(country.iso2()))
                    || names(country)
                            .anyMatch(name -> folded.equals(name) || name.length() >= 2 && folded.endsWith(" " + name));
            if (named) {
                if (found != null && found != country) {
                    return Optional.empty();
                }
                found = country;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Its names, folded; "nước Nhật", "bên Hàn" also give the bare "nhat", "han" (the answer to "which country?"). */
    private static Stream<String> names(Country country) {
        return Stream.concat(Stream.of(country.nameVi(), country.nameEn()), country.names().stream())
                .map(SignupExchange::folded)
                .flatMap(n -> PLACE_WORD.matcher(n).lookingAt()
                        ? Stream.of(n, PLACE_WORD.matcher(n).replaceFirst(""))
                        : Stream.of(n))
                .filter(n -> !n.isEmpty());
    }

    static String folded(String text) {
        String bare =
                NOT_LETTERS.matcher(Folding.fold(text).toLowerCase(Locale.ROOT)).replaceAll(" ");
        return SPACES.matcher(bare).replaceAll(" ").strip();
    }

    /** An answer, not a question: a few words, no question mark. */
    private static boolean shortAnswer(String text) {
        String stripped = text.strip();
        return !stripped.contains("?") && stripped.length() <= 40 && SPACES.split(stripped).length <= 4;
    }

    private static String titled(String region) {
        StringBuilder out = new StringBuilder(region.length());
        boolean start = true;
        for (int i = 0; i < region.length(); i++) {
            char c = region.charAt(i);
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ' || c == '-';
        }
        return out.toString();
    }
}
