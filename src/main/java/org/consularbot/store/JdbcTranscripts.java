package org.consularbot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.consularbot.handoff.TranscriptLine;

/**
 * A conversation as the officers' web console shows it: the citizen's messages, what the bot and the officers sent
 * (the outbox keeps both, by kind) and the officers' private notes on its tickets, in time order. Content deleted by
 * retention is simply not there.
 */
public final class JdbcTranscripts {

    private final Transactions tx;

    public JdbcTranscripts(DataSource dataSource) {
        this.tx = new Transactions(dataSource);
    }

    /**
     * What changes whenever {@link #transcript} would: the highest id of the citizen's messages, of the replies and of
     * the notes, read through their indexes in one statement. What an open ticket page is polled on (reading the whole
     * transcript twice a second per open page was the wrong shape for twenty officers).
     */
    public String version(long conversationId) {
        return tx.inTransaction("checking a transcript", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT (SELECT MAX(id) FROM inbound_messages WHERE conversation_id = ?), "
                            + "(SELECT MAX(id) FROM outbox WHERE conversation_id = ?), "
                            + "(SELECT MAX(e.id) FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id "
                            + "WHERE t.conversation_id = ? AND e.action = 'note')")) {
                for (int i = 1; i <= 3; i++) {
                    select.setLong(i, conversationId);
                }
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getLong(1) + ":" + rows.getLong(2) + ":" + rows.getLong(3);
                }
            }
        });
    }

    public List<TranscriptLine> transcript(long conversationId) {
        return tx.inTransaction("reading a transcript", connection -> {
            List<TranscriptLine> lines = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT received_at, kind, text FROM inbound_messages WHERE conversation_id = ? ORDER BY id")) {
                select.setLong(1, conversationId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String kind = rows.getString("kind");
                        String text = rows.getString("text") == null ? "" : rows.getString("text");
                        lines.add(new TranscriptLine(
                                Transactions.instant(rows, "received_at"),
                                TranscriptLine.Speaker.CITIZEN,
                                "text".equals(kind) || "button".equals(kind) ? text : "[" + kind + "] " + text));
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT created_at, kind, text FROM outbox WHERE conversation_id = ? ORDER BY id")) {
                select.setLong(1, conversationId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        lines.add(new TranscriptLine(
                                Transactions.instant(rows, "created_at"),
                                "officer".equals(rows.getString("kind"))
                                        ? TranscriptLine.Speaker.OFFICER
                                        : TranscriptLine.Speaker.BOT,
                                rows.getString("text")));
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT e.at, e.actor, e.detail FROM ticket_events e "
                            + "JOIN tickets t ON t.id = e.ticket_id WHERE t.conversation_id = ? AND e.action = 'note' ORDER BY e.id")) {
                select.setLong(1, conversationId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        lines.add(new TranscriptLine(
                                Transactions.instant(rows, "at"),
                                TranscriptLine.Speaker.NOTE,
                                rows.getString("actor") + ": " + rows.getString("detail")));
                    }
                }
            }
            // Stable: a reply stored in the same instant as its message stays after it.
            lines.sort(Comparator.comparing(TranscriptLine::at));
            return lines;
        });
    }
}
