package org.consularbot.advisory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The port for consent records: one per chat. The guided exchange reads and writes it inside the citizen's turn
 * (under the conversation's lock), so writes are whole-record replacements and repeating one is harmless.
 * Implementations: {@link InMemorySubscriptions}, and the JDBC one in the store (H2, PostgreSQL).
 */
public interface Subscriptions {

    Optional<Subscription> find(Subscriber subscriber);

    /** Creates or replaces the record of {@code subscription.subscriber()}. */
    void save(Subscription subscription);

    /** Active subscriptions per country and region (region empty when none was given), biggest first. */
    List<PlaceCount> counts();

    /**
     * Retention: deletes records of withdrawn consent whose withdrawal is older than {@code cutoff}, and exchanges
     * never completed (no consent) last touched before it. Active consent is not touched: it is the citizen's
     * standing request, ended by {@code /unsubscribe} or a platform withdrawal.
     *
     * @return how many records were deleted
     */
    int purge(Instant cutoff);

    /** Deletes the chat's record outright (the citizen withdrew consent on the platform, e.g. Zalo's user_withdraw). */
    boolean forget(Subscriber subscriber);

    /** How many active subscribers a country and region has; no chat ids leave the store through it. */
    record PlaceCount(String country, Optional<String> region, long subscribers) {

        /** Biggest first, then by country and region, so every implementation lists them alike. */
        public static final Comparator<PlaceCount> BIGGEST_FIRST = Comparator.comparingLong(PlaceCount::subscribers)
                .reversed()
                .thenComparing(PlaceCount::country)
                .thenComparing(p -> p.region().orElse(""));
    }
}
