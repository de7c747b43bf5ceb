package org.consularbot.advisory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The in-memory twin of the advisories store: tests and tools; the same contract suite as the JDBC store. */
public final class InMemoryAdvisories implements Advisories {

    private final TreeMap<Long, Advisory> advisories = new TreeMap<>();

    @Override
    public synchronized Advisory add(Advisory draft) {
        long id = advisories.isEmpty() ? 1 : advisories.lastKey() + 1;
        Advisory stored = draft.withId(id);
        advisories.put(id, stored);
        return stored;
    }

    @Override
    public synchronized Optional<Advisory> find(long id) {
        return Optional.ofNullable(advisories.get(id));
    }

    @Override
    public synchronized List<Advisory> recent(int limit) {
        return advisories.values().stream()
                .sorted(Comparator.comparingLong(Advisory::id).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized boolean approve(long id, String by, Instant at) {
        Advisory a = advisories.get(id);
        if (a == null || a.state() != Advisory.State.DRAFT || a.draftedBy().equals(by)) {
            return false;
        }
        advisories.put(id, a.approvedBy(by, at));
        return true;
    }

    @Override
    public synchronized boolean cancel(long id, String by, Instant at) {
        Advisory a = advisories.get(id);
        if (a == null || a.state() == Advisory.State.CANCELLED) {
            return false;
        }
        advisories.put(id, a.cancelledBy(by, at));
        return true;
    }
}
