package org.consularbot.channel.zalo;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The token vault in memory, for tests: the JDBC vault's twin (the same contract, {@code ZaloVaultContract}), with
 * a lock that holds across the "instances" sharing this object, and stores that can be made to fail.
 */
public final class InMemoryZaloVault implements ZaloTokens.Vault {

    /** Held from reading the stored pair to storing the renewed one, like the JDBC vault's row lock. */
    private final ReentrantLock renewing = new ReentrantLock();

    private ZaloTokens.Pair stored;
    private int failingStores;

    /** The next {@code count} writes of a pair (not of a first seed) fail as a database that is down would. */
    public synchronized void failNextStores(int count) {
        failingStores = count;
    }

    @Override
    public synchronized Optional<ZaloTokens.Pair> load() {
        return Optional.ofNullable(stored);
    }

    private synchronized void store(ZaloTokens.Pair tokens) {
        failIfAsked();
        stored = tokens;
    }

    @Override
    public ZaloTokens.Pair renew(ZaloTokens.Pair seed, Instant at, ZaloTokens.Renewal renewal) throws ZaloException {
        renewing.lock();
        try {
            ZaloTokens.Pair before = seedIfAbsent(seed);
            ZaloTokens.Pair next = renewal.renew(before);
            if (!next.equals(before)) {
                store(next);
            }
            return next;
        } finally {
            renewing.unlock();
        }
    }

    private synchronized ZaloTokens.Pair seedIfAbsent(ZaloTokens.Pair seed) {
        if (stored == null) {
            stored = seed;
        }
        return stored;
    }

    private void failIfAsked() {
        if (failingStores > 0) {
            failingStores--;
            throw new IllegalStateException("database down");
        }
    }
}
