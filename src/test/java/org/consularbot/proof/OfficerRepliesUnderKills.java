package org.consularbot.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consularbot.channel.telegram.TelegramUpdateJson.update;
import static org.consularbot.channel.telegram.TelegramUpdateJson.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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
import org.consularbot.channel.telegram.TelegramUpdateJson;

/**
 * The officers' kill proofs, on whichever database {@code DB_URL} names (the H2 default, PostgreSQL). Citizens ask for
 * an officer, the officer Lan takes every ticket from the officers' group, then replies to them in turn with {@code
 * /reply} at a steady pace while the one instance is killed with SIGKILL and started again several times. Telegram
 * forgets an update once the poller moves its offset past it, and the poller moves it once the action is in the
 * officers' inbox. Each reply carries a number of its own, so the count per reply of what reached the citizens is
 * exact: none is lost, more than one is duplicated.
 *
 * <p>The kills follow the instance, not the clock: each comes a few seconds after the restarted instance is ready,
 * while it still carries out the replies that came while it was down, and the replies go on until the last restart
 * has run for a while. So every kill lands under load however slow a start is on the machine, and the number of
 * replies grows with the time the restarts take.
 */
final class OfficerRepliesUnderKills {

    private static final String TOKEN = "7000004:AAproofOFFICERSforTheEmulator_0123456";
    private static final long GROUP = -1_000_888;
    private static final long LAN = 7_001;
    private static final long FIRST_CITIZEN = 9_400_000;
    /** Citizens each with a ticket Lan holds; the replies go to them in turn. */
    private static final int TICKETS = 40;

    private static final int PER_SECOND = 5;
    /** Replies before the first kill. */
    private static final int LEAD = 20;
    /** Replies between an instance being ready again and its kill (3 s): it is still catching up then. */
    private static final int RUNNING = 15;
    /** Replies after the last restart. */
    private static final int TAIL = 20;
    /** Replies in flight at a kill: the officers' lane, the 8 chat lanes and the relay, as for citizens. */
    private static final int IN_FLIGHT = 9;

    private static final Pattern CARD = Pattern.compile("/take (\\d+)");
    private static final Pattern TAKEN = Pattern.compile("#(\\d+) ✋ taken by Lan");
    private static final Pattern REF = Pattern.compile("\\(ref (\\d+)\\)");

    private final TelegramEmulator telegram;
    private final int kills;
    /** How long each kill and start again took, in seconds (the replies meanwhile wait at Telegram). */
    private final List<Long> downSeconds = new ArrayList<>();

    private OfficerRepliesUnderKills(TelegramEmulator telegram, int kills) {
        this.telegram = telegram;
        this.kills = kills;
    }

    /**
     * Runs the proof against one instance named {@code name} on {@code dbUrl}, killed {@code kills} times, and stops
     * it (SIGTERM) once the replies are counted.
     */
    static Outcome run(String name, TelegramEmulator telegram, String dbUrl, int kills) throws Exception {
        if (kills < 1) {
            throw new IllegalArgumentException("a kill proof kills at least once: " + kills);
        }
        return new OfficerRepliesUnderKills(telegram, kills).run(name, dbUrl);
    }

    /** What reached the citizens, and what the instance's runs say about themselves. */
    record Outcome(
            Tally tally,
            int kills,
            int restarts,
            List<Long> downSeconds,
            boolean aliveAtTheEnd,
            long restoredFromJournal) {

        /**
         * Prints and keeps the proof's line ({@link ProofReport#record}): "{@code fault} K times while an officer
         * replies to 40 citizens in turn (…): replies sent …, restarts K (…){@code more}".
         */
        void record(String id, String fault, String more) {
            String load = " while an officer replies to " + TICKETS + " citizens in turn (1 instance, " + PER_SECOND
                    + " replies/s, each kill " + RUNNING / PER_SECOND + " s after the instance is ready again)";
            String down = Collections.min(downSeconds) + "–" + Collections.max(downSeconds) + " s";
            ProofReport.record(
                    id,
                    fault + " " + kills + " times" + load,
                    tally + ", restarts " + restarts + " (killed and ready again in " + down + ")" + more);
        }

        void assertEveryReplyReachedItsCitizen() {
            assertThat(restarts).as("restarts of the instance").isEqualTo(kills);
            assertThat(tally.lost())
                    .as("officers' replies that never reached their citizen")
                    .isZero();
            assertThat(tally.duplicated())
                    .as("replies sent twice: at most those in flight at each kill")
                    .isLessThanOrEqualTo(kills * IN_FLIGHT);
            assertThat(aliveAtTheEnd).as("the instance is running at the end").isTrue();
        }
    }

