package org.consularbot.cli;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.consularbot.config.ConsoleConfig;
import org.consularbot.conversation.TurnObserver;
import org.consularbot.conversation.TurnProcessor;
import org.consularbot.llm.Redactor;
import org.consularbot.store.JdbcOfficerLogins;
import org.consularbot.store.JdbcTranscripts;
import org.consularbot.store.Reports;
import org.consularbot.web.ConsolePasswords;
import org.consularbot.web.OfficerConsole;
import org.consularbot.web.Supervision;

/** Wires the officers' web console to an assembled bot: the same desk, tickets and officers as its other channels. */
final class ConsoleAssembly {

    /** Unanswered questions the supervisors' page lists, the most asked first. */
    private static final int QUESTIONS = 20;

    private ConsoleAssembly() {}

    /** @param every how often open pages are checked for changes: a citizen's message shows within about this */
    static OfficerConsole open(BotAssembly assembly, ConsoleConfig config, Duration every) {
        JdbcTranscripts transcripts = new JdbcTranscripts(assembly.database.dataSource());
        return new OfficerConsole(
                new OfficerConsole.Parts(
                        assembly.desk(),
                        assembly.tickets,
                        assembly.officers,
                        new JdbcOfficerLogins(assembly.database.dataSource()),
                        transcripts::transcript,
                        transcripts::version,
                        assembly.officerOutbox,
                        assembly::serving,
                        assembly.config.handoff().urgentLimit(),
                        assembly.config.handoff().normalLimit()),
                config,
                new ConsolePasswords(),
                assembly.clock(),
                every,
                Optional.of(supervision(assembly)));
    }

    /**
     * As {@link #open(BotAssembly, ConsoleConfig, Duration)}, and told of every turn of {@code citizens} (beside the
     * metrics), so that officers' pages show a new ticket or message at once rather than at the next look.
     */
    static OfficerConsole open(BotAssembly assembly, ConsoleConfig config, Duration every, TurnProcessor citizens) {
        OfficerConsole console = open(assembly, config, every);
        citizens.observe(TurnObserver.both(assembly.metrics(), console.changes()));
        return console;
    }

    /**
     * The supervisors' page over {@code report}'s own queries ({@link Reports}), its redaction of citizens' questions,
     * the corpus serving now, and FAQ_DIR's editor when there is one.
     */
    static Supervision supervision(BotAssembly assembly) {
        Reports reports = new Reports(assembly.database.dataSource());
        Redactor redactor = new Redactor(assembly.clock());
        return new Supervision(
                since -> perDay(reports.days(since)),
                since -> reports.unanswered(since, QUESTIONS, redactor::redact).stream()
                        .map(u -> new Supervision.Question(u.example(), u.count()))
                        .toList(),
                assembly::serving,
                text -> assembly.knowledge().matcher().match(text),
                assembly.phrasingEditor().map(editor -> editor::add));
    }

    /** {@code report}'s rows are per day and channel; the chart's are per day, every channel together. */
    static List<Supervision.Day> perDay(List<Reports.Day> rows) {
        Map<LocalDate, long[]> days = new TreeMap<>();
        for (Reports.Day row : rows) {
            long[] sum = days.computeIfAbsent(row.day(), d -> new long[7]);
            sum[0] += row.messages();
            sum[1] += row.answered();
            sum[2] += row.suggested();
            sum[3] += row.unanswered();
            sum[4] += row.emergencies();
            sum[5] += row.rateLimited();
            sum[6] += row.other();
        }
        return days.entrySet().stream()
                .map(e -> {
                    long[] s = e.getValue();
                    return new Supervision.Day(e.getKey(), s[0], s[1], s[2], s[3], s[4], s[5], s[6]);
                })
                .toList();
    }
}
