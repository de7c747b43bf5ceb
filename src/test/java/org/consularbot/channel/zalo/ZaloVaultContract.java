package org.consularbot.channel.zalo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a Zalo token vault promises, written once and run on each: in memory (the tests' twin), and the
 * zalo_tokens row on H2 and on PostgreSQL. Above all, renewals run one at a time, each from the pair the one
 * before stored: Zalo's refresh token is single-use, so two renewals from one pair disconnect the OA.
 */
public abstract class ZaloVaultContract {

    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private ZaloTokens.Vault vault;

    /** A new, empty vault; {@link #closeVault} is called after each test. */
    protected abstract ZaloTokens.Vault newVault();

    protected void closeVault() {}

    @BeforeEach
    void open() {
        vault = newVault();
    }

    @AfterEach
    void close() {
        closeVault();
    }

    /** Puts {@code tokens} in the vault, the only way the bot writes it: a renewal that returns them. */
    private void store(ZaloTokens.Pair tokens) throws ZaloException {
        vault.renew(tokens, T0, stored -> tokens);
    }

    static ZaloTokens.Pair pair(String refresh, String access, Instant expires) {
        return new ZaloTokens.Pair(refresh, Optional.of(access), Optional.of(expires));
    }

    @Test
    void anEmptyVaultHoldsNothingAndGivesBackWhatIsStored() throws Exception {
        assertThat(vault.load()).isEmpty();
        ZaloTokens.Pair first = new ZaloTokens.Pair("r1", Optional.empty(), Optional.empty());
        store(first);
        assertThat(vault.load()).contains(first);

        ZaloTokens.Pair second = pair("r2", "access-2", T0.plus(25, ChronoUnit.HOURS));
        store(second);
        assertThat(vault.load()).contains(second);
    }

    @Test
    void aFirstRenewalStartsFromTheSeedAndStoresWhatItReturns() throws Exception {
        ZaloTokens.Pair seed = new ZaloTokens.Pair("r1", Optional.empty(), Optional.empty());
        ZaloTokens.Pair next = pair("r2", "access-2", T0.plus(25, ChronoUnit.HOURS));
        List<ZaloTokens.Pair> seen = new ArrayList<>();

        assertThat(vault.renew(seed, T0, stored -> {
                    seen.add(stored);
                    return next;
                }))
                .isEqualTo(next);

        assertThat(seen).containsExactly(seed);
        assertThat(vault.load()).contains(next);
    }

    @Test
    void theStoredPairWinsOverTheSeedAndARenewalKeepingItChangesNothing() throws Exception {
        ZaloTokens.Pair stored = pair("r2", "access-2", T0.plus(25, ChronoUnit.HOURS));
        store(stored);

        ZaloTokens.Pair kept =
                vault.renew(new ZaloTokens.Pair("r1", Optional.empty(), Optional.empty()), T0, pair -> pair);

        assertThat(kept).isEqualTo(stored);
        assertThat(vault.load()).contains(stored);
    }

    @Test
    void aRefusedRenewalStoresNothingAndItsReasonReachesTheCaller() throws Exception {
        ZaloTokens.Pair stored = pair("r2", "access-2", T0);
        store(stored);
        ZaloException refusal = new ZaloException("Zalo refused the token refresh", true);

        Throwable thrown = catchThrowable(() -> vault.renew(stored, T0, pair -> {
            throw refusal;
        }));

        assertThat(thrown).isSameAs(refusal);
        assertThat(vault.load()).contains(stored);
    }

    @Test
    void renewalsAtOnceRunOneAtATimeEachFromThePairTheOneBeforeStored() throws Exception {
        store(new ZaloTokens.Pair("r", Optional.empty(), Optional.empty()));
        int renewals = 4;
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(renewals);
        try {
            List<Future<ZaloTokens.Pair>> results = new ArrayList<>();
            for (int i = 0; i < renewals; i++) {
                results.add(threads.submit(() -> {
                    start.await();
                    return vault.renew(new ZaloTokens.Pair("seed", Optional.empty(), Optional.empty()), T0, stored -> {
                        mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        try {
                            Thread.sleep(50); // a call to Zalo takes a while: long enough for the others to read
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        inside.decrementAndGet();
                        return new ZaloTokens.Pair(stored.refreshToken() + "+", Optional.empty(), Optional.empty());
                    });
                }));
            }
            start.countDown();
            for (Future<ZaloTokens.Pair> result : results) {
                result.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(mostInside).as("renewals at the same time").hasValue(1);
        assertThat(vault.load().map(ZaloTokens.Pair::refreshToken))
                .as("each started from the last one's pair")
                .contains("r++++");
    }
}
