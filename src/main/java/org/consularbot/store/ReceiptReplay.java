package org.consularbot.store;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives H2 the receipt journal again once it has closed itself and opened again within the running process. H2
 * closes the database by itself after a write it cannot make (a full disk); the next connection opens the file again,
 * without the commits H2 had acknowledged but not yet written, as after a kill. At a start the journal is given back
 * before anything else ({@link JdbcConversationStore#restoreReceipts()}); without this, the same loss in a running
 * process stayed lost until the next restart: FullDiskIT saw a citizen's message, acknowledged to Telegram, never
 * answered after the disk was freed. A running service calls {@link #afterReopen()} every second; it reads the
 * journal only when a connection has found the database closed since its last replay.
 */
public final class ReceiptReplay {

    private static final Logger log = LoggerFactory.getLogger(ReceiptReplay.class);

    private final Database database;
    private final Optional<ReceiptJournal> journal;
    private final JdbcConversationStore messages;
    private final JdbcOfficerInbox actions;
    /** The database's closures already answered by a replay (or counted before this service started). */
    private long replayed;

    public ReceiptReplay(
            Database database,
            Optional<ReceiptJournal> journal,
            JdbcConversationStore messages,
            JdbcOfficerInbox actions) {
        this.database = database;
        this.journal = journal;
        this.messages = messages;
        this.actions = actions;
        this.replayed = database.closures();
    }

    /**
     * Stores again what the journal holds and the database lost, if H2 closed itself since the last replay: messages
     * come back unanswered (the stale-message relay answers them), officers' actions pending (the next relay round
     * carries them out). A replay the database refuses (the disk still full) is tried again at the next call.
     *
     * @return how many messages and officers' actions the database had lost
     */
    public synchronized int afterReopen() {
        long closures = database.closures();
        if (closures == replayed || journal.isEmpty()) {
            return 0;
        }
        // Held throughout, so that no conversation is forgotten between the journal's reading and its storing.
        int[] lost = journal.get().held(() -> new int[] {messages.restoreReceipts(), actions.restoreReceipts()});
        replayed = closures;
        if (lost[0] > 0) {
            log.warn(
                    "the database had lost {} acknowledged messages when it closed itself; restored from the receipt journal",
                    lost[0]);
        }
        if (lost[1] > 0) {
            log.warn(
                    "the database had lost {} acknowledged officers' actions when it closed itself; restored from the receipt journal",
                    lost[1]);
        }
        return lost[0] + lost[1];
    }
}
