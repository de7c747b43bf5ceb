package org.consularbot.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.consularbot.ManualClock;
import org.consularbot.conversation.ChatLanes;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.store.Database;
import org.consularbot.store.DatabaseSettings;
import org.consularbot.store.JdbcOfficerInbox;
import org.consularbot.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Regression (issue 17, hardening): two instances on one real PostgreSQL, each with its own pool, inbox and lane.
 * The instance relaying to officers listed every stored action not in its own memory and carried it out, also one
 * another instance had just stored and was about to carry out itself: an officer's reply reached the citizen twice.
 */
class OfficerActionsOnTwoInstancesTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private static final int ACTIONS = 40;

    private final ManualClock clock = new ManualClock(T0);
    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<ChatLanes> lanes = new ArrayList<>();
    /** How many times each action was carried out, over all instances. */
    private final Map<String, AtomicInteger> carriedOut = new ConcurrentHashMap<>();
    /** How many actions each instance carried out. */
    private final Map<String, AtomicInteger> byInstance = new ConcurrentHashMap<>();
    /** The shared database as an onlooker sees it, through a pool of its own. */
    private JdbcOfficerInbox onlooker;

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void anActionOneInstanceStoredIsCarriedOutOnceWhileTheOtherRelays() throws Exception {
        String url = sharedDatabase();
        OfficerActions receiving = instance(url);
        OfficerActions relaying = instance(url);
        AtomicBoolean stop = new AtomicBoolean();
        Thread relay = new Thread(() -> {
            while (!stop.get()) {
                relaying.resumePending(); // every second in service; as often as it can here
            }
        });
        relay.start();
        try {
            for (int i = 0; i < ACTIONS; i++) {
                receiving.receive(1_000 + i, reply("reply " + i));
            }
            awaitAllCarriedOut();
        } finally {
            stop.set(true);
            relay.join();
        }
        settleLanes();

        assertThat(carriedOut).hasSize(ACTIONS);
        assertThat(carriedOut.values()).as("each action carried out once").allMatch(n -> n.get() == 1);
        assertThat(byInstance)
                .as("by the instance that stored them, alive all along")
                .containsOnlyKeys("instance-1");
    }

    @Test
    void actionsLeftByADeadInstanceAreCarriedOutOnceByTwoRacingRelays() throws Exception {
        String url = sharedDatabase();
        leftByADeadInstance(url);
        OfficerActions first = instance(url);
        OfficerActions second = instance(url);

        CountDownLatch start = new CountDownLatch(1);
        List<Thread> relays = new ArrayList<>();
        for (OfficerActions relaying : List.of(first, second)) {
            Thread relay = new Thread(() -> {
                awaitOpen(start);
                while (pending() > 0) {
                    relaying.resumePending();
                }
            });
            relay.start();
            relays.add(relay);
        }
        start.countDown();
        for (Thread relay : relays) {
            relay.join(TimeUnit.SECONDS.toMillis(30));
        }
        settleLanes();

        assertThat(carriedOut).hasSize(ACTIONS);
        assertThat(carriedOut.values()).as("each action carried out once").allMatch(n -> n.get() == 1);
    }

    /** One instance: its own pool on the shared database, its own lane, the group slow enough to race with. */
    private OfficerActions instance(String url) {
        Database database = Database.open(DatabaseSettings.of(url));
        open.add(database);
        ChatLanes lane = new ChatLanes(1, "officers-" + lanes.size());
        lanes.add(lane);
        open.add(lane);
        String name = "instance-" + lanes.size();
        Consumer<Incoming.OfficerAction> group = action -> {
            carriedOut.computeIfAbsent(action.text(), t -> new AtomicInteger()).incrementAndGet();
            byInstance.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            pause(5); // a reply sent to the citizen through Telegram
        };
        return new OfficerActions(
                group, action -> Optional.of(12L), new JdbcOfficerInbox(database.dataSource()), lane, clock, name);
    }

    /** Actions an instance stored and never carried out: its lane took no more work (it was being killed). */
    private void leftByADeadInstance(String url) {
        OfficerActions dying = instance(url);
        lanes.get(lanes.size() - 1).close();
        for (int i = 0; i < ACTIONS; i++) {
            dying.receive(2_000 + i, reply("left " + i));
        }
        assertThat(pending()).isEqualTo(ACTIONS);
        clock.advance(Duration.ofMinutes(1)); // its claims ran out: the others may take its actions over
    }

    /** A new database on the embedded PostgreSQL, the instances' and the onlooker's. */
    private String sharedDatabase() {
        String url = TestDatabases.postgresUrl();
        Database database = Database.open(DatabaseSettings.of(url));
        open.add(database);
        onlooker = new JdbcOfficerInbox(database.dataSource());
        return url;
    }

    private int pending() {
        return onlooker.pending(ACTIONS + 1).size();
    }

    private void awaitAllCarriedOut() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (pending() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(pending()).as("all carried out").isZero();
    }

    /**
     * Waits until every open lane has run what was queued on it, and again while that carried anything out (a drain
     * queues itself again behind other work after each share of its backlog).
     */
    private void settleLanes() throws InterruptedException {
        int before;
        do {
            before = total();
            for (ChatLanes lane : lanes) {
                CountDownLatch done = new CountDownLatch(1);
                if (lane.submit(new ConversationKey("telegram", "officers"), done::countDown)) {
                    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
                }
            }
        } while (total() != before);
    }

    private int total() {
        return carriedOut.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private static Incoming.OfficerAction reply(String text) {
        return new Incoming.OfficerAction("42", text, Optional.of("9001"), Optional.empty(), Optional.empty());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitOpen(CountDownLatch gate) {
        try {
            gate.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
