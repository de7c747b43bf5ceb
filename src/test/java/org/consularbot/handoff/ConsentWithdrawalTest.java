package org.consularbot.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.consularbot.ManualClock;
import org.consularbot.advisory.AdvisoryStoreFixtures;
import org.consularbot.advisory.Subscriber;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.InProcessLocks;
import org.consularbot.conversation.InboundMessage;
import org.consularbot.faq.Language;
import org.consularbot.store.Database;
import org.consularbot.store.JdbcConversationStore;
import org.consularbot.store.JdbcOfficerInbox;
import org.consularbot.store.JdbcSubscriptions;
import org.consularbot.store.JdbcTicketStore;
import org.consularbot.store.ReceiptJournal;
import org.consularbot.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsentWithdrawalTest {

    private static final ConversationKey CITIZEN = new ConversationKey("zalo", "u-4711");
    private static final ConversationKey OTHER = new ConversationKey("zalo", "u-0815");
    private static final OfficerInbox.Claim HELD =
            new OfficerInbox.Claim("instance-a", Instant.parse("2030-01-01T00:00:00Z"));
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));

    @TempDir
    Path receipts;

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

    @Test
    void aWithdrawalOnThePlatformDeletesTheConsentToAdvisoriesToo() {
        try (Database db = TestDatabases.h2()) {
            JdbcConversationStore conversations = new JdbcConversationStore(db.dataSource(), clock);
            JdbcTicketStore tickets = new JdbcTicketStore(db.dataSource());
            JdbcSubscriptions subscriptions = new JdbcSubscriptions(db.dataSource());
            AdvisoryStoreFixtures.subscribe(subscriptions, new Subscriber("zalo", "u-4711"), "JP", clock.instant());
            AdvisoryStoreFixtures.subscribe(subscriptions, new Subscriber("zalo", "u-0815"), "JP", clock.instant());

            boolean withdrawn = new ConsentWithdrawal(
                            new InProcessLocks(), conversations, tickets, subscriptions, clock)
                    .withdraw(CITIZEN);

            assertThat(withdrawn).isTrue();
            assertThat(subscriptions.find(new Subscriber("zalo", "u-4711"))).isEmpty();
            assertThat(subscriptions.find(new Subscriber("zalo", "u-0815")))
                    .as("another citizen")
                    .isPresent();
        }
    }

    @Test
    // Regression (issue 17 review): a withdrawal left the text of officers' actions still pending about the citizen's
    // ticket, and the receipt journal kept the citizen's messages for up to 2 h (it only appended a "forget" line).
    void pendingOfficerActionsAboutTheCitizenAndTheirReceiptsGoWhileOtherCitizensStay() throws Exception {
        try (Database db = TestDatabases.h2()) {
            ReceiptJournal journal = new ReceiptJournal(receipts, clock);
            JdbcConversationStore conversations =
                    new JdbcConversationStore(db.dataSource(), clock, Optional.of(journal));
            JdbcTicketStore tickets = new JdbcTicketStore(db.dataSource());
            JdbcOfficerInbox inbox = new JdbcOfficerInbox(db.dataSource(), Optional.of(journal));
            long ticket = ticketFor(conversations, tickets, CITIZEN, "Tôi tên Lan, hộ chiếu B1234567");
            long other = ticketFor(conversations, tickets, OTHER, "Tôi tên Bình, cần gặp cán bộ");
            inbox.add("telegram:1", Optional.of(ticket), "{\"text\":\"/note Lan B1234567\"}", clock.instant(), HELD);
            inbox.add("telegram:2", Optional.of(other), "{\"text\":\"/note Bình\"}", clock.instant(), HELD);
            inbox.add("telegram:3", Optional.empty(), "{\"text\":\"/queue\"}", clock.instant(), HELD);

            new ConsentWithdrawal(new InProcessLocks(), conversations, tickets, clock).withdraw(CITIZEN);

            assertThat(inbox.pending(10))
                    .extracting(OfficerInbox.Action::sourceId)
                    .containsExactly("telegram:2", "telegram:3");
            assertThat(journalText())
                    .doesNotContain("Lan")
                    .doesNotContain("u-4711")
                    .contains("Bình", "u-0815");
            assertThat(journal.messages())
                    .extracting(InboundMessage::conversation)
                    .containsExactly(OTHER);
            assertThat(journal.actions())
                    .as("the officers' actions journaled on H2: the one about the citizen's ticket goes")
                    .extracting(OfficerInbox.Action::sourceId)
                    .containsExactly("telegram:2", "telegram:3");
            conversations.recordInbound(InboundMessage.text(CITIZEN, "u-4711", "m9", "hello again", clock.instant()));
            assertThat(journal.messages())
                    .as("the journal is written after the rewrite")
                    .extracting(InboundMessage::text)
                    .containsExactly("Tôi tên Bình, cần gặp cán bộ", "hello again");
        }
    }

    private long ticketFor(
            JdbcConversationStore conversations, JdbcTicketStore tickets, ConversationKey key, String text) {
        long conversation = conversations
                .recordInbound(InboundMessage.text(key, key.chatId(), "m-" + key.chatId(), text, clock.instant()))
                .conversation()
                .id();
        return tickets.openOrRaise(
                        conversation, Ticket.Priority.NORMAL, Language.VI, Optional.empty(), "asked", clock.instant())
                .ticket()
                .id();
    }

    /** Everything the receipt journal's files hold. */
    private String journalText() throws Exception {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> files = Files.list(receipts)) {
            for (Path file : files.toList()) {
                out.append(Files.readString(file));
            }
        }
        return out.toString();
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
