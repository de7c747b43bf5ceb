package org.consularbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.InboundMessage;
import org.consularbot.faq.Language;
import org.consularbot.handoff.Officer;
import org.consularbot.handoff.OfficerLogins;
import org.consularbot.handoff.Ticket;
import org.consularbot.handoff.TranscriptLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The web console's sign-in records and transcripts (migration V14), written once and run on H2 and PostgreSQL. */
abstract class OfficerLoginsContract {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    Database db;
    OfficerLogins logins;
    JdbcOfficerDirectory officers;

    abstract Database newDatabase();

    @BeforeEach
    void open() {
        db = newDatabase();
        logins = new JdbcOfficerLogins(db.dataSource());
        officers = new JdbcOfficerDirectory(db.dataSource());
        officers.add(new Officer("lan", "Lan", Officer.Role.OFFICER), T0);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aPasswordHashIsKeptOnlyForAListedOfficerAndANewOneEndsTheirSessions() {
        assertThat(logins.anyPassword()).isFalse();
        assertThat(logins.setPasswordHash("nobody", "h", T0)).isFalse();
        assertThat(logins.setPasswordHash("lan", "h1", T0)).isTrue();
        logins.createSession(new OfficerLogins.Session("t1", "lan", "c1", "vi", T0, T0));

        assertThat(logins.setPasswordHash("lan", "h2", T0)).isTrue();

        assertThat(logins.passwordHash("lan")).contains("h2");
        assertThat(logins.anyPassword()).isTrue();
        assertThat(logins.session("t1")).isEmpty();
    }

    @Test
    void theFifthFailureInARowLocksForAWhileAndASuccessForgetsTheCount() {
        Duration lock = Duration.ofMinutes(15);
        for (int i = 0; i < 4; i++) {
            assertThat(logins.failed("lan", T0, 5, lock)).isEmpty();
        }
        logins.succeeded("lan");
        for (int i = 0; i < 4; i++) {
            assertThat(logins.failed("lan", T0, 5, lock)).isEmpty();
        }
        assertThat(logins.lockedUntil("lan", T0)).isEmpty();

        assertThat(logins.failed("lan", T0, 5, lock)).contains(T0.plus(lock));

        assertThat(logins.lockedUntil("lan", T0.plusSeconds(899))).contains(T0.plus(lock));
        assertThat(logins.lockedUntil("lan", T0.plus(lock))).isEmpty();
        assertThat(logins.lockedUntil("someone-else", T0)).isEmpty();
    }

    @Test
    void failuresSentAtOnceAreAllCounted() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<Instant>>> results = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                results.add(pool.submit(() -> logins.failed("guessed", T0, 5, Duration.ofMinutes(15))));
            }
            int locks = 0;
            for (Future<Optional<Instant>> result : results) {
                locks += result.get().isPresent() ? 1 : 0;
            }
            assertThat(locks).as("10 failures at a limit of 5 lock twice").isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSessionIsFoundByItsTokenHashTouchedRelabelledAndEnded() {
        logins.createSession(new OfficerLogins.Session("hash", "lan", "csrf", "vi", T0, T0));

        logins.touch("hash", T0.plusSeconds(60));
        logins.setLanguage("hash", "en");

        assertThat(logins.session("hash")).hasValueSatisfying(s -> {
            assertThat(s.userId()).isEqualTo("lan");
            assertThat(s.csrf()).isEqualTo("csrf");
            assertThat(s.language()).isEqualTo("en");
            assertThat(s.lastSeen()).isEqualTo(T0.plusSeconds(60));
        });
        logins.endSession("hash");
        assertThat(logins.session("hash")).isEmpty();
    }

