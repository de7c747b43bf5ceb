package org.consularbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.consularbot.ManualClock;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.InboundMessage;
import org.consularbot.faq.Language;
import org.consularbot.handoff.OfficerMessage;
import org.consularbot.handoff.Ticket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code purge} and what officers keep about a citizen who still writes: their conversation stays, but officers'
 * notes and the officers' outbox (cards, relays, notices) go by their own age, like the citizen's messages, and a
 * ticket closed before the cutoff goes with its records. On H2 and on a real PostgreSQL.
 */
class PurgeOfOfficersRecordsTest {

    private static final Instant T0 = Instant.parse("2026-09-01T10:00:00Z");
    private static final Instant CUTOFF = T0.plus(Duration.ofDays(30));
    private static final ConversationKey CITIZEN = new ConversationKey("zalo", "u-4711");

    private final ManualClock clock = new ManualClock(T0);

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void officersNotesAndOutboxGoByAgeAndRecentOnesStay(String database) throws Exception {
        try (Database db = database.equals("h2") ? TestDatabases.h2() : TestDatabases.postgres()) {
            JdbcConversationStore conversations = new JdbcConversationStore(db.dataSource(), clock);
            JdbcTicketStore tickets = new JdbcTicketStore(db.dataSource());
            JdbcOfficerOutbox outbox = new JdbcOfficerOutbox(db.dataSource());

            // Day 0: a ticket, an officer's note with personal data, its card, a notice naming the citizen; closed.
            long first = ticket(conversations, tickets, "m1", "Tôi tên Lan, cần gặp cán bộ");
            tickets.audit(Optional.of(first), "7", "note", "old note: Lan, phone 0912 345 678", clock.instant());
            outbox.enqueue(Optional.of(first), OfficerMessage.Kind.CARD, "old card #" + first, List.of(), T0);
            outbox.enqueue(
                    Optional.empty(), OfficerMessage.Kind.NOTICE, "old notice: Zalo u-4711 window", List.of(), T0);
            clock.advance(Duration.ofHours(1));
            tickets.close(first, clock.instant());

            // Day 20: a second ticket, still open at the purge, with an old note and card.
            clock.set(T0.plus(Duration.ofDays(20)));
            long second = ticket(conversations, tickets, "m2", "lại là Lan");
            tickets.audit(Optional.of(second), "7", "note", "old note on the open ticket", clock.instant());
            outbox.enqueue(
                    Optional.of(second), OfficerMessage.Kind.CARD, "old card #" + second, List.of(), clock.instant());

            // Day 100: the citizen writes on that ticket; a recent note and relay.
            clock.set(T0.plus(Duration.ofDays(100)));
            conversations.recordInbound(InboundMessage.text(CITIZEN, "u-4711", "m3", "em vẫn đợi", clock.instant()));
            tickets.audit(Optional.of(second), "7", "note", "recent note", clock.instant());
            outbox.enqueue(Optional.of(second), OfficerMessage.Kind.RELAY, "recent relay", List.of(), clock.instant());

            conversations.purge(CUTOFF);

            assertThat(conversations.find(CITIZEN))
                    .as("the citizen still writes")
                    .isPresent();
            assertThat(tickets.find(first)).as("closed before the cutoff").isEmpty();
            assertThat(tickets.find(second)).as("open").isPresent();
            assertThat(texts(db, "SELECT detail FROM ticket_events ORDER BY id"))
                    .containsExactly("recent note");
            assertThat(texts(db, "SELECT text FROM officer_outbox ORDER BY id")).containsExactly("recent relay");
        }
    }

    private long ticket(JdbcConversationStore conversations, JdbcTicketStore tickets, String id, String text) {
        long conversation = conversations
                .recordInbound(InboundMessage.text(CITIZEN, "u-4711", id, text, clock.instant()))
                .conversation()
                .id();
        return tickets.openOrRaise(
                        conversation, Ticket.Priority.NORMAL, Language.VI, Optional.empty(), "asked", clock.instant())
                .ticket()
                .id();
    }

    private static List<String> texts(Database db, String query) throws Exception {
        List<String> texts = new ArrayList<>();
        try (Connection connection = db.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                texts.add(rows.getString(1));
            }
        }
        return texts;
    }
}
