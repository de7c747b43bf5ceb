package org.consularbot.proof;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consularbot.channel.telegram.TelegramEmulator;
import org.junit.jupiter.api.Test;

/**
 * Proof: the officers' side on the embedded default (an H2 file). Citizens ask for an officer, an officer takes every
 * ticket from the officers' group, then answers each citizen with {@code /reply} while the instance is killed with
 * SIGKILL and started again several times. Telegram forgets an update once the poller moves its offset past it, and
 * the poller moves it once the action is in the officers' inbox; H2 can lose a row it committed when killed, so each
 * action is also in the receipt journal and given back at start. Each reply names its ticket, so the count per
 * ticket of what reached the citizens is exact: none is lost, more than one is duplicated. The count of actions the
 * journal gave back includes those H2 lost before the poller had acknowledged them (Telegram would send those again):
 * the jar without the journal (199d148) also lost none in one run of this proof (duplicated 7), so a loss for good is
 * rarer than one run in a few, as for citizens; the unit test {@code OfficerReceiptRestoreTest} makes it happen.
 */
class OfficersKillOnTheEmbeddedDefaultIT {

    private static final String TOKEN = "7000004:AAproofOFFICERSforTheEmulator_0123456";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long GROUP = -1_000_888;
    private static final long LAN = 7_001;
    private static final long FIRST_CITIZEN = 9_400_000;
    private static final int KILLS = 8;
    private static final int PER_SECOND = 5;
    /** Replies between two kills: the instance restarts (a few seconds) and carries out actions for a while. */
    private static final int BETWEEN_KILLS = 35;

    private static final int LEAD = 20;
    private static final int TICKETS = LEAD + KILLS * BETWEEN_KILLS + 20;
    /** Replies in flight at a kill: the officers' lane, the 8 chat lanes and the relay, as for citizens. */
    private static final int IN_FLIGHT = 9;

    private static final Pattern CARD = Pattern.compile("/take (\\d+)");
    private static final Pattern TAKEN = Pattern.compile("#(\\d+) ✋ taken by Lan");
    private static final Pattern REF = Pattern.compile("\\(ref (\\d+)\\)");

    @Test
    void noAcknowledgedOfficerReplyIsLostWhenTheInstanceIsKilled() throws Exception {
        Path data = Files.createTempDirectory("proof-h2-officers-");
        try (TelegramEmulator telegram = TelegramEmulator.start()) {
            Map<String, String> env = new HashMap<>(Map.of(
                    "DB_URL",
                    "jdbc:h2:file:" + data.resolve("consular-bot").toAbsolutePath(),
                    "TELEGRAM_BOT_TOKEN",
                    TOKEN,
                    "TELEGRAM_API_URL",
                    telegram.apiUrl(),
                    "TELEGRAM_POLL_TIMEOUT_SECONDS",
                    "1",
                    "TELEGRAM_OFFICER_CHAT_ID",
                    String.valueOf(GROUP),
                    // The group gets a card, a notice and a confirmation per ticket: not Telegram's pace of one a
                    // second.
                    "TELEGRAM_CHAT_SEND_INTERVAL_MS",
                    "0",
                    "TELEGRAM_MAX_SENDS_PER_SECOND",
                    "200"));
            BotProcess.run("h2-officers-add", env, "officer", "add", "--id", String.valueOf(LAN), "--name", "Lan");
            try (BotProcess bot = BotProcess.start("h2-officers", env)) {
                for (int i = 0; i < TICKETS; i++) {
                    telegram.userSays(TOKEN, FIRST_CITIZEN + i, "/human");
                    ProofReport.pause(Duration.ofMillis(100));
                }
                List<Long> tickets = new ArrayList<>(await(telegram, GROUP, CARD, "cards"));
                for (long ticket : tickets) {
                    telegram.inject(TOKEN, groupMessage("/take " + ticket));
                    ProofReport.pause(Duration.ofMillis(100));
                }
                await(telegram, GROUP, TAKEN, "tickets taken");

                Map<Integer, Runnable> faults = new HashMap<>();
                for (int kill = 0; kill < KILLS; kill++) {
                    faults.put(LEAD + kill * BETWEEN_KILLS, () -> {
                        bot.kill();
                        bot.restart();
                    });
                }
                reply(telegram, tickets, faults);

                Tally tally = awaitReplies(telegram, tickets);
                long restored = bot.linesOfAllRuns("acknowledged officers' actions").stream()
                        .map(line -> line.replaceAll(".*had lost (\\d+) .*", "$1"))
                        .mapToLong(Long::parseLong)
                        .sum();
                ProofReport.record(
                        "h2-officers-kill",
                        "kill -9 on the embedded H2 default while an officer replies to " + TICKETS + " citizens, "
                                + KILLS + " times (1 instance, " + PER_SECOND + " replies/s)",
                        tally + ", restarts " + (bot.starts() - 1)
                                + ", officers' actions H2 had lost at the kills and the receipt journal gave back"
                                + " (acknowledged or not yet) " + restored);

                assertThat(bot.starts()).as("runs of the instance").isEqualTo(KILLS + 1);
                assertThat(tally.lost())
                        .as("officers' replies that never reached their citizen")
                        .isZero();
                assertThat(tally.duplicated())
                        .as("replies sent twice: at most those in flight at each kill")
                        .isLessThanOrEqualTo(KILLS * IN_FLIGHT);
                assertThat(bot.alive()).isTrue();
            }
        }
    }

