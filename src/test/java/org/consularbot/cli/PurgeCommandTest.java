package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consularbot.faq.TestCorpora;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code purge}: after a chat on the test day, purges run some days later. What goes is counted in the output
 * and in the anonymous daily counts; the feedback stays.
 */
class PurgeCommandTest {

    private static final Pattern REPORT = Pattern.compile(
            "purged everything before (\\S+): (\\d+) messages, (\\d+) replies, (\\d+) log events, (\\d+) conversations");
    private static final Instant CHATTED = TestCorpora.CLOCK.instant();
    private static final String ENTRY = "passport.issue.renew-abroad";

    @TempDir
    Path tmp;

    private ChatDb db;

    @BeforeEach
    void database() {
        db = new ChatDb(tmp);
    }

    /** A chat on the test day: the welcome (/start), a question, a 👍. Three messages stored. */
    private void chatOnTheTestDay() {
        CliRun chat = CliRun.runWithInput(db.env(), "ho chieu het han lam lai o dau\n1\n", "chat");
        assertThat(chat.exit()).as(chat.toString()).isZero();
        assertThat(db.rows("inbound_messages")).isEqualTo(3);
    }

    private CliRun purgeAfter(Duration later, Map<String, String> env, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "purge";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.runWithInput(Clock.offset(TestCorpora.CLOCK, later), env, "", all);
    }

