package org.consularbot.advisory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The in-memory twin of the consent records: tests and tools; the same contract suite as the JDBC store. */
public final class InMemorySubscriptions implements Subscriptions {

    private final Map<Subscriber, Subscription> records = new ConcurrentHashMap<>();

    @Override
    public Optional<Subscription> find(Subscriber subscriber) {
        return Optional.ofNullable(records.get(subscriber));
    }

    @Override
    public void save(Subscription subscription) {
        records.put(subscription.subscriber(), subscription);
    }

    @Override
    public List<PlaceCount> counts() {
        Map<List<String>, Long> grouped = records.values().stream()
                .filter(Subscription::active)
                .collect(Collectors.groupingBy(
                        s -> List.of(s.country().orElseThrow(), s.region().orElse("")), Collectors.counting()));
        return grouped.entrySet().stream()
                .map(e -> new PlaceCount(
                        e.getKey().get(0), Optional.of(e.getKey().get(1)).filter(r -> !r.isEmpty()), e.getValue()))
                .sorted(PlaceCount.BIGGEST_FIRST)
                .toList();
    }

    @Override
    public int purge(Instant cutoff) {
        int before = records.size();
        records.values()
                .removeIf(s -> s.withdrawnAt().map(w -> w.isBefore(cutoff)).orElse(false)
                        || s.consentedAt().isEmpty() && s.stepAt().isBefore(cutoff));
        return before - records.size();
    }

    @Override
    public boolean forget(Subscriber subscriber) {
        return records.remove(subscriber) != null;
    }
}
