package org.consularbot.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The officer inbox contract, written once and run on the in-memory twin, H2 and a real PostgreSQL. */
public abstract class OfficerInboxContract {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    /** Held by the instance that stored it, 30 s from T0 unless renewed. */
    private static final OfficerInbox.Claim HELD = new OfficerInbox.Claim("instance-a", T0.plusSeconds(30));

    private OfficerInbox inbox;

    protected abstract OfficerInbox newInbox();

    protected void closeInbox() {}

    @BeforeEach
    void open() {
        inbox = newInbox();
    }

    @AfterEach
    void close() {
        closeInbox();
    }

    @Test
    void anActionIsPendingUntilHandledOldestFirst() {
        assertThat(inbox.add("telegram:7", Optional.of(3L), "{\"text\":\"/take 3\"}", T0.plusSeconds(2), HELD))
                .isTrue();
        assertThat(inbox.add("telegram:5", Optional.empty(), "{\"text\":\"xin chào, em đợi chút nhé 🙏\"}", T0, HELD))
                .isTrue();

        assertThat(inbox.pending(10))
                .extracting(OfficerInbox.Action::sourceId)
                .containsExactly("telegram:5", "telegram:7");
        assertThat(inbox.pending(10).get(0).payload()).isEqualTo("{\"text\":\"xin chào, em đợi chút nhé 🙏\"}");
        assertThat(inbox.pending(10).get(0).receivedAt()).isEqualTo(T0);
        assertThat(inbox.pending(10))
                .as("the ticket each is about, when the channel could tell")
                .extracting(OfficerInbox.Action::ticket)
                .containsExactly(Optional.empty(), Optional.of(3L));
        assertThat(inbox.pending(1)).hasSize(1);

        inbox.handled("telegram:5", T0.plusSeconds(3));

        assertThat(inbox.pending(10)).extracting(OfficerInbox.Action::sourceId).containsExactly("telegram:7");
    }

    @Test
    void aRedeliveryIsRecognisedBeforeAndAfterItRan() {
        assertThat(inbox.add("telegram:9", Optional.empty(), "a", T0, HELD)).isTrue();
        assertThat(inbox.add("telegram:9", Optional.empty(), "a", T0.plusSeconds(1), HELD))
                .as("stored, not yet run")
                .isFalse();
        assertThat(inbox.pending(10)).hasSize(1);

        inbox.handled("telegram:9", T0.plusSeconds(2));

        assertThat(inbox.add("telegram:9", Optional.empty(), "a", T0.plusSeconds(5), HELD))
                .as("already run")
                .isFalse();
        assertThat(inbox.pending(10)).isEmpty();
    }

    @Test
    void pruningForgetsOnlyOldHandledActions() {
        inbox.add("old-handled", Optional.empty(), "a", T0, HELD);
        inbox.add("old-pending", Optional.empty(), "b", T0, HELD);
        inbox.add("new-handled", Optional.empty(), "c", T0.plus(Duration.ofDays(2)), HELD);
        inbox.handled("old-handled", T0.plusSeconds(1));
        inbox.handled("new-handled", T0.plus(Duration.ofDays(2)));

        assertThat(inbox.prune(T0.plus(Duration.ofDays(1)))).isEqualTo(1);

        assertThat(inbox.pending(10)).extracting(OfficerInbox.Action::sourceId).containsExactly("old-pending");
        assertThat(inbox.add("new-handled", Optional.empty(), "c", T0.plus(Duration.ofDays(3)), HELD))
                .as("still remembered")
                .isFalse();
        assertThat(inbox.add("old-handled", Optional.empty(), "a", T0.plus(Duration.ofDays(3)), HELD))
                .as("forgotten")
                .isTrue();
    }