    private static Matcher report(CliRun run) {
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out().strip().lines()).as(run.toString()).hasSize(2);
        Matcher m = REPORT.matcher(run.out().strip().lines().findFirst().orElseThrow());
        assertThat(m.matches()).as(run.out()).isTrue();
        return m;
    }

    private static long sum(Map<String, Long> counts, String prefix) {
        return counts.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    @Test
    void oldContentIsDeletedAndCountedAnonymously() {
        chatOnTheTestDay();
        long replies = db.rows("outbox");
        long events = db.rows("conversation_events");
        assertThat(replies).isEqualTo(3);
        assertThat(events).isPositive();

        Matcher m = report(purgeAfter(Duration.ofDays(2), db.env(), "--older-than", "1d"));

        assertThat(Instant.parse(m.group(1))).isEqualTo(CHATTED.plus(Duration.ofDays(1)));
        assertThat(Long.parseLong(m.group(2))).isEqualTo(3);
        assertThat(Long.parseLong(m.group(3))).isEqualTo(replies);
        assertThat(Long.parseLong(m.group(4))).isEqualTo(events);
        assertThat(Long.parseLong(m.group(5))).isEqualTo(1);
        for (String table : new String[] {"inbound_messages", "outbox", "conversation_events", "conversations"}) {
            assertThat(db.rows(table)).as(table).isZero();
        }
        assertThat(db.conversation("local")).isEmpty();
        Map<String, Long> kept = db.keptCounts();
        assertThat(sum(kept, "messages.")).isEqualTo(3);
        assertThat(sum(kept, "replies.")).isEqualTo(replies);
        assertThat(sum(kept, "conversations.")).isEqualTo(1);
        assertThat(kept).containsEntry("messages.text", 2L).containsEntry("messages.button", 1L);
        assertThat(db.feedback(ENTRY))
                .as("feedback outlives the conversation")
                .singleElement()
                .satisfies(f -> assertThat(f.helpful()).isTrue());
    }

    @Test
    void aCitizenComingBackAfterThePurgeIsWelcomedAsNew() {
        chatOnTheTestDay();
        report(purgeAfter(Duration.ofDays(2), db.env(), "--older-than", "1d"));

        CliRun again = CliRun.runWithInput(Clock.offset(TestCorpora.CLOCK, Duration.ofDays(3)), db.env(), "", "chat");

        assertThat(again.out()).startsWith("Xin chào!");
    }

    @Test
    void contentYoungerThanTheAgeIsKept() {
        chatOnTheTestDay();

        Matcher m = report(purgeAfter(Duration.ofDays(2), db.env(), "--older-than", "3d"));

        assertThat(m.group(2) + m.group(3) + m.group(4) + m.group(5)).isEqualTo("0000");
        assertThat(db.rows("inbound_messages")).isEqualTo(3);
        assertThat(db.conversation("local")).isPresent();
        assertThat(db.keptCounts()).isEmpty();
        CliRun again = CliRun.runWithInput(db.env(), "", "chat");
        assertThat(again.out())
                .as("still the same conversation: no second welcome")
                .isEmpty();
    }

    @Test
    void hoursAreAnAgeToo() {
        chatOnTheTestDay();

        Matcher m = report(purgeAfter(Duration.ofDays(2), db.env(), "--older-than", "36h"));

        assertThat(Instant.parse(m.group(1))).isEqualTo(CHATTED.plus(Duration.ofHours(12)));
        assertThat(m.group(2)).isEqualTo("3");
    }

    @Test
    void purgingTwiceCountsOnce() {
        chatOnTheTestDay();
        report(purgeAfter(Duration.ofDays(2), db.env(), "--older-than", "1d"));

        Matcher second = report(purgeAfter(Duration.ofDays(2), db.env(), "--older-than", "1d"));

        assertThat(second.group(2) + second.group(3) + second.group(4) + second.group(5))
                .isEqualTo("0000");
        assertThat(sum(db.keptCounts(), "messages.")).isEqualTo(3);
    }

    @Test
    void theDefaultAgeIsRetentionDays() {
        chatOnTheTestDay();

        Matcher kept = report(purgeAfter(Duration.ofDays(2), db.env("RETENTION_DAYS", "3")));
        assertThat(Instant.parse(kept.group(1))).isEqualTo(CHATTED.minus(Duration.ofDays(1)));
        assertThat(kept.group(2)).isEqualTo("0");

        Matcher purged = report(purgeAfter(Duration.ofDays(2), db.env("RETENTION_DAYS", "1")));
        assertThat(Instant.parse(purged.group(1))).isEqualTo(CHATTED.plus(Duration.ofDays(1)));
        assertThat(purged.group(2)).isEqualTo("3");
    }

    @Test
    void withoutRetentionDaysTheAgeIs90Days() {
        chatOnTheTestDay();

        Matcher m = report(purgeAfter(Duration.ofDays(89), db.env()));

        assertThat(Instant.parse(m.group(1))).isEqualTo(CHATTED.minus(Duration.ofDays(1)));
        assertThat(m.group(2)).isEqualTo("0");
        assertThat(report(purgeAfter(Duration.ofDays(91), db.env())).group(2)).isEqualTo("3");
    }

    @ParameterizedTest(name = "--older-than {0}")
    @ValueSource(strings = {"0d", "0h", "90x", "90", "d", "-1d", "1.5d", "90 days", "100000d"})
    void aBadAgeIsAUsageError(String age) {
        chatOnTheTestDay();

        CliRun run = purgeAfter(Duration.ofDays(200), db.env(), "--older-than", age);

        assertThat(run.exit()).as(run.toString()).isEqualTo(2);
        assertThat(run.err())
                .contains("--older-than must look like 90d or 36h, not '" + age + "'")
                .contains("Usage: consular-bot purge");
        assertThat(run.out()).isEmpty();
        assertThat(db.rows("inbound_messages")).as("nothing purged").isEqualTo(3);
    }

    @Test
    void withdrawnSubscriptionsAndUnfinishedExchangesGoActiveConsentStays() {
        ok(CliRun.runWithInput(db.env(), "/subscribe\nNhật Bản\nbỏ qua\n", "chat", "--as", "stays"));
        ok(CliRun.runWithInput(db.env(), "/subscribe\nNhật Bản\nbỏ qua\n/unsubscribe\n", "chat", "--as", "left"));
        ok(CliRun.runWithInput(db.env(), "/subscribe\n", "chat", "--as", "unfinished"));
        assertThat(db.rows("advisory_subscriptions")).isEqualTo(3);

        CliRun young = purgeAfter(Duration.ofDays(2), db.env(), "--older-than", "3d");
        assertThat(young.out()).contains("advisory subscriptions: 0 withdrawn or never completed");
        CliRun run = purgeAfter(Duration.ofDays(2), db.env(), "--older-than", "1d");

        assertThat(run.out()).contains("advisory subscriptions: 2 withdrawn or never completed");
        assertThat(db.rows("advisory_subscriptions")).isEqualTo(1);
        assertThat(ok(CliRun.run(db.env(), "advisory", "subscribers")).out()).contains("JP\t-\t1");
    }

    private static CliRun ok(CliRun run) {
        assertThat(run.exit()).as(run.toString()).isZero();
        return run;
    }

    @Test
    void anEmptyDatabaseIsPurgedWithoutComplaint() {
        Matcher m = report(purgeAfter(Duration.ZERO, db.env(), "--older-than", "1d"));

        assertThat(m.group(2) + m.group(3) + m.group(4) + m.group(5)).isEqualTo("0000");
    }
}
