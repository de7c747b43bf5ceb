package org.consularbot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.consularbot.conversation.TurnOutcome;
import org.consularbot.faq.Folding;

/**
 * What staff need to see to improve the service: questions per day and channel and what became of them, the
 * questions nobody answered (grouped, with personal data redacted), feedback per FAQ entry, and handoffs with the
 * median wait for an officer's first reply. Read from the live tables (content within the retention period).
 */
public final class Reports {

    /** One day on one channel. {@code other}: commands, buttons, relayed messages, empty ones. */
    public record Day(
            LocalDate day,
            String channel,
            long messages,
            long answered,
            long suggested,
            long unanswered,
            long emergencies,
            long rateLimited,
            long other) {}

    /**
     * A day whose messages {@code purge} deleted, as the counts it kept: messages of any kind, and the replies that were
     * answers, suggestions, "no FAQ fits" and emergencies.
     */
    public record PurgedDay(
            LocalDate day,
            String channel,
            long messages,
            long answers,
            long suggestions,
            long fallbacks,
            long emergencies) {}

    /** A question asked {@code count} times that got no answer, as one citizen wrote it (redacted). */
    public record Unanswered(String example, long count) {}

    public record EntryFeedback(String entryId, long helpful, long notHelpful) {
        public double helpfulShare() {
            return (double) helpful / Math.max(1, helpful + notHelpful);
        }
    }

    public record Handoffs(long tickets, long urgent, long answered, Optional<Duration> medianWait) {}

    private final Transactions tx;

    public Reports(DataSource dataSource) {
        this.tx = new Transactions(dataSource);
    }

    public List<Day> days(Instant since) {
        Map<String, long[]> rows = new TreeMap<>();
        tx.inTransaction("reporting messages", connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT i.received_at, c.channel, i.outcome FROM inbound_messages i "
                            + "JOIN conversations c ON c.id = i.conversation_id WHERE i.received_at >= ?")) {
                Transactions.setInstant(select, 1, since);
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        LocalDate day = LocalDate.ofInstant(Transactions.instant(r, "received_at"), ZoneOffset.UTC);
                        long[] counts = rows.computeIfAbsent(day + "\t" + r.getString("channel"), k -> new long[7]);
                        counts[0]++;
                        TurnOutcome outcome = TurnOutcome.parse(r.getString("outcome"));
                        int column = outcome.kind().answered()
                                ? 1
                                : switch (outcome.kind()) {
                                    case SUGGESTION -> 2;
                                    case FALLBACK -> 3;
                                    case EMERGENCY -> 4;
                                    case RATE_LIMITED -> 5;
                                    default -> 6;
                                };
                        counts[column]++;
                    }
                }
            }
            return null;
        });
        List<Day> days = new ArrayList<>();
        rows.forEach((key, c) -> {
            String[] parts = key.split("\t");
            days.add(new Day(LocalDate.parse(parts[0]), parts[1], c[0], c[1], c[2], c[3], c[4], c[5], c[6]));
        });
        return days;
    }

    /** The days since {@code since} whose content was purged, from the counts {@code purge} kept ({@code daily_counts}). */
    public List<PurgedDay> purgedDays(Instant since) {
        Map<String, long[]> rows = new TreeMap<>();
        tx.inTransaction("reporting purged days", connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT on_day, channel, metric, total FROM daily_counts "
                            + "WHERE on_day >= ? AND (metric LIKE 'messages.%' OR metric LIKE 'replies.%')")) {
                select.setObject(1, LocalDate.ofInstant(since, ZoneOffset.UTC));
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        long[] counts = rows.computeIfAbsent(
                                r.getObject("on_day", LocalDate.class) + "\t" + r.getString("channel"),
                                k -> new long[5]);
                        int column = switch (r.getString("metric")) {
                            case "replies.answer" -> 1;
                            case "replies.suggestion" -> 2;
                            case "replies.fallback" -> 3;
                            case "replies.emergency" -> 4;
                            default -> r.getString("metric").startsWith("messages.") ? 0 : -1;
                        };
                        if (column >= 0) {
                            counts[column] += r.getLong("total");
                        }
                    }
                }
            }
            return null;
        });
        List<PurgedDay> days = new ArrayList<>();
        rows.forEach((key, c) -> {
            String[] parts = key.split("\t");
            days.add(new PurgedDay(LocalDate.parse(parts[0]), parts[1], c[0], c[1], c[2], c[3], c[4]));
        });
        return days;
    }

    /** The most frequent unanswered questions, grouped by their words without diacritics or punctuation. */
    private static String shortened(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    public List<Unanswered> unanswered(Instant since, int limit, UnaryOperator<String> redact) {
        Map<String, String> example = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        tx.inTransaction("reporting unanswered questions", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT text FROM inbound_messages WHERE outcome = ? AND received_at >= ? ORDER BY id")) {
                select.setString(1, TurnOutcome.of(TurnOutcome.Kind.FALLBACK).code());
                Transactions.setInstant(select, 2, since);
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        String text = r.getString("text") == null ? "" : r.getString("text");
                        String key = Folding.fold(Folding.clean(text))
                                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                                .strip();
                        if (!key.isEmpty()) {
                            example.putIfAbsent(key, text);
                            counts.merge(key, 1L, Long::sum);
                        }
                    }
                }
            }
            return null;
        });
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit)
                // Redacted whole, then shortened: a cut first could split an e-mail or a number so that the redactor
                // no longer sees it, and print its first part.
                .map(e -> new Unanswered(shortened(redact.apply(example.get(e.getKey()))), e.getValue()))
                .toList();
    }

    public List<EntryFeedback> feedback(Instant since) {
        return tx.inTransaction("reporting feedback", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT entry_id, "
                    + "SUM(CASE WHEN helpful THEN 1 ELSE 0 END) AS yes, SUM(CASE WHEN helpful THEN 0 ELSE 1 END) AS no "
                    + "FROM feedback WHERE at >= ? GROUP BY entry_id")) {
                Transactions.setInstant(select, 1, since);
                List<EntryFeedback> out = new ArrayList<>();
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        out.add(new EntryFeedback(r.getString("entry_id"), r.getLong("yes"), r.getLong("no")));
                    }
                }
                out.sort(Comparator.comparingDouble(EntryFeedback::helpfulShare).thenComparing(EntryFeedback::entryId));
                return out;
            }
        });
    }

    public Handoffs handoffs(Instant since) {
        return tx.inTransaction("reporting handoffs", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT priority, created_at, first_reply_at FROM tickets WHERE created_at >= ?")) {
                Transactions.setInstant(select, 1, since);
                long tickets = 0;
                long urgent = 0;
                List<Duration> waits = new ArrayList<>();
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        tickets++;
                        urgent += "urgent".equals(r.getString("priority")) ? 1 : 0;
                        Instant reply = Transactions.instant(r, "first_reply_at");
                        if (reply != null) {
                            waits.add(Duration.between(Transactions.instant(r, "created_at"), reply));
                        }
                    }
                }
                waits.sort(Comparator.naturalOrder());
                return new Handoffs(
                        tickets,
                        urgent,
                        waits.size(),
                        waits.isEmpty() ? Optional.<Duration>empty() : Optional.of(waits.get(waits.size() / 2)));
            }
        });
    }
}
