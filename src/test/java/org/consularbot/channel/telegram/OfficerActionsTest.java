package org.consularbot.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.consularbot.ManualClock;
import org.consularbot.conversation.ChatLanes;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.StoreException;
import org.consularbot.handoff.InMemoryOfficerInbox;
import org.consularbot.handoff.OfficerInbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Officers' actions are stored before Telegram is told they arrived, and run once: a crash before the lane ran one,
 * or the database refusing it, leaves it for the next {@code resumePending}. Each {@link #actions} is another
 * instance, with a name of its own in the claims it holds; the clock is moved by hand past their lease.
 */
class OfficerActionsTest {

    private static final Incoming.OfficerAction REPLY = new Incoming.OfficerAction(
            "42", "Chị đợi em 5 phút nhé", Optional.of("9001"), Optional.empty(), Optional.of("77"));

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-06T10:00:00Z"));

    private final InMemoryOfficerInbox inbox = new InMemoryOfficerInbox();
    private final List<ChatLanes> lanes = new CopyOnWriteArrayList<>();
    private final List<Incoming.OfficerAction> ran = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        lanes.forEach(ChatLanes::close);
    }

    private OfficerActions actions(Consumer<Incoming.OfficerAction> group, OfficerInbox store) {
        ChatLanes lane = new ChatLanes(1, "test-officers");
        lanes.add(lane);
        return new OfficerActions(group, action -> Optional.of(12L), store, lane, clock, "instance-" + lanes.size());
    }

    /** Waits until the last lane made has run everything queued so far. */
    private void settle() throws InterruptedException {
        settle(lanes.get(lanes.size() - 1));
    }

    private static void settle(ChatLanes lane) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        lane.submit(new ConversationKey("telegram", "officers"), done::countDown);
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anActionIsStoredBeforeReceiveReturnsAndRunsOnce() throws Exception {
        OfficerActions actions = actions(ran::add, inbox);

        actions.receive(501, REPLY);
        settle();
        actions.receive(501, REPLY); // Telegram sends it again: the offset had not moved yet
        settle();

        assertThat(ran).containsExactly(REPLY);
        assertThat(inbox.pending(10)).isEmpty();
        assertThat(actions.resumePending()).isZero();
    }

    @Test
    void anActionTheInstanceDiedBeforeRunningIsRunByTheNextOneWithAllItsFields() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch claimed = new CountDownLatch(1);
        OfficerActions dying = actions(
                action -> {
                    claimed.countDown();
                    try {
                        never.await(); // the process is killed while the action waits on its lane
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                inbox);
        dying.receive(502, REPLY);
        assertThat(inbox.pending(10)).extracting(OfficerInbox.Action::sourceId).containsExactly("telegram:502");
        assertThat(inbox.pending(10))
                .as("stored with the ticket it is about")
                .extracting(OfficerInbox.Action::ticket)
                .containsExactly(Optional.of(12L));
        // Claimed on the test's clock when its lane runs it: the clock moves only after, or a lane late under load
        // would claim at the moved time and hold it a lease longer (CI, stop 27).
        assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();

        OfficerActions next = actions(ran::add, inbox);
        clock.advance(OfficerActions.LEASE.minusSeconds(1));
        assertThat(next.resumePending())
                .as("held by the dying instance until its claim runs out")
                .isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(next.resumePending()).isEqualTo(1);
        settle();

        assertThat(ran).containsExactly(REPLY);
        assertThat(inbox.pending(10)).isEmpty();
        never.countDown();
    }

    @Test
    void anActionTheDatabaseRefusedStaysPendingAndABuggyOneDoesNot() throws Exception {
        Incoming.OfficerAction buggy =
                new Incoming.OfficerAction("42", "/take 3", Optional.empty(), Optional.of("cb"), Optional.empty());
        boolean[] databaseDown = {true};
        OfficerActions actions = actions(
                action -> {
                    if (action.equals(buggy)) {
                        throw new IllegalStateException("bug");
                    }
                    if (databaseDown[0]) {
                        throw new StoreException("database error while storing a turn: connection refused", null);
                    }
                    ran.add(action);
                },
                inbox);

        actions.receive(503, REPLY);
        actions.receive(504, buggy);
        settle();

        assertThat(inbox.pending(10)).extracting(OfficerInbox.Action::sourceId).containsExactly("telegram:503");
        databaseDown[0] = false;
        assertThat(actions.resumePending()).isEqualTo(1);
        settle();
        assertThat(ran).containsExactly(REPLY);
        assertThat(inbox.pending(10)).isEmpty();
    }

    /**
     * Regression (issue 17): at a restart, the stored actions were queued on the officers' lane one task each, all at
     * once, over its bound for one chat; the lane refused the rest ("work for a telegram chat not queued"), and they
     * waited for later relay rounds, behind the actions Telegram redelivered meanwhile.
     */
    @Test
    void aBacklogOverTheLanesBoundAndWhatArrivesWhileItRunsAreAllCarriedOutInOrderInOneRound() throws Exception {
        int backlog = 2 * ChatLanes.MAX_PER_CHAT + 5;
        int arriving = ChatLanes.MAX_PER_CHAT + 1;
        List<Incoming.OfficerAction> expected = new ArrayList<>(leftByAStoppingInstance(backlog));

        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch all = new CountDownLatch(backlog + arriving);
        OfficerActions next = actions(
                action -> {
                    awaitOpen(gate);
                    ran.add(action);
                    all.countDown();
                },
                inbox);
        assertThat(next.resumePending()).isEqualTo(backlog);
        for (int i = 0; i < arriving; i++) { // Telegram redelivers what officers sent while the instance was down
            expected.add(reply("meanwhile " + i));
            next.receive(700 + i, expected.get(backlog + i));
        }
        gate.countDown();

        assertThat(all.await(10, TimeUnit.SECONDS))
                .as("all carried out in this round: none refused, left for a later one")
                .isTrue();
        settle(); // the last one is marked done after it ran
        assertThat(ran).containsExactlyElementsOf(expected);
        assertThat(inbox.pending(100)).isEmpty();
    }

    @Test
    void aLongBacklogStepsBackForTheOtherChatsOfItsLaneAfterEachShareOfIt() throws Exception {
        int backlog = 2 * ChatLanes.MAX_PER_CHAT + 5;
        List<Incoming.OfficerAction> expected = leftByAStoppingInstance(backlog);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch all = new CountDownLatch(backlog);
        OfficerActions next = actions(
                action -> {
                    started.countDown();
                    awaitOpen(gate);
                    ran.add(action);
                    all.countDown();
                },
                inbox);
        next.resumePending();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        AtomicInteger citizenAfter = new AtomicInteger(-1);
        lanes.get(lanes.size() - 1).submit(new ConversationKey("telegram", "1001"), () -> citizenAfter.set(ran.size()));
        gate.countDown();

        assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).containsExactlyElementsOf(expected);
        assertThat(citizenAfter.get())
                .as("a citizen's turn queued on the lane meanwhile ran after one share, not the whole backlog")
                .isEqualTo(ChatLanes.MAX_PER_CHAT);
    }

    /** The backlog's bound stands in for the lane's: a flood in the officers' group waits in the inbox. */
    @Test
    void aFloodOverTheBacklogsBoundWaitsInTheInboxForTheNextRoundNotInMemory() throws Exception {
        int flood = OfficerActions.MAX_WAITING + 2;
        CountDownLatch backlogDone = new CountDownLatch(OfficerActions.MAX_WAITING);
        CountDownLatch all = new CountDownLatch(flood);
        OfficerActions actions = actions(
                action -> {
                    ran.add(action);
                    backlogDone.countDown();
                    all.countDown();
                },
                inbox);
        CountDownLatch gate = new CountDownLatch(1);
        lanes.get(0).submit(new ConversationKey("telegram", "officers"), () -> awaitOpen(gate)); // the lane is busy
        List<Incoming.OfficerAction> expected = new ArrayList<>();
        for (int i = 0; i < flood; i++) {
            expected.add(reply("flood " + i));
            actions.receive(800 + i, expected.get(i));
        }
        assertThat(inbox.pending(flood)).as("all stored").hasSize(flood);

        gate.countDown();
        assertThat(backlogDone.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(actions.resumePending()).as("the two over the bound").isEqualTo(2);
        assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        settle();
        assertThat(ran).containsExactlyElementsOf(expected);
        assertThat(inbox.pending(10)).isEmpty();
    }

    /**
     * Regression: a relay round that listed an action between its storing and its queuing by {@code receive} queued it
     * too, and the officer's reply reached the citizen twice.
     */
    @Test
    void anActionARelayRoundListsWhileItIsBeingReceivedIsCarriedOutOnce() throws Exception {
        OfficerActions[] actions = new OfficerActions[1];
        OfficerInbox racing = new ForwardingOfficerInbox(inbox) {
            @Override
            public boolean add(String sourceId, Optional<Long> ticket, String payload, Instant at, Claim claim) {
                boolean added = super.add(sourceId, ticket, payload, at, claim);
                actions[0].resumePending(); // the relay thread's round, right after the action is stored
                return added;
            }
        };
        actions[0] = actions(ran::add, racing);

        actions[0].receive(506, REPLY);
        settle();

        assertThat(ran).containsExactly(REPLY);
        assertThat(inbox.pending(10)).isEmpty();
    }

    /**
     * Regression (issue 17, hardening): the claim on an action is in the inbox, not only in the memory of the instance
     * that received it, whose relay carried out what another had stored and was about to carry out. An instance that
     * is alive keeps what it received by renewing its claims, however long the action waits on its lane; another takes
     * it over only once the claim ran out, and the first, when it comes to the action, does not carry it out too.
     */
    @Test
    void anActionWaitingOnALiveInstanceIsLeftToItAndTakenOverOnlyOnceItsClaimRanOut() throws Exception {
        List<Incoming.OfficerAction> ranByFirst = new CopyOnWriteArrayList<>();
        OfficerActions first = actions(ranByFirst::add, inbox);
        ChatLanes firstLane = lanes.get(0);
        CountDownLatch gate = new CountDownLatch(1);
        firstLane.submit(new ConversationKey("telegram", "officers"), () -> awaitOpen(gate)); // its lane is busy
        first.receive(510, REPLY);
        OfficerActions relaying = actions(ran::add, inbox);

        clock.advance(Duration.ofSeconds(20));
        assertThat(relaying.resumePending()).isZero();
        assertThat(first.renewClaims()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(20)); // past the claim it was stored with, within the renewed one
        assertThat(relaying.resumePending())
                .as("renewed: the first instance is alive")
                .isZero();

        clock.advance(OfficerActions.LEASE); // the first instance stopped renewing (dead, or cut off that long)
        assertThat(relaying.resumePending()).isEqualTo(1);
        settle();
        gate.countDown();
        settle(firstLane);

        assertThat(ran).containsExactly(REPLY);
        assertThat(ranByFirst)
                .as("taken over: not carried out by the first instance too")
                .isEmpty();
        assertThat(inbox.pending(10)).isEmpty();
        assertThat(first.renewClaims()).as("nothing left to hold").isZero();
    }

    /** Actions an instance stored and never ran: its lane took no more work (it was stopping). */
    private List<Incoming.OfficerAction> leftByAStoppingInstance(int count) {
        OfficerActions stopping = actions(ran::add, inbox);
        lanes.get(lanes.size() - 1).close();
        List<Incoming.OfficerAction> left = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            left.add(reply("left " + i));
            stopping.receive(600 + i, left.get(i));
        }
        assertThat(inbox.pending(count + 1)).hasSize(count);
        clock.advance(OfficerActions.LEASE); // its claims run out: the next instance takes them over
        return left;
    }

    private static Incoming.OfficerAction reply(String text) {
        return new Incoming.OfficerAction("42", text, Optional.of("9001"), Optional.empty(), Optional.empty());
    }

    private static void awaitOpen(CountDownLatch gate) {
        try {
            gate.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void anActionThatCannotBeStoredIsRefusedSoTelegramSendsItAgain() {
        OfficerInbox refusing = new ForwardingOfficerInbox(new InMemoryOfficerInbox()) {
            @Override
            public boolean add(String sourceId, Optional<Long> ticket, String payload, Instant at, Claim claim) {
                throw new StoreException("database error while storing an officer's action: connection refused", null);
            }
        };
        OfficerActions actions = actions(ran::add, refusing);

        assertThatThrownBy(() -> actions.receive(505, REPLY)).isInstanceOf(StoreException.class);
        assertThat(ran).isEmpty();
    }
}