    @Test
    void anActionIsLeftToTheInstanceThatStoredItUntilItsClaimRunsOut() {
        inbox.add("telegram:11", Optional.of(4L), "a", T0, HELD);
        Instant before = T0.plusSeconds(29);

        assertThat(inbox.claimable("instance-b", before, 10))
                .as("held by instance-a")
                .isEmpty();
        assertThat(inbox.claim("telegram:11", new OfficerInbox.Claim("instance-b", before.plusSeconds(30)), before))
                .isFalse();
        assertThat(inbox.claimable("instance-a", before, 10))
                .extracting(OfficerInbox.Action::sourceId)
                .containsExactly("telegram:11");
        assertThat(inbox.claim("telegram:11", HELD, before))
                .as("its own, claimed again")
                .isTrue();

        Instant runOut = HELD.until();
        OfficerInbox.Claim takeover = new OfficerInbox.Claim("instance-b", runOut.plusSeconds(30));
        assertThat(inbox.claimable("instance-b", runOut, 10))
                .as("instance-a died: its claim ran out")
                .extracting(OfficerInbox.Action::sourceId)
                .containsExactly("telegram:11");
        assertThat(inbox.claim("telegram:11", takeover, runOut)).isTrue();
        assertThat(inbox.claim("telegram:11", new OfficerInbox.Claim("instance-a", runOut.plusSeconds(31)), runOut))
                .as("instance-a, back from a long pause, finds it taken over")
                .isFalse();
        assertThat(inbox.pending(10)).as("claimed, still pending until handled").hasSize(1);

        inbox.handled("telegram:11", runOut.plusSeconds(1));
        assertThat(inbox.claim("telegram:11", takeover, runOut.plusSeconds(2)))
                .as("handled: nobody claims it any more")
                .isFalse();
        assertThat(inbox.claimable("instance-b", runOut.plus(Duration.ofHours(1)), 10))
                .isEmpty();
    }

    @Test
    void aRenewedClaimKeepsTheActionFromTheOthersOnlyForItsHolder() {
        inbox.add("telegram:12", Optional.empty(), "a", T0, HELD);
        inbox.add("telegram:13", Optional.empty(), "b", T0, new OfficerInbox.Claim("instance-b", HELD.until()));

        OfficerInbox.Claim renewed = new OfficerInbox.Claim("instance-a", T0.plusSeconds(60));
        assertThat(inbox.renew(List.of("telegram:12", "telegram:13", "telegram:404"), renewed))
                .as("only its own")
                .isEqualTo(1);

        Instant later = T0.plusSeconds(45);
        assertThat(inbox.claimable("instance-c", later, 10))
                .extracting(OfficerInbox.Action::sourceId)
                .containsExactly("telegram:13");
        assertThat(inbox.claim("telegram:12", new OfficerInbox.Claim("instance-c", later.plusSeconds(30)), later))
                .isFalse();

        inbox.handled("telegram:12", later);
        assertThat(inbox.renew(List.of("telegram:12"), renewed)).as("handled").isZero();
        assertThat(inbox.renew(List.of(), renewed)).isZero();
    }

    /**
     * Regression (issue 17, hardening): instances on one database each claiming the same stored actions at the same
     * time (the officers' relays of two instances, or one relaying while the other carries out what it stored): each
     * action goes to exactly one.
     */
    @Test
    void ofInstancesClaimingTheSameActionsAtOnceExactlyOneGetsEach() throws Exception {
        int actions = 30;
        OfficerInbox.Claim runOut = new OfficerInbox.Claim("instance-dead", T0);
        for (int i = 0; i < actions; i++) {
            inbox.add("telegram:" + (100 + i), Optional.of(7L), "reply " + i, T0.plusMillis(i), runOut);
        }
        Instant now = T0.plusSeconds(1);
        Map<String, AtomicInteger> winners = new ConcurrentHashMap<>();
        int instances = 4;
        ExecutorService threads = Executors.newFixedThreadPool(instances);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> claiming = new ArrayList<>();
        for (int n = 0; n < instances; n++) {
            OfficerInbox.Claim claim = new OfficerInbox.Claim("instance-" + n, now.plusSeconds(30));
            claiming.add(threads.submit(() -> {
                start.await();
                for (OfficerInbox.Action action : inbox.claimable(claim.holder(), now, actions)) {
                    if (inbox.claim(action.sourceId(), claim, now)) {
                        winners.computeIfAbsent(action.sourceId(), id -> new AtomicInteger())
                                .incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> each : claiming) {
            each.get(30, TimeUnit.SECONDS);
        }
        threads.shutdown();

        assertThat(winners).hasSize(actions);
        assertThat(winners.values()).as("one claimer each").allMatch(n -> n.get() == 1);
        assertThat(inbox.claimable("instance-late", now, actions))
                .as("all held now")
                .isEmpty();
    }
}
