package org.consularbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;
import org.assertj.core.groups.Tuple;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.InboundMessage;
import org.consularbot.faq.Language;
import org.consularbot.handoff.OfficerMessage;
import org.consularbot.handoff.OfficerOutbox;
import org.consularbot.handoff.Ticket;
import org.consularbot.handoff.TicketStatus;
import org.consularbot.handoff.TicketStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ticket store contract, written once and run on H2 and on a real PostgreSQL. */
abstract class TicketStoreContract {

    static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    Database db;
    JdbcConversationStore conversations;
    TicketStore tickets;

    abstract Database newDatabase();

    @BeforeEach
    void open() {
        db = newDatabase();
        conversations = new JdbcConversationStore(db.dataSource(), Clock.fixed(T0, ZoneOffset.UTC));
        tickets = new JdbcTicketStore(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    long conversation(String chat) {
        return conversations
                .recordInbound(InboundMessage.text(new ConversationKey("telegram", chat), chat, "m1", "/human", T0))
                .conversation()
                .id();
    }

    @Test
    void aConversationHasOneOpenTicketWhichAnUrgentRequestRaises() {
        long c = conversation("1");

        TicketStore.Opened first =
                tickets.openOrRaise(c, Ticket.Priority.NORMAL, Language.VI, Optional.empty(), "asked", T0);
        TicketStore.Opened again =
                tickets.openOrRaise(c, Ticket.Priority.NORMAL, Language.VI, Optional.empty(), "asked again", T0);
        TicketStore.Opened urgent =
                tickets.openOrRaise(c, Ticket.Priority.URGENT, Language.VI, Optional.of("arrest"), "emergency", T0);

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.ticket().id()).isEqualTo(first.ticket().id());
        assertThat(urgent.raised()).isTrue();
        assertThat(urgent.ticket().priority()).isEqualTo(Ticket.Priority.URGENT);
        assertThat(tickets.open()).hasSize(1);
        assertThat(first.ticket().conversation()).isEqualTo(new ConversationKey("telegram", "1"));
    }

    @Test
    void takeReleaseAndCloseMoveOnlyFromTheirStates() {
        long id = tickets.openOrRaise(
                        conversation("2"), Ticket.Priority.NORMAL, Language.EN, Optional.empty(), "asked", T0)
                .ticket()
                .id();

        assertThat(tickets.release(id, T0)).as("not taken").isFalse();
        assertThat(tickets.take(id, "7", T0)).isTrue();
        assertThat(tickets.take(id, "8", T0)).as("already taken").isFalse();
        assertThat(tickets.find(id).orElseThrow().officerId()).contains("7");
        assertThat(tickets.release(id, T0)).isTrue();
        assertThat(tickets.find(id).orElseThrow().status()).isEqualTo(TicketStatus.QUEUED);
        assertThat(tickets.close(id, T0.plusSeconds(60))).isTrue();
        assertThat(tickets.close(id, T0)).isFalse();
        assertThat(tickets.take(id, "7", T0)).isFalse();
        assertThat(tickets.find(id).orElseThrow().closedAt()).contains(T0.plusSeconds(60));
        assertThat(tickets.openFor(conversation("2"))).isEmpty();
    }

    @Test
    void ofOfficersTakingATicketAtOnceExactlyOneGetsIt() throws Exception {
        long id = tickets.openOrRaise(
                        conversation("3"), Ticket.Priority.URGENT, Language.VI, Optional.empty(), "emergency", T0)
                .ticket()
                .id();
        assertThat(winnersAtOnce(8, i -> tickets.take(id, "officer" + i, T0))).isEqualTo(1);
        assertThat(tickets.find(id).orElseThrow().status()).isEqualTo(TicketStatus.ASSIGNED);
    }

    /** Runs {@code attempt} on {@code contenders} threads released at once; how many succeeded. */
    static int winnersAtOnce(int contenders, IntPredicate attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                int contender = i;
                results.add(pool.submit(() -> {
                    start.await();
                    return attempt.test(contender);
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get() ? 1 : 0;
            }
            return winners;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void firstReplyIsRecordedOnceAndEndsTheWaitingList() {
        long id = tickets.openOrRaise(
                        conversation("4"), Ticket.Priority.NORMAL, Language.VI, Optional.empty(), "asked", T0)
                .ticket()
                .id();
        assertThat(tickets.awaitingFirstReply()).extracting(Ticket::id).containsExactly(id);

        tickets.officerReplied(id, T0.plusSeconds(30));
        tickets.officerReplied(id, T0.plusSeconds(90));

        assertThat(tickets.find(id).orElseThrow().firstReplyAt()).contains(T0.plusSeconds(30));
        assertThat(tickets.awaitingFirstReply()).isEmpty();
    }

    @Test
    void theAuditTrailKeepsEveryEventInOrder() {
        long id = tickets.openOrRaise(
                        conversation("5"), Ticket.Priority.NORMAL, Language.VI, Optional.empty(), "asked", T0)
                .ticket()
                .id();

        tickets.audit(Optional.of(id), "bot", "opened", "normal: asked", T0);
        tickets.audit(
                Optional.of(id), "999", "refused", "take by someone who is not a listed officer", T0.plusSeconds(1));
        assertThat(tickets.raiseSla(id, 1)).isTrue();
        assertThat(tickets.raiseSla(id, 1)).as("claimed once only").isFalse();

        assertThat(tickets.events(id))
                .extracting(TicketStore.Event::actor, TicketStore.Event::action)
                .containsExactly(Tuple.tuple("bot", "opened"), Tuple.tuple("999", "refused"));
        assertThat(tickets.find(id).orElseThrow().slaLevel()).isEqualTo(1);
    }

    @Test
    void aReleasedTicketStartsItsWaitAgain() {
        long id = tickets.openOrRaise(
                        conversation("8"), Ticket.Priority.NORMAL, Language.VI, Optional.empty(), "asked", T0)
                .ticket()
                .id();
        tickets.take(id, "7", T0.plusSeconds(10));
        tickets.officerReplied(id, T0.plusSeconds(20));
        tickets.raiseSla(id, 1);

        assertThat(tickets.release(id, T0.plusSeconds(600))).isTrue();

        Ticket released = tickets.find(id).orElseThrow();
        assertThat(released.queuedAt()).isEqualTo(T0.plusSeconds(600));
        assertThat(released.firstReplyAt()).isEmpty();
        assertThat(released.slaLevel()).isZero();
        assertThat(tickets.awaitingFirstReply()).extracting(Ticket::id).contains(id);
    }

    @Test
    void urgentTicketsComeFirstInTheQueue() {
        long normal = tickets.openOrRaise(
                        conversation("6"), Ticket.Priority.NORMAL, Language.VI, Optional.empty(), "asked", T0)
                .ticket()
                .id();
        long urgent = tickets.openOrRaise(
                        conversation("7"),
                        Ticket.Priority.URGENT,
                        Language.VI,
                        Optional.empty(),
                        "emergency",
                        T0.plusSeconds(5))
                .ticket()
                .id();

        assertThat(tickets.open()).extracting(Ticket::id).containsExactly(urgent, normal);
    }

    long ticket(String chat, Ticket.Priority priority) {
        return tickets.openOrRaise(conversation(chat), priority, Language.VI, Optional.empty(), "asked", T0)
                .ticket()
                .id();
    }

    @Test
    void takingStartsTheCitizensWaitForTheHolderAReplyEndsItAndReleaseForgetsIt() {
        long id = ticket("20", Ticket.Priority.URGENT);
        tickets.citizenWaiting(id, T0);
        assertThat(tickets.find(id).orElseThrow().unansweredSince())
                .as("queued: the queue's SLA runs, not the holder's")
                .isEmpty();

        tickets.take(id, "7", T0.plusSeconds(10));
        tickets.citizenWaiting(id, T0.plusSeconds(20));
        assertThat(tickets.find(id).orElseThrow().unansweredSince()).contains(T0.plusSeconds(10));
        assertThat(tickets.awaitingHolder()).extracting(Ticket::id).containsExactly(id);

        tickets.officerReplied(id, T0.plusSeconds(30));
        assertThat(tickets.find(id).orElseThrow().unansweredSince()).isEmpty();
        assertThat(tickets.awaitingHolder()).isEmpty();
        tickets.citizenWaiting(id, T0.plusSeconds(40));
        tickets.officerReplied(id, T0.plusSeconds(50));
        tickets.citizenWaiting(id, T0.plusSeconds(60));
        Ticket waiting = tickets.find(id).orElseThrow();
        assertThat(waiting.unansweredSince()).contains(T0.plusSeconds(60));
        assertThat(waiting.firstReplyAt()).as("the first reply stays the first").contains(T0.plusSeconds(30));

        tickets.release(id, T0.plusSeconds(70));
        assertThat(tickets.find(id).orElseThrow().unansweredSince()).isEmpty();
    }

    @Test
    void aSilentHoldersTicketGoesBackToTheQueueOnlyWhileItIsStillSilentAndTheirs() {
        long id = ticket("21", Ticket.Priority.URGENT);
        tickets.take(id, "7", T0);
        tickets.raiseSla(id, 1);

        assertThat(tickets.requeueSilent(id, "8", T0, T0.plusSeconds(600)))
                .as("not theirs")
                .isFalse();
        assertThat(tickets.requeueSilent(id, "7", T0.minusSeconds(1), T0.plusSeconds(600)))
                .as("silent for less than asked")
                .isFalse();
        tickets.officerReplied(id, T0.plusSeconds(300));
        assertThat(tickets.requeueSilent(id, "7", T0, T0.plusSeconds(600)))
                .as("a reply crossed it")
                .isFalse();
        tickets.citizenWaiting(id, T0.plusSeconds(400));

        assertThat(tickets.requeueSilent(id, "7", T0.plusSeconds(400), T0.plusSeconds(1000)))
                .isTrue();

        Ticket queued = tickets.find(id).orElseThrow();
        assertThat(queued.status()).isEqualTo(TicketStatus.QUEUED);
        assertThat(queued.officerId()).isEmpty();
        assertThat(queued.queuedAt()).isEqualTo(T0.plusSeconds(1000));
        assertThat(queued.firstReplyAt()).isEmpty();
        assertThat(queued.slaLevel()).isZero();
        assertThat(queued.unansweredSince()).isEmpty();
        assertThat(tickets.requeueSilent(id, "7", T0.plusSeconds(400), T0.plusSeconds(1000)))
                .as("once")
                .isFalse();
    }

    @Test
    void aRelayAcknowledgementIsClaimedAtMostOncePerGapPerTicketAndOutlivesTheStoreObject() {
        long first = ticket("22", Ticket.Priority.NORMAL);
        long second = ticket("23", Ticket.Priority.NORMAL);
        Duration minute = Duration.ofMinutes(1);

        assertThat(tickets.claimRelayAck(first, T0, minute)).isTrue();
        assertThat(tickets.claimRelayAck(first, T0.plusSeconds(59), minute)).isFalse();
        assertThat(tickets.claimRelayAck(second, T0.plusSeconds(59), minute))
                .as("each ticket its own")
                .isTrue();
        TicketStore anotherInstance = new JdbcTicketStore(db.dataSource());
        assertThat(anotherInstance.claimRelayAck(first, T0.plusSeconds(30), minute))
                .as("stored, not remembered")
                .isFalse();
        assertThat(anotherInstance.claimRelayAck(first, T0.plusSeconds(60), minute))
                .isTrue();
        assertThat(tickets.claimRelayAck(first, T0.plusSeconds(61), minute)).isFalse();
        assertThat(tickets.claimRelayAck(999_999, T0, minute))
                .as("no such ticket")
                .isFalse();
    }

    @Test
    void ofInstancesClaimingOneAcknowledgementAtOnceExactlyOneGetsIt() throws Exception {
        long id = ticket("24", Ticket.Priority.URGENT);

        assertThat(winnersAtOnce(
                        8, i -> new JdbcTicketStore(db.dataSource()).claimRelayAck(id, T0, Duration.ofMinutes(1))))
                .as("each its own store object, as instances have")
                .isEqualTo(1);
    }

    @Test
    void aTicketsAcknowledgementsGoWithItsConversation() throws SQLException {
        long c = conversation("25");
        long id = tickets.openOrRaise(c, Ticket.Priority.NORMAL, Language.VI, Optional.empty(), "asked", T0)
                .ticket()
                .id();
        tickets.claimRelayAck(id, T0, Duration.ofMinutes(1));

        try (Connection connection = db.dataSource().getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM conversations WHERE id = ?");
                PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM relay_acks")) {
            delete.setLong(1, c);
            delete.executeUpdate();
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).isZero();
            }
        }
    }

    @Test
    void aTicketIsHandedOnOnlyFromTheOfficerWhoStillHoldsIt() {
        long id = tickets.openOrRaise(conversation("1"), Ticket.Priority.URGENT, Language.VI, Optional.empty(), "r", T0)
                .ticket()
                .id();
        assertThat(tickets.reassign(id, "lan", "minh", T0))
                .as("queued: nobody holds it")
                .isFalse();
        tickets.take(id, "lan", T0);
        tickets.officerReplied(id, T0.plusSeconds(10));

        assertThat(tickets.reassign(id, "chi", "minh", T0.plusSeconds(20)))
                .as("not from someone who does not hold it")
                .isFalse();
        assertThat(tickets.reassign(id, "lan", "minh", T0.plusSeconds(30))).isTrue();
        assertThat(tickets.reassign(id, "lan", "chi", T0.plusSeconds(40)))
                .as("Lan no longer holds it")
                .isFalse();

        Ticket moved = tickets.find(id).orElseThrow();
        assertThat(moved.officerId()).contains("minh");
        assertThat(moved.status()).isEqualTo(TicketStatus.ASSIGNED);
        assertThat(moved.unansweredSince()).as("the citizen now waits for Minh").contains(T0.plusSeconds(30));
        assertThat(moved.firstReplyAt()).as("the first reply stays answered").contains(T0.plusSeconds(10));
        tickets.close(id, T0.plusSeconds(50));
        assertThat(tickets.reassign(id, "minh", "lan", T0.plusSeconds(60))).isFalse();
    }

    @Test
    void theOfficersLatestCardsNoticesAndAlarmsAreListedNewestFirstWithoutRelays() {
        JdbcOfficerOutbox outbox = new JdbcOfficerOutbox(db.dataSource());
        assertThat(outbox.latestNotRelayedId()).isZero();
        long id = tickets.openOrRaise(conversation("1"), Ticket.Priority.URGENT, Language.VI, Optional.empty(), "r", T0)
                .ticket()
                .id();
        outbox.enqueue(Optional.of(id), OfficerMessage.Kind.CARD, "🆘 URGENT #" + id, List.of("lan"), T0);
        outbox.enqueue(Optional.of(id), OfficerMessage.Kind.RELAY, "#" + id + " 💬 help", List.of(), T0);
        long beforeAlarm = outbox.latestNotRelayedId();
        outbox.enqueue(Optional.of(id), OfficerMessage.Kind.ALARM, "⏰ #" + id, List.of("chi"), T0.plusSeconds(60));
        outbox.enqueue(Optional.empty(), OfficerMessage.Kind.NOTICE, "Zalo token", List.of(), T0.plusSeconds(61));
        long latest = outbox.latestNotRelayedId();
        outbox.enqueue(Optional.of(id), OfficerMessage.Kind.RELAY, "#" + id + " 💬 again", List.of(), T0);

        assertThat(outbox.latestNotRelayedId()).as("a relay does not count").isEqualTo(latest);
        assertThat(latest).isGreaterThan(beforeAlarm);
        List<OfficerOutbox.Posted> posted = outbox.latestNotRelayed(2);
        assertThat(posted)
                .extracting(p -> p.message().text(), OfficerOutbox.Posted::at)
                .containsExactly(
                        Tuple.tuple("Zalo token", T0.plusSeconds(61)), Tuple.tuple("⏰ #" + id, T0.plusSeconds(60)));
        assertThat(posted.get(1).message().urgent()).isTrue();
        assertThat(posted.get(1).message().mention()).containsExactly("chi");
        assertThat(outbox.latestNotRelayed(10))
                .extracting(p -> p.message().kind())
                .containsExactly(OfficerMessage.Kind.NOTICE, OfficerMessage.Kind.ALARM, OfficerMessage.Kind.CARD);
    }
}
