package org.consularbot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.consularbot.conversation.Actor;
import org.consularbot.conversation.ConversationEvent;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.ConversationState;
import org.consularbot.conversation.Feedback;

/**
 * What conversations said and were sent, read but never written: the log and feedback, an officer's card's last
 * messages, Zalo's reply window (when the citizen last wrote, how many replies since) and the counts reports keep.
 * Kept apart from {@link JdbcConversationStore}, which owns the turn's writes.
 */
public final class JdbcConversationHistory {

    private final Transactions tx;

    JdbcConversationHistory(Transactions tx) {
        this.tx = tx;
    }

    /**
     * The conversation as an officer reads it, oldest first, its last {@code limit} lines: what the citizen wrote, what
     * the bot and the officers answered, each with its time in {@code zone} ("07/12 10:42 citizen: …"). "/start" and
     * the welcome it brings are left out: they say nothing about the case. It listed only the citizen's lines, "/start"
     * included, before issue 18.
     */
    public List<String> transcript(long conversationId, int limit, ZoneId zone) {
        return tx.inTransaction("reading a transcript", connection -> {
            // Same instant (a test clock, or a reply written with its message): the reply after what it answers.
            try (PreparedStatement select = connection.prepareStatement("SELECT at, who, kind, text FROM ("
                    + "SELECT received_at AS at, id AS after_id, 0 AS side, id, 'citizen' AS who, kind, text "
                    + "FROM inbound_messages WHERE conversation_id = ? AND (text IS NULL OR text NOT LIKE '/start%') "
                    + "UNION ALL SELECT created_at AS at, COALESCE(inbound_id, id), 1 AS side, id, 'reply' AS who, "
                    + "kind, text FROM outbox WHERE conversation_id = ? AND kind <> 'welcome') AS lines "
                    + "ORDER BY at DESC, after_id DESC, side DESC, id DESC LIMIT ?")) {
                select.setLong(1, conversationId);
                select.setLong(2, conversationId);
                select.setInt(3, limit);
                List<String> lines = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String kind = rows.getString("kind");
                        String text = rows.getString("text") == null ? "" : rows.getString("text");
                        // Officer turns carry the bot's own notices too (closed, released, passed on): only the
                        // officer's words and their joining are signed "👤 Name".
                        String who = rows.getString("who").equals("citizen")
                                ? "citizen"
                                : "officer".equals(kind) && text.startsWith("👤") ? "officer" : "bot";
                        if (who.equals("citizen") && !"text".equals(kind) && !"button".equals(kind)) {
                            text = "[" + kind + "] " + text;
                        }
                        String when =
                                TIME.format(Transactions.instant(rows, "at").atZone(zone));
                        lines.add(
                                0,
                                when + " " + who + ": " + (text.length() > 500 ? text.substring(0, 500) + "…" : text));
                    }
                }
                return lines;
            }
        });
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM HH:mm");

    /** A conversation's last text messages, oldest first: what an officer's ticket card shows. */
    public List<String> recentTexts(long conversationId, int limit) {
        return tx.inTransaction("reading recent messages", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT kind, text FROM inbound_messages "
                    + "WHERE conversation_id = ? ORDER BY id DESC LIMIT ?")) {
                select.setLong(1, conversationId);
                select.setInt(2, limit);
                List<String> texts = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String text = rows.getString("text");
                        String kind = rows.getString("kind");
                        texts.add(
                                0,
                                "text".equals(kind) || "button".equals(kind)
                                        ? text
                                        : "[" + kind + "] " + (text == null ? "" : text));
                    }
                }
                return texts;
            }
        });
    }

    public List<ConversationEvent> log(long conversationId) {
        return tx.inTransaction("reading a conversation log", connection -> {
            List<ConversationEvent> events = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT at, actor, type, from_state, to_state, detail FROM conversation_events WHERE conversation_id = ? ORDER BY id")) {
                select.setLong(1, conversationId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        events.add(new ConversationEvent(
                                Transactions.instant(rows, "at"),
                                Actor.fromCode(rows.getString("actor")),
                                ConversationEvent.Type.fromCode(rows.getString("type")),
                                Optional.ofNullable(rows.getString("from_state"))
                                        .map(ConversationState::fromCode),
                                Optional.ofNullable(rows.getString("to_state")).map(ConversationState::fromCode),
                                rows.getString("detail")));
                    }
                }
            }
            return events;
        });
    }

    public List<Feedback> feedback(String entryId) {
        return tx.inTransaction("reading feedback", connection -> {
            List<Feedback> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT entry_id, helpful, at FROM feedback WHERE entry_id = ? ORDER BY id")) {
                select.setString(1, entryId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(new Feedback(
                                rows.getString("entry_id"),
                                rows.getBoolean("helpful"),
                                Transactions.instant(rows, "at")));
                    }
                }
            }
            return found;
        });
    }

    public long conversationCount() {
        return tx.inTransaction("counting conversations", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM conversations");
                    ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** When the citizen last wrote in this conversation, if ever. */
    public Optional<Instant> lastCitizenMessage(ConversationKey key) {
        return tx.inTransaction("reading a conversation", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT MAX(i.received_at) AS at FROM inbound_messages i "
                            + "JOIN conversations c ON c.id = i.conversation_id WHERE c.channel = ? AND c.chat_id = ?")) {
                select.setString(1, key.channel());
                select.setString(2, key.chatId());
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next()
                            ? Optional.ofNullable(Transactions.instant(rows, "at"))
                            : Optional.<Instant>empty();
                }
            }
        });
    }

    /** How many replies went out to this conversation since {@code since}. */
    public int repliesSentSince(ConversationKey key, Instant since) {
        return tx.inTransaction("counting replies", connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT COUNT(*) FROM outbox o JOIN conversations c "
                            + "ON c.id = o.conversation_id WHERE c.channel = ? AND c.chat_id = ? AND o.sent_at >= ?")) {
                select.setString(1, key.channel());
                select.setString(2, key.chatId());
                Transactions.setInstant(select, 3, since);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    public Map<String, Long> keptCounts() {
        return tx.inTransaction("reading counts", connection -> Retention.totals(connection));
    }
}
