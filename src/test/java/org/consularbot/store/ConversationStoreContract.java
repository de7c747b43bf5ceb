package org.consularbot.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.consularbot.ManualClock;
import org.consularbot.conversation.StoreException;
import org.consularbot.conversation.StoredInbound;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the conversation store promises, written once and run on every database the bot supports: H2 (the
 * embedded default) and PostgreSQL (production). Deduplication, atomic turns, the outbox, exact text and
 * retention must behave the same on both, or a bug hides on whichever database the tests skip. The promises are
 * split by concern into the contracts this class implements, so a store's test that extends it runs them all; this
 * class keeps the database they run on and the one promise every method shares: a database that went away is a
 * {@link StoreException}, which callers handle, never a raw SQL error.
 */
abstract class ConversationStoreContract
        implements InboundStoreContract, TurnStoreContract, OutboxStoreContract, RetentionStoreContract {

    private final ManualClock clock = new ManualClock(T0);
    private Database db;
    private JdbcConversationStore store;
    private JdbcOutbox outbox;

    /** A fresh, empty, migrated database; closed after each test. */
    abstract Database newDatabase();

    @BeforeEach
    void openStore() {
        db = newDatabase();
        store = new JdbcConversationStore(db.dataSource(), clock);
        outbox = store.outbox();
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Override
    public JdbcConversationStore store() {
        return store;
    }

    @Override
    public JdbcOutbox outbox() {
        return outbox;
    }

    @Override
    public ManualClock clock() {
        return clock;
    }

    @Test
    void storeOnAClosedDatabaseThrowsStoreException() {
        StoredInbound in = store.recordInbound(message(CHAT, "m1", "xin chào"));
        db.close();

        List<ThrowingCallable> calls = List.of(
                () -> store.recordInbound(message(CHAT, "m2", "còn đó không")),
                () -> store.commitTurn(turn(in, 0, List.of(), List.of(), Optional.empty())),
                () -> store.conversation(in.conversation().id()),
                () -> store.find(CHAT),
                () -> store.unanswered(10),
                () -> store.log(1),
                () -> store.feedback("x"),
                store::conversationCount,
                () -> store.purge(T0),
                store::keptCounts,
                () -> outbox.unsent(10),
                () -> outbox.replies(1),
                () -> outbox.markSent(1, T0),
                () -> outbox.markFailed(1, "x", false),
                () -> outbox.due(10, T0),
                () -> outbox.claim(1, T0, T0),
                () -> store.inbound(1));
        for (ThrowingCallable call : calls) {
            assertThatThrownBy(call).isExactlyInstanceOf(StoreException.class).hasMessageContaining("database error");
        }
    }
}
