package org.consularbot.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consularbot.config.BotConfig;
import org.consularbot.config.Settings;
import org.consularbot.conversation.PurgeReport;
import org.consularbot.store.Database;
import org.consularbot.store.JdbcConversationStore;
import org.consularbot.store.JdbcSubscriptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code purge --older-than 90d}: deletes old message content and chat ids, keeping anonymous daily counts. */
@Command(
        name = "purge",
        description = "Delete message content, replies, logs, idle conversations, withdrawn advisory subscriptions and "
                + "unfinished subscription exchanges older than the retention period, keeping anonymous daily counts and "
                + "feedback.")
final class PurgeCommand implements Callable<Integer> {

    private static final Pattern AGE = Pattern.compile("(\\d{1,5})([dh])");

    @Option(
            names = "--older-than",
            paramLabel = "AGE",
            description = "e.g. 90d or 36h (default: RETENTION_DAYS, else 90d).")
    String olderThan;

    @Spec
    CommandSpec spec;

    private final Settings settings;
    private final Clock clock;

    PurgeCommand(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        BotConfig config = BotConfig.from(settings);
        Duration age = olderThan == null ? Duration.ofDays(config.retentionDays()) : parse(olderThan);
        Instant cutoff = clock.instant().minus(age);
        try (Database database = DatabaseCommand.open(config)) {
            PurgeReport report = new JdbcConversationStore(database.dataSource(), clock).purge(cutoff);
            int subscriptions = new JdbcSubscriptions(database.dataSource()).purge(cutoff);
            PrintWriter out = spec.commandLine().getOut();
            out.printf(
                    "purged everything before %s: %d messages, %d replies, %d log events, %d conversations%n",
                    cutoff, report.messages(), report.replies(), report.events(), report.conversations());
            out.printf(
                    "advisory subscriptions: %d withdrawn or never completed before %s deleted "
                            + "(active consent is kept until withdrawn)%n",
                    subscriptions, cutoff);
            out.flush();
        }
        return 0;
    }

    private Duration parse(String text) {
        Matcher m = AGE.matcher(text.strip());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new ParameterException(
                    spec.commandLine(), "--older-than must look like 90d or 36h, not '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return m.group(2).equals("d") ? Duration.ofDays(n) : Duration.ofHours(n);
    }
}