    private Outcome run(String name, String dbUrl) throws Exception {
        Map<String, String> env = telegram.pollingBotSettings(TOKEN, dbUrl);
        env.put("TELEGRAM_OFFICER_CHAT_ID", String.valueOf(GROUP));
        // The group gets a card, a notice and a confirmation per ticket: not Telegram's pace of one a second.
        env.put("TELEGRAM_CHAT_SEND_INTERVAL_MS", "0");
        env.put("TELEGRAM_MAX_SENDS_PER_SECOND", "200");
        // Nor Telegram's 20 a minute in a group: 40 cards and 40 notices would take over five minutes (the emulator
        // enforces no limit; OfficerGroupPacingTest proves the pacing against a stub that does).
        env.put("TELEGRAM_GROUP_MESSAGES_PER_MINUTE", "1000");
        BotProcess.run(name + "-add", env, "officer", "add", "--id", String.valueOf(LAN), "--name", "Lan");
        try (BotProcess bot = BotProcess.start(name, env)) {
            for (int i = 0; i < TICKETS; i++) {
                telegram.userSays(TOKEN, FIRST_CITIZEN + i, "/human");
                ProofReport.pause(Duration.ofMillis(100));
            }
            List<Long> opened = new ArrayList<>(await(CARD, "cards"));
            for (long ticket : opened) {
                telegram.inject(TOKEN, groupMessage("/take " + ticket));
                ProofReport.pause(Duration.ofMillis(100));
            }
            await(TAKEN, "tickets taken");

            int sent = replyThroughKills(opened, bot);

            Tally tally = awaitReplies(sent);
            long restored = bot.lostAndGivenBack("acknowledged officers' actions");
            return new Outcome(tally, kills, bot.starts() - 1, List.copyOf(downSeconds), bot.alive(), restored);
        }
    }

    /**
     * Replies at {@link #PER_SECOND}, to the tickets in turn, while the instance is killed and started again on another
     * thread: first after {@link #LEAD} replies, then each time {@link #RUNNING} replies after it is ready again; ends
     * {@link #TAIL} replies after the last restart. Returns how many replies were sent (numbered from 0).
     */
    private int replyThroughKills(List<Long> opened, BotProcess bot) throws Exception {
        ExecutorService operator = Executors.newSingleThreadExecutor();
        try {
            Future<?> restarting = null;
            int killed = 0;
            int nextKill = LEAD;
            int end = Integer.MAX_VALUE;
            long start = System.nanoTime();
            int sent = 0;
            while (sent < end) {
                long wait = start + TimeUnit.MILLISECONDS.toNanos(sent * 1000L / PER_SECOND) - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                long ticket = opened.get(sent % opened.size());
                telegram.inject(
                        TOKEN, groupMessage("/reply " + ticket + " Chị mang hộ chiếu cũ đến nhé (ref " + sent + ")"));
                sent++;
                if (restarting != null && restarting.isDone()) {
                    restarting.get(); // a failed kill or restart fails the proof
                    restarting = null;
                    nextKill = sent + RUNNING;
                    if (killed == kills) {
                        end = sent + TAIL;
                    }
                }
                if (restarting == null && killed < kills && sent >= nextKill) {
                    restarting = operator.submit(() -> killAndStartAgain(bot));
                    killed++;
                }
            }
            return sent;
        } finally {
            operator.shutdown();
        }
    }

    private void killAndStartAgain(BotProcess bot) {
        long start = System.nanoTime();
        bot.kill();
        bot.restart();
        downSeconds.add(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
    }

    /** What reached the citizens, once every reply has (or 90 s passed) and a quiet time for duplicates. */
    private Tally awaitReplies(int sent) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Tally tally = tally(sent);
        while (tally.lost() > 0 && System.nanoTime() < deadline) {
            ProofReport.pause(Duration.ofSeconds(1));
            tally = tally(sent);
        }
        ProofReport.pause(CitizenLoad.PAST_LEASES);
        return tally(sent);
    }

    private Tally tally(int sent) {
        Map<Integer, Integer> perReply = new HashMap<>();
        for (JsonNode call : telegram.calls("sendMessage")) {
            long chat = call.path("body").path("chat_id").asLong();
            Matcher ref = REF.matcher(call.path("body").path("text").asText());
            if (chat >= FIRST_CITIZEN && !call.path("failed").asBoolean() && ref.find()) {
                perReply.merge(Integer.parseInt(ref.group(1)), 1, Integer::sum);
            }
        }
        int delivered =
                (int) perReply.keySet().stream().filter(ref -> ref < sent).count();
        int duplicated = perReply.values().stream().mapToInt(n -> n - 1).sum();
        return new Tally(sent, delivered, sent - delivered, duplicated);
    }

    record Tally(int sent, int delivered, int lost, int duplicated) {
        @Override
        public String toString() {
            return "replies sent " + sent + ", delivered " + delivered + ", lost " + lost + ", duplicated "
                    + duplicated;
        }
    }

    /** The ticket numbers in the bot's messages to the group matching {@code pattern}, once there are all. */
    private Set<Long> await(Pattern pattern, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        Set<Long> found = new TreeSet<>();
        while (System.nanoTime() < deadline) {
            found.clear();
            for (JsonNode call : telegram.calls("sendMessage")) {
                Matcher m = pattern.matcher(call.path("body").path("text").asText());
                if (call.path("body").path("chat_id").asLong() == GROUP
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
        return update(TelegramUpdateJson.groupMessage(GROUP, "Trực ban", user(LAN, "Lan"), text));
    }
}
