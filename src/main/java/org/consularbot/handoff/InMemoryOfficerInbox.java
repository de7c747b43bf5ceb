package org.consularbot.handoff;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The officer inbox in memory: for tests and for a bot that keeps nothing between runs. */
public final class InMemoryOfficerInbox implements OfficerInbox {

    private record Row(Action action, Instant handledAt) {}

    private final Map<String, Row> rows = new LinkedHashMap<>();

    @Override
    public synchronized boolean add(String sourceId, Optional<Long> ticket, String payload, Instant at) {
        return rows.putIfAbsent(sourceId, new Row(new Action(sourceId, ticket, payload, at), null)) == null;
    }

    @Override
    public synchronized void handled(String sourceId, Instant at) {
        rows.computeIfPresent(
                sourceId,
                (id, row) -> new Row(
                        new Action(id, row.action().ticket(), "", row.action().receivedAt()), at));
    }

    @Override
    public synchronized List<Action> pending(int limit) {
        return rows.values().stream()
                .filter(r -> r.handledAt() == null)
                .map(Row::action)
                .sorted(Comparator.comparing(Action::receivedAt))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized int prune(Instant before) {
        int size = rows.size();
        rows.values()
                .removeIf(r -> r.handledAt() != null && r.action().receivedAt().isBefore(before));
        return size - rows.size();
    }
}