    @Test
    void aTranscriptHasTheCitizenTheBotTheOfficersAndTheNotesInTimeOrder() throws Exception {
        JdbcConversationStore conversations =
                new JdbcConversationStore(db.dataSource(), Clock.fixed(T0, ZoneOffset.UTC));
        long c = conversations
                .recordInbound(InboundMessage.text(new ConversationKey("telegram", "1"), "1", "m1", "toi bi bat", T0))
                .conversation()
                .id();
        JdbcTicketStore tickets = new JdbcTicketStore(db.dataSource());
        Ticket ticket = tickets.openOrRaise(
                        c, Ticket.Priority.URGENT, Language.VI, Optional.empty(), "emergency", T0.plusSeconds(1))
                .ticket();
        tickets.audit(Optional.of(ticket.id()), "lan", "note", "called the police station", T0.plusSeconds(5));
        tickets.audit(Optional.of(ticket.id()), "lan", "taken", "Lan", T0.plusSeconds(2));

        List<TranscriptLine> lines = new JdbcTranscripts(db.dataSource()).transcript(c);

        assertThat(lines)
                .extracting(TranscriptLine::speaker, TranscriptLine::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(TranscriptLine.Speaker.CITIZEN, "toi bi bat"),
                        org.assertj.core.groups.Tuple.tuple(
                                TranscriptLine.Speaker.NOTE, "lan: called the police station"));
    }

    @Test
    void whoIsSignedInIsWhoseSessionWasUsedSinceTheGivenTime() {
        officers.add(new Officer("minh", "Minh", Officer.Role.OFFICER), T0);
        logins.setPasswordHash("minh", "h", T0);
        assertThat(logins.activeSince(T0.minusSeconds(1)))
                .as("a password alone is nobody signed in")
                .isEmpty();
        logins.createSession(new OfficerLogins.Session("a", "lan", "c", "vi", T0, T0));
        logins.createSession(new OfficerLogins.Session("b", "lan", "c", "vi", T0, T0));
        logins.createSession(new OfficerLogins.Session("m", "minh", "c", "vi", T0, T0));
        logins.touch("m", T0.plusSeconds(600));

        assertThat(logins.activeSince(T0.minusSeconds(1))).containsExactlyInAnyOrder("lan", "minh");
        assertThat(logins.activeSince(T0)).as("idle since then").containsExactly("minh");
        logins.endSession("m");
        assertThat(logins.activeSince(T0)).isEmpty();
    }

    @Test
    void aTranscriptsVersionChangesWithEachMessageReplyAndNoteAndOnlyThen() throws Exception {
        JdbcConversationStore conversations =
                new JdbcConversationStore(db.dataSource(), Clock.fixed(T0, ZoneOffset.UTC));
        ConversationKey key = new ConversationKey("telegram", "1");
        long c = conversations
                .recordInbound(InboundMessage.text(key, "1", "m1", "toi bi bat", T0))
                .conversation()
                .id();
        long other = conversations
                .recordInbound(InboundMessage.text(new ConversationKey("telegram", "2"), "2", "m1", "hi", T0))
                .conversation()
                .id();
        JdbcTranscripts transcripts = new JdbcTranscripts(db.dataSource());
        JdbcTicketStore tickets = new JdbcTicketStore(db.dataSource());
        Ticket ticket = tickets.openOrRaise(c, Ticket.Priority.URGENT, Language.VI, Optional.empty(), "sos", T0)
                .ticket();
        String first = transcripts.version(c);

        tickets.audit(Optional.of(ticket.id()), "lan", "taken", "Lan", T0);
        conversations.recordInbound(InboundMessage.text(new ConversationKey("telegram", "2"), "2", "m2", "x", T0));
        assertThat(transcripts.version(c))
                .as("another conversation's message, an audit line that is no note")
                .isEqualTo(first);

        conversations.recordInbound(InboundMessage.text(key, "1", "m2", "help", T0));
        String second = transcripts.version(c);
        tickets.audit(Optional.of(ticket.id()), "lan", "note", "called", T0);
        String third = transcripts.version(c);

        assertThat(List.of(first, second, third)).doesNotHaveDuplicates();
        assertThat(transcripts.version(c)).isEqualTo(third);
        assertThat(transcripts.version(other)).isNotEqualTo(third);
        assertThat(transcripts.version(987654)).isEqualTo("0:0:0");
    }
}
