package org.consularbot.cli;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.consularbot.config.BotConfig;
import org.consularbot.config.Settings;
import org.consularbot.llm.Redactor;
import org.consularbot.store.Database;
import org.consularbot.store.DatabaseSettings;
import org.consularbot.store.Reports;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code report}: what citizens asked and what became of it, for staff deciding which FAQ entries to write next. */
@Command(
        name = "report",
        description = "Questions per day and channel, unanswered questions, feedback per entry, handoffs.")
final class ReportCommand implements Callable<Integer> {

    @Option(
            names = "--since",
            defaultValue = "30d",
            paramLabel = "AGE",
            description = "How far back, in days (default: ${DEFAULT-VALUE}).")
    String since;

    @Option(
            names = "--csv",
            paramLabel = "FILE",
            description = "Also write the per-day figures to a CSV file (for a spreadsheet chart).")
    Path csv;

    @Spec
    CommandSpec spec;

    private final Settings settings;
    private final Clock clock;

    ReportCommand(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        if (!since.matches("\\d{1,4}d")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--since must be days, e.g. 30d");
        }
        Instant from = clock.instant().minus(Duration.ofDays(Long.parseLong(since.substring(0, since.length() - 1))));
        BotConfig config = BotConfig.from(settings);
        PrintWriter out = spec.commandLine().getOut();
        try (Database database = Database.open(
                new DatabaseSettings(config.dbUrl(), config.dbUser(), config.dbPassword(), BotConfig.MIN_POOL_SIZE))) {
            Reports reports = new Reports(database.dataSource());
            List<Reports.Day> days = reports.days(from);
            out.println("Messages since " + LocalDate.ofInstant(from, ZoneOffset.UTC) + " (UTC days)");
            out.printf(
                    Locale.ROOT,
                    "  %-10s %-9s %8s %8s %9s %10s %9s %8s %6s%n",
                    "day",
                    "channel",
                    "messages",
                    "answered",
                    "suggested",
                    "unanswered",
                    "emergency",
                    "limited",
                    "other");
            for (Reports.Day d : days) {
                out.printf(
                        Locale.ROOT,
                        "  %-10s %-9s %8d %8d %9d %10d %9d %8d %6d%n",
                        d.day(),
                        d.channel(),
                        d.messages(),
                        d.answered(),
                        d.suggested(),
                        d.unanswered(),
                        d.emergencies(),
                        d.rateLimited(),
                        d.other());
            }
            long total = days.stream().mapToLong(Reports.Day::messages).sum();
            long unanswered = days.stream().mapToLong(Reports.Day::unanswered).sum();
            out.printf(
                    Locale.ROOT,
                    "  total %d messages, %d unanswered (%.1f %%)%n",
                    total,
                    unanswered,
                    total == 0 ? 0.0 : 100.0 * unanswered / total);
            List<Reports.PurgedDay> purged = reports.purgedDays(from);
            if (!purged.isEmpty()) {
                out.println();
                out.println(
                        "Days whose content was deleted (purge, or a citizen's request): only these counts were kept");
                out.printf(
                        Locale.ROOT,
                        "  %-10s %-9s %8s %8s %11s %9s %9s%n",
                        "day",
                        "channel",
                        "messages",
                        "answers",
                        "suggestions",
                        "no-faq",
                        "emergency");
                for (Reports.PurgedDay d : purged) {
                    out.printf(
                            Locale.ROOT,
                            "  %-10s %-9s %8d %8d %11d %9d %9d%n",
                            d.day(),
                            d.channel(),
                            d.messages(),
                            d.answers(),
                            d.suggestions(),
                            d.fallbacks(),
                            d.emergencies());
                }
            }

            out.println();
            out.println("Most asked without an answer (personal data redacted): write FAQ entries for these");
            Redactor redactor = new Redactor(clock);
            for (Reports.Unanswered u : reports.unanswered(from, 20, redactor::redact)) {
                out.printf(Locale.ROOT, "  %4d × %s%n", u.count(), u.example().replace('\n', ' '));
            }

            out.println();
            out.println("Feedback per FAQ entry (least helpful first)");
            for (Reports.EntryFeedback f : reports.feedback(from)) {
                out.printf(
                        Locale.ROOT,
                        "  %-45s 👍 %4d  👎 %4d  %5.0f %%%n",
                        f.entryId(),
                        f.helpful(),
                        f.notHelpful(),
                        100 * f.helpfulShare());
            }

            Reports.Handoffs h = reports.handoffs(from);
            out.println();
            out.printf(
                    Locale.ROOT,
                    "Handoffs: %d tickets (%d urgent), %d answered by an officer, median wait for the first reply %s%n",
                    h.tickets(),
                    h.urgent(),
                    h.answered(),
                    h.medianWait().map(w -> w.toMinutes() + " min").orElse("-"));
            if (csv != null) {
                try (BufferedWriter writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                    writer.write("day,channel,messages,answered,suggested,unanswered,emergency,rate_limited,other\n");
                    for (Reports.Day d : days) {
                        writer.write(String.join(
                                        ",",
                                        d.day().toString(),
                                        d.channel(),
                                        String.valueOf(d.messages()),
                                        String.valueOf(d.answered()),
                                        String.valueOf(d.suggested()),
                                        String.valueOf(d.unanswered()),
                                        String.valueOf(d.emergencies()),
                                        String.valueOf(d.rateLimited()),
                                        String.valueOf(d.other()))
                                + "\n");
                    }
                }
                out.println("per-day figures written to " + csv);
            }
        }
        out.flush();
        return 0;
    }
}