    /** One {@code /reply} per ticket at {@link #PER_SECOND}; after reply {@code i}, {@code faults.get(i)} starts. */
    private static void reply(TelegramEmulator telegram, List<Long> tickets, Map<Integer, Runnable> faults)
            throws Exception {
        ExecutorService operator = Executors.newSingleThreadExecutor();
        List<Future<?>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < tickets.size(); i++) {
            long wait = start + TimeUnit.MILLISECONDS.toNanos(i * 1000L / PER_SECOND) - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long ticket = tickets.get(i);
            telegram.inject(
                    TOKEN, groupMessage("/reply " + ticket + " Chị mang hộ chiếu cũ đến nhé (ref " + ticket + ")"));
            Runnable fault = faults.get(i);
            if (fault != null) {
                done.add(operator.submit(fault));
            }
        }
        for (Future<?> fault : done) {
            fault.get(); // a failed kill or restart fails the proof
        }
        operator.shutdown();
    }

    /** What reached the citizens, once every ticket's reply has (or 90 s passed) and a quiet time for duplicates. */
    private static Tally awaitReplies(TelegramEmulator telegram, List<Long> tickets) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Tally tally = tally(telegram, tickets);
        while (tally.lost() > 0 && System.nanoTime() < deadline) {
            ProofReport.pause(Duration.ofSeconds(1));
            tally = tally(telegram, tickets);
        }
        ProofReport.pause(CitizenLoad.PAST_LEASES);
        return tally(telegram, tickets);
    }

    private static Tally tally(TelegramEmulator telegram, List<Long> tickets) {
        Map<Long, Integer> perTicket = new HashMap<>();
        for (JsonNode call : telegram.calls("sendMessage")) {
            long chat = call.path("body").path("chat_id").asLong();
            Matcher ref = REF.matcher(call.path("body").path("text").asText());
            if (chat >= FIRST_CITIZEN && !call.path("failed").asBoolean() && ref.find()) {
                perTicket.merge(Long.parseLong(ref.group(1)), 1, Integer::sum);
            }
        }
        int answered = (int) tickets.stream().filter(perTicket::containsKey).count();
        int duplicated = perTicket.values().stream().mapToInt(n -> n - 1).sum();
        return new Tally(tickets.size(), answered, tickets.size() - answered, duplicated);
    }

    record Tally(int sent, int delivered, int lost, int duplicated) {
        @Override
        public String toString() {
            return "replies sent " + sent + ", delivered " + delivered + ", lost " + lost + ", duplicated "
                    + duplicated;
        }
    }

    /** The ticket numbers in the bot's messages to {@code chat} matching {@code pattern}, once there are all. */
    private static Set<Long> await(TelegramEmulator telegram, long chat, Pattern pattern, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        Set<Long> found = new TreeSet<>();
        while (System.nanoTime() < deadline) {
            found.clear();
            for (JsonNode call : telegram.calls("sendMessage")) {
                Matcher m = pattern.matcher(call.path("body").path("text").asText());
                if (call.path("body").path("chat_id").asLong() == chat
                        && !call.path("failed").asBoolean()
                        && m.find()) {
                    found.add(Long.parseLong(m.group(1)));
                }
            }
            if (found.size() >= TICKETS) {
                return found;
            }
            ProofReport.pause(Duration.ofSeconds(1));
        }
        throw new AssertionError(what + ": " + found.size() + " of " + TICKETS + " within 120 s");
    }

    /** A message from the officer in the group, as Telegram delivers it (a command has its entity). */
    private static ObjectNode groupMessage(String text) {
        ObjectNode message = JSON.createObjectNode().put("date", 1_790_000_000).put("text", text);
        message.set(
                "from",
                JSON.createObjectNode().put("id", LAN).put("is_bot", false).put("first_name", "Lan"));
        message.set(
                "chat",
                JSON.createObjectNode()
                        .put("id", GROUP)
                        .put("type", "supergroup")
                        .put("title", "Trực ban"));
        int command = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
        message.set(
                "entities",
                JSON.createArrayNode()
                        .add(JSON.createObjectNode()
                                .put("type", "bot_command")
                                .put("offset", 0)
                                .put("length", command)));
        return JSON.createObjectNode().set("message", message);
    }
}
