package org.consularbot.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.consularbot.channel.telegram.TelegramEmulator;

/**
 * A steady stream of citizens writing to the bot through the Telegram emulator, each from a chat of their own,
 * and the count of what reached each chat, read from the Bot API calls the emulator recorded. One question per
 * chat and questions whose answer is one message make the count exact: one accepted sendMessage per chat is
 * "answered once", none is "lost", more is "duplicated".
 */
public final class CitizenLoad {

    /** Questions answered in one Telegram message each (FAQ answers and the help text), as citizens type them. */
    public static final List<String> QUESTIONS = List.of(
            "ho chieu het han lam lai o dau",
            "Hộ chiếu hết hạn thì làm lại ở đâu?",
            "dang ky khai sinh cho con",
            "how do I register my baby's birth",
            "mat ho chieu thi lam the nao",
            "hợp pháp hoá lãnh sự giấy tờ",
            "visa for my foreign husband",
            "đăng ký kết hôn với người nước ngoài",
            "/help",
            "trích lục ghi chú kết hôn");

    /** After the last answer: the 30 s a reply is leased to an instance (TurnProcessor) and a relay round, so a duplicate shows. */
    static final Duration PAST_LEASES = Duration.ofSeconds(35);

    private final TelegramEmulator telegram;
    private final String token;
    private final long firstChat;
    private int sent;

    CitizenLoad(TelegramEmulator telegram, String token, long firstChat) {
        this.telegram = telegram;
        this.token = token;
        this.firstChat = firstChat;
    }

    /**
     * Sends {@code count} messages at {@code perSecond}, each from a new citizen; when message {@code i} has been
     * sent, {@code faults.get(i)} starts on another thread (a kill, a restart) while the stream goes on.
     */
    void send(int count, int perSecond, Map<Integer, Runnable> faults) throws Exception {
        ExecutorService operator = Executors.newSingleThreadExecutor();
        List<Future<?>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + TimeUnit.MILLISECONDS.toNanos(i * 1000L / perSecond);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            telegram.userSays(token, firstChat + sent, QUESTIONS.get(sent % QUESTIONS.size()));
            sent++;
            Runnable fault = faults.get(i);
            if (fault != null) {
                done.add(operator.submit(fault));
            }
        }
        for (Future<?> fault : done) {
            fault.get(); // a failed fault action fails the proof
        }
        operator.shutdown();
    }

    /** The next citizen writes their question now; returns Telegram's id of the update, with the citizen's chat. */
    Sent next() {
        long chat = firstChat + sent;
        long update = telegram.userSays(token, chat, QUESTIONS.get(sent % QUESTIONS.size()));
        sent++;
        return new Sent(chat, update);
    }

    /** One citizen's message: their chat, and the update that carried it. */
    record Sent(long chat, long update) {}

    /** Injects one raw update from the next citizen (the chat id it is given), as Telegram would deliver it. */
    void inject(LongFunction<ObjectNode> update) {
        telegram.inject(token, update.apply(firstChat + sent));
        sent++;
    }

    /**
     * Waits until every citizen has an answer or {@code within} passes, then {@code quiet} more for late
     * duplicates, and counts.
     */
    Tally awaitAnswers(Duration within, Duration quiet) {
        long deadline = System.nanoTime() + within.toNanos();
        Tally tally = tally();
        while (tally.lost() > 0 && System.nanoTime() < deadline) {
            ProofReport.pause(Duration.ofSeconds(1));
            tally = tally();
        }
        ProofReport.pause(quiet);
        return tally();
    }

    Tally tally() {
        Map<Long, Integer> perChat = new HashMap<>();
        int refused = countReplies(perChat);
        int answered = perChat.size();
        int duplicated = perChat.values().stream().mapToInt(n -> n - 1).sum();
        return new Tally(sent, answered, sent - answered, duplicated, refused);
    }

    /** The citizens' chats that have had their answer so far. */
    Set<Long> answeredChats() {
        Map<Long, Integer> perChat = new HashMap<>();
        countReplies(perChat);
        return perChat.keySet();
    }

    /** Counts the replies each citizen's chat got into {@code perChat}; returns how many sends Telegram refused. */
    private int countReplies(Map<Long, Integer> perChat) {
        int refused = 0;
        for (JsonNode call : telegram.calls("sendMessage")) {
            long chat = Long.parseLong(call.path("body").path("chat_id").asText("0"));
            if (chat < firstChat || chat >= firstChat + sent) {
                continue;
            }
            if (call.path("failed").asBoolean()) {
                refused++;
            } else {
                perChat.merge(chat, 1, Integer::sum);
            }
        }
        return refused;
    }

    /** What the citizens got: {@code refused} counts Bot API calls that failed (injected faults) and were retried. */
    record Tally(int sent, int answered, int lost, int duplicated, int refused) {
        @Override
        public String toString() {
            return "sent " + sent + ", answered " + answered + ", lost " + lost + ", duplicated " + duplicated
                    + ", refused sends retried " + refused;
        }
    }
}
