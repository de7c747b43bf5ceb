package org.consularbot.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import org.consularbot.ManualClock;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.InProcessLocks;
import org.consularbot.conversation.InboundMessage;
import org.consularbot.faq.Language;
import org.consularbot.store.Database;
import org.consularbot.store.JdbcConversationStore;
import org.consularbot.store.JdbcTicketStore;
import org.consularbot.store.TestDatabases;
import org.junit.jupiter.api.Test;

class ConsentWithdrawalTest {

    private static final ConversationKey CITIZEN = new ConversationKey("zalo", "u-4711");
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));

    @Test
    void everythingAboutTheCitizenGoesAndTheAuditSaysOnlyThatItHappened() throws Exception {
        try (Database db = TestDatabases.h2()) {
            JdbcConversationStore conversations = new JdbcConversationStore(db.dataSource(), clock);
            JdbcTicketStore tickets = new JdbcTicketStore(db.dataSource());
            long conversation = conversations
                    .recordInbound(InboundMessage.text(
                            CITIZEN, "u-4711", "m1", "Tôi tên Lan, cần gặp cán bộ", clock.instant()))
                    .conversation()
                    .id();
            long ticket = tickets.openOrRaise(
                            conversation,
                            Ticket.Priority.NORMAL,
                            Language.VI,
                            Optional.empty(),
                            "asked",
                            clock.instant())
                    .ticket()
                    .id();
            tickets.audit(Optional.of(ticket), "7", "note", "Lan, phone on file", clock.instant());

            boolean withdrawn =
                    new ConsentWithdrawal(new InProcessLocks(), conversations, tickets, clock).withdraw(CITIZEN);

            assertThat(withdrawn).isTrue();
            assertThat(conversations.find(CITIZEN)).isEmpty();
            assertThat(tickets.find(ticket)).isEmpty();
            assertThat(tickets.events(ticket)).isEmpty();
            assertThat(allText(db))
                    .doesNotContain("Lan")
                    .doesNotContain("u-4711")
                    .contains("consent-withdrawn");
            assertThat(new ConsentWithdrawal(new InProcessLocks(), conversations, tickets, clock).withdraw(CITIZEN))
                    .as("nothing left the second time")
                    .isFalse();
        }
    }

    /** Every text column of the audit table, the only place the withdrawal leaves a trace. */
    private static String allText(Database db) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT actor, action, detail FROM ticket_events")) {
            while (rows.next()) {
                out.append(rows.getString(1))
                        .append(' ')
                        .append(rows.getString(2))
                        .append(' ')
                        .append(rows.getString(3));
            }
        }
        return out.toString();
    }
}
