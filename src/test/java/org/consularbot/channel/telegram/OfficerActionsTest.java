package org.consularbot.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.consularbot.conversation.ChatLanes;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.StoreException;
import org.consularbot.handoff.InMemoryOfficerInbox;
import org.consularbot.handoff.OfficerInbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Officers' actions are stored before Telegram is told they arrived, and run once: a crash before the lane ran one,
 * or the database refusing it, leaves it for the next {@code resumePending}.
 */
class OfficerActionsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);
    private static final Incoming.OfficerAction REPLY = new Incoming.OfficerAction(
            "42", "Chị đợi em 5 phút nhé", Optional.of("9001"), Optional.empty(), Optional.of("77"));

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
        return new OfficerActions(group, action -> Optional.of(12L), store, lane, CLOCK);
    }

    /** Waits until the lane has run everything queued so far. */
    private void settle() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        lanes.get(lanes.size() - 1).submit(new ConversationKey("telegram", "officers"), done::countDown);
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
        OfficerActions dying = actions(
                action -> {
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

        OfficerActions next = actions(ran::add, inbox);
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

    @Test
    void anActionThatCannotBeStoredIsRefusedSoTelegramSendsItAgain() {
        OfficerInbox down = new InMemoryOfficerInbox();
        OfficerInbox refusing = new OfficerInbox() {
            @Override
            public boolean add(String sourceId, Optional<Long> ticket, String payload, Instant at) {
                throw new StoreException("database error while storing an officer's action: connection refused", null);
            }

            @Override
            public void handled(String sourceId, Instant at) {
                down.handled(sourceId, at);
            }

            @Override
            public List<Action> pending(int limit) {
                return down.pending(limit);
            }

            @Override
            public int prune(Instant before) {
                return 0;
            }
        };
        OfficerActions actions = actions(ran::add, refusing);

        assertThatThrownBy(() -> actions.receive(505, REPLY)).isInstanceOf(StoreException.class);
        assertThat(ran).isEmpty();
    }
}
