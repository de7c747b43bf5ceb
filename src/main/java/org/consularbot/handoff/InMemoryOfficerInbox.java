package org.consularbot.handoff;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The officer inbox in memory: for tests and for a bot that keeps nothing between runs. */
public final class InMemoryOfficerInbox implements OfficerInbox {

    private record Row(Action action, Instant handledAt, Claim claim) {

        /** Whether {@code holder} may claim it at {@code now}: not handled, and unclaimed, its own, or run out. */
        boolean claimableBy(String holder, Instant now) {
            return handledAt == null
                    && (claim == null
                            || claim.holder().equals(holder)
                            || !claim.until().isAfter(now));
        }
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();

    @Override
    public synchronized boolean add(String sourceId, Optional<Long> ticket, String payload, Instant at, Claim claim) {
        return rows.putIfAbsent(sourceId, new Row(new Action(sourceId, ticket, payload, at), null, claim)) == null;
    }

    @Override
    public synchronized boolean claim(String sourceId, Claim claim, Instant now) {
        Row row = rows.get(sourceId);
        if (row == null || !row.claimableBy(claim.holder(), now)) {
            return false;
        }
        rows.put(sourceId, new Row(row.action(), null, claim));
        return true;
    }

    @Override
    public synchronized int renew(Collection<String> sourceIds, Claim claim) {
        int renewed = 0;
        for (String sourceId : sourceIds) {
            Row row = rows.get(sourceId);
            if (row != null
                    && row.handledAt() == null
                    && row.claim() != null
                    && row.claim().holder().equals(claim.holder())) {
                rows.put(sourceId, new Row(row.action(), null, claim));
                renewed++;
            }
        }
        return renewed;
    }

    @Override
    public synchronized void handled(String sourceId, Instant at) {
        rows.computeIfPresent(
                sourceId,
                (id, row) -> new Row(
                        new Action(id, row.action().ticket(), "", row.action().receivedAt()), at, row.claim()));
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
    public synchronized List<Action> claimable(String holder, Instant now, int limit) {
        return rows.values().stream()
                .filter(r -> r.claimableBy(holder, now))
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
