package org.consularbot.channel.zalo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.consularbot.ManualClock;
import org.consularbot.conversation.StoreException;
import org.consularbot.store.Database;
import org.consularbot.store.DatabaseSettings;
import org.consularbot.store.JdbcZaloTokens;
import org.consularbot.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the bot on one PostgreSQL, each with its own pool and its own {@link ZaloTokens}, against the
 * stub OAuth (port 0) that takes each refresh token once: they never send a token the other has spent.
 */
class ZaloTokensTest {

    /** The stub's access tokens last 25 h: after this, every one it gave has expired. */
    private static final Duration EXPIRED = Duration.ofHours(25);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final List<String> told = new CopyOnWriteArrayList<>();
    private final List<Database> databases = new ArrayList<>();
    private StubZaloServer zalo;
    private ZaloTokens a;
    private ZaloTokens b;

    @BeforeEach
    void start() throws Exception {
        zalo = new StubZaloServer();
        String url = TestDatabases.postgresUrl();
        a = instance(url);
        b = instance(url);
    }

    @AfterEach
    void stop() {
        databases.forEach(Database::close);
        zalo.close();
    }

    private ZaloTokens instance(String url) {
        Database database = Database.open(DatabaseSettings.of(url));
        databases.add(database);
        return new ZaloTokens(
                URI.create(zalo.url()),
                "1",
                "s",
                Optional.of("r1"),
                new JdbcZaloTokens(database.dataSource()),
                HttpClient.newHttpClient(),
                clock,
                told::add);
    }

    private List<String> spent() {
        return zalo.refreshes.stream().map(form -> form.get("refresh_token")).toList();
    }

    @Test
    void twoInstancesAskingAtOnceAfterExpiryCallZaloOnceAndShareTheNewToken() throws Exception {
        assertThat(a.accessToken()).isEqualTo("access-2");
        assertThat(b.accessToken()).isEqualTo("access-2");
        clock.advance(EXPIRED);
        zalo.refreshDelay = Duration.ofMillis(300); // both read the stored pair before either has stored the next

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = threads.submit(() -> {
                start.await();
                return a.accessToken();
            });
            Future<String> second = threads.submit(() -> {
                start.await();
                return b.accessToken();
            });
            start.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("access-3");
            assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo("access-3");
        } finally {
            threads.shutdownNow();
        }

        assertThat(spent()).as("each refresh token sent once, none refused").containsExactly("r1", "r2");
        assertThat(told).isEmpty();
    }

    @Test
    void anInstanceWhoseCopyAnotherRotatedTakesTheStoredPairInsteadOfSpendingItsOwnToken() throws Exception {
        assertThat(a.accessToken()).isEqualTo("access-2");
        assertThat(b.accessToken()).isEqualTo("access-2");
        clock.advance(EXPIRED);
        assertThat(a.accessToken()).isEqualTo("access-3"); // b's copy (r2, access-2) is now stale

        assertThat(b.accessToken()).isEqualTo("access-3");

        assertThat(spent()).containsExactly("r1", "r2");
        assertThat(told).isEmpty();
    }

    @Test
    void aRefusedAccessTokenIsReplacedByTheStoredOneWhenAnotherInstanceAlreadyRenewedIt() throws Exception {
        assertThat(a.accessToken()).isEqualTo("access-2");
        assertThat(b.accessToken()).isEqualTo("access-2");

        a.invalidate(); // Zalo refused access-2: the stored pair holds that very token, so a refreshes
        assertThat(a.accessToken()).isEqualTo("access-3");
        b.invalidate(); // refused to b too: a has renewed it meanwhile
        assertThat(b.accessToken()).isEqualTo("access-3");

        assertThat(spent()).containsExactly("r1", "r2");
        assertThat(told).isEmpty();
    }

    @Test
    void aPairWhoseCommitSeemedLostIsNotWrittenOverANewerOneAnotherInstanceStored() throws Exception {
        String url = TestDatabases.postgresUrl();
        Database database = Database.open(DatabaseSettings.of(url));
        databases.add(database);
        JdbcZaloTokens real = new JdbcZaloTokens(database.dataSource());
        AtomicBoolean loseAcknowledgement = new AtomicBoolean(true);
        // The commit lands, but the connection drops before it is acknowledged: the instance believes it failed.
        ZaloTokens.Vault lossy = new ZaloTokens.Vault() {
            @Override
            public Optional<ZaloTokens.Pair> load() {
                return real.load();
            }

            @Override
            public ZaloTokens.Pair renew(ZaloTokens.Pair seed, Instant at, ZaloTokens.Renewal renewal)
                    throws ZaloException {
                ZaloTokens.Pair stored = real.renew(seed, at, renewal);
                if (stored.accessToken().isPresent() && loseAcknowledgement.getAndSet(false)) {
                    throw new StoreException("connection reset while committing", null);
                }
                return stored;
            }
        };
        ZaloTokens first = new ZaloTokens(
                URI.create(zalo.url()),
                "1",
                "s",
                Optional.of("r1"),
                lossy,
                HttpClient.newHttpClient(),
                clock,
                told::add);
        ZaloTokens second = instance(url);

        assertThat(catchThrowableOfType(ZaloException.class, first::accessToken).getMessage())
                .contains("could not be stored");
        clock.advance(EXPIRED);
        assertThat(second.accessToken())
                .as("the other instance renews from what was stored")
                .isEqualTo("access-3");

        assertThat(first.accessToken())
                .as("takes the newer pair instead of writing its spent one back")
                .isEqualTo("access-3");
        assertThat(real.load().orElseThrow().refreshToken()).isEqualTo("r3");
        assertThat(spent()).containsExactly("r1", "r2");
    }

    @Test
    void whenTheVaultCannotBeReachedZaloIsNotCalledAndTheOfficersAreToldOnce() {
        ZaloTokens.Vault down = new ZaloTokens.Vault() {
            @Override
            public Optional<ZaloTokens.Pair> load() {
                return Optional.empty();
            }

            @Override
            public ZaloTokens.Pair renew(ZaloTokens.Pair seed, Instant at, ZaloTokens.Renewal renewal) {
                throw new StoreException("database down", null);
            }
        };
        ZaloTokens tokens = new ZaloTokens(
                URI.create(zalo.url()),
                "1",
                "s",
                Optional.of("r1"),
                down,
                HttpClient.newHttpClient(),
                clock,
                told::add);

        assertThat(catchThrowableOfType(ZaloException.class, tokens::accessToken)
                        .retriable())
                .isTrue();
        assertThat(catchThrowableOfType(ZaloException.class, tokens::accessToken))
                .isNotNull();

        assertThat(zalo.refreshes).as("no token spent that could not be stored").isEmpty();
        assertThat(told).singleElement().satisfies(t -> assertThat(t).contains("could not be read from the database"));
    }
}
