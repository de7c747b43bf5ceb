package org.consularbot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;
import org.consularbot.config.BotConfig;
import org.consularbot.config.Settings;
import org.consularbot.faq.CorpusCsv;
import org.consularbot.faq.CorpusFolder;
import org.consularbot.faq.CorpusLoader;
import org.consularbot.faq.CorpusProblem;
import org.consularbot.store.Database;
import org.consularbot.store.DatabaseSettings;
import org.consularbot.store.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code faq validate | export | import}: the corpus tools for consular staff. */
@Command(
        name = "faq",
        description = "Check the FAQ corpus, or move it to and from a spreadsheet (CSV).",
        subcommands = {
            FaqCommand.Validate.class,
            FaqCommand.Review.class,
            FaqCommand.Export.class,
            FaqCommand.Import.class
        })
final class FaqCommand extends CommandGroup {

    /** Shared: the folder a subcommand works on. */
    abstract static class OnCorpus {
        @Option(
                names = "--dir",
                paramLabel = "DIR",
                description =
                        "Corpus folder (default: FAQ_DIR; else validate and export use the bundled corpus, review and import ./faq).")
        Path dir;

        @Spec
        CommandSpec spec;

        final CorpusSource corpora;
        final Clock clock;

        OnCorpus(CorpusSource corpora, Clock clock) {
            this.corpora = corpora;
            this.clock = clock;
        }

        /** Prints problems and warnings; true when the corpus is valid. */
        boolean report(CorpusLoader.Report report) {
            return FaqCommand.report(
                    report, CorpusProblem::toString, spec.commandLine().getErr());
        }
    }

    /** Warnings, then errors each said by {@code where} (file:line, or the spreadsheet row of an import); true if no error. */
    static boolean report(CorpusLoader.Report report, Function<CorpusProblem, String> where, PrintWriter err) {
        report.warnings().forEach(w -> err.println("warning: " + w));
        report.problems().forEach(p -> err.println("error: " + where.apply(p)));
        err.flush();
        return report.problems().isEmpty();
    }

    @Command(
            name = "validate",
            description = "Check every corpus file; errors name the file and line. Exit 1 on errors.")
    static final class Validate extends OnCorpus implements Callable<Integer> {
        Validate(CorpusSource corpora, Clock clock) {
            super(corpora, clock);
        }

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            if (corpora.directory(dir).isEmpty()) {
                corpora.load(
                        null, spec.commandLine().getErr()); // the bundled corpus; throws with file:line on problems
                out.println("bundled corpus is valid");
                out.flush();
                return 0;
            }
            CorpusLoader.Report report =
                    corpora.loader().check(corpora.directory(dir).get());
            if (!report(report)) {
                spec.commandLine()
                        .getErr()
                        .println(report.problems().size() + " error(s): the bot will not serve this corpus");
                return 1;
            }
            var corpus = report.corpus().orElseThrow();
            out.printf(
                    "%s: valid, %d entries in %d topics%n",
                    corpus.origin(),
                    corpus.entries().size(),
                    corpus.entries().stream().map(e -> e.topic()).distinct().count());
            out.flush();
            return 0;
        }
    }

    /**
     * What staff should look at before the corpus goes stale: entries already past {@code expires} (the bot will not
     * load the corpus until they are reviewed), entries expiring within {@code --within} days, and, with
     * {@code --feedback}, the entries citizens marked 👎 (from the database of {@code DB_URL}).
     */
    @Command(
            name = "review",
            description =
                    "List mission facts not yet confirmed, entries past or near their expires date and, with --feedback, those citizens found unhelpful. Exit 1 if any has expired.")
    static final class Review extends OnCorpus implements Callable<Integer> {
        @Option(
                names = "--within",
                defaultValue = "60",
                paramLabel = "DAYS",
                description = "Also list entries expiring within DAYS days (default 60).")
        int within;

        @Option(names = "--feedback", description = "Also list entries with 👎 in the last 90 days (reads DB_URL).")
        boolean feedback;

        private final Settings settings;

        Review(CorpusSource corpora, Clock clock, Settings settings) {
            super(corpora, clock);
            this.settings = settings;
        }

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            LocalDate today = LocalDate.now(clock);
            Path folder = corpora.directory(dir).orElse(Path.of("faq"));
            CorpusLoader.Report report = corpora.loader().check(folder);
            List<CorpusProblem> expired = report.problems().stream()
                    .filter(p -> p.kind() == CorpusProblem.Kind.EXPIRED)
                    .toList();
            expired.forEach(p -> out.println("EXPIRED  " + p));
            if (report.corpus().isPresent()) {
                // Mission facts no source confirms yet: answers send citizens to the website in their place.
                new TreeMap<>(report.corpus().get().mission().unconfirmed())
                        .forEach((key, why) ->
                                out.printf("unconfirmed  mission.yaml %s%s%n", key, why.isEmpty() ? "" : ": " + why));
                report.corpus().get().entries().stream()
                        .filter(e -> e.expires().isPresent())
                        .filter(e -> !e.expires().get().isAfter(today.plusDays(within)))
                        .sorted(Comparator.comparing(e -> e.expires().get()))
                        .forEach(e ->
                                out.printf("due %s  %s  (%s)%n", e.expires().get(), e.id(), e.location()));
            } else if (expired.size() < report.problems().size()) {
                report(report);
                out.println("fix the errors above (faq validate) to see the entries due soon");
            }
            if (feedback) {
                BotConfig config = BotConfig.from(settings);
                try (Database database = Database.open(new DatabaseSettings(
                        config.dbUrl(), config.dbUser(), config.dbPassword(), BotConfig.MIN_POOL_SIZE))) {
                    new Reports(database.dataSource())
                            .feedback(clock.instant().minus(Duration.ofDays(90))).stream()
                                    .filter(f -> f.notHelpful() > 0)
                                    .forEach(f -> out.printf(
                                            "👎 %d of %d  %s%n",
                                            f.notHelpful(), f.helpful() + f.notHelpful(), f.entryId()));
                }
            }
            out.flush();
            return expired.isEmpty() ? 0 : 1;
        }
    }

    @Command(name = "export", description = "Write every entry to a CSV file for a spreadsheet.")
    static final class Export extends OnCorpus implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE.csv")
        Path csv;

        Export(CorpusSource corpora, Clock clock) {
            super(corpora, clock);
        }

        @Override
        public Integer call() throws Exception {
            var corpus = corpora.load(dir, spec.commandLine().getErr());
            CorpusCsv.export(corpus, csv);
            spec.commandLine()
                    .getOut()
                    .printf("exported %d entries to %s%n", corpus.entries().size(), csv);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(
            name = "import",
            description = "Replace the topic files with the rows of a CSV file, only if the result is valid.")
    static final class Import extends OnCorpus implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE.csv")
        Path csv;

        Import(CorpusSource corpora, Clock clock) {
            super(corpora, clock);
        }

        @Override
        public Integer call() throws Exception {
            Path target = corpora.directory(dir).orElse(Path.of("faq"));
            if (!Files.isDirectory(target)) {
                spec.commandLine().getErr().println("error: " + target + " is not a corpus folder (give --dir)");
                return 1;
            }
            // Work on a copy so that a bad spreadsheet never damages the corpus in use.
            Path staging = Files.createTempDirectory("faq-import");
            try {
                CorpusFolder.copy(target, staging);
                clear(staging.resolve("entries"));
                CorpusCsv.Imported imported = CorpusCsv.importInto(csv, staging);
                spec.commandLine()
                        .getErr()
                        .printf(
                                "imported %d topic file(s); validating...%n",
                                imported.files().size());
                // The files are a temporary copy: a problem is told as the spreadsheet row to fix.
                if (!FaqCommand.report(
                        corpora.loader().check(staging),
                        p -> imported.row(p.location())
                                .map(row -> row + ": " + p.message())
                                .orElse(p.toString()),
                        spec.commandLine().getErr())) {
                    spec.commandLine()
                            .getErr()
                            .println("nothing changed in " + target + ": fix the spreadsheet and import again");
                    return 1;
                }
                clear(target.resolve("entries"));
                CorpusFolder.copy(staging.resolve("entries"), target.resolve("entries"));
                spec.commandLine().getOut().printf("imported %s into %s%n", csv, target);
                spec.commandLine().getOut().flush();
                return 0;
            } finally {
                CorpusFolder.delete(staging);
            }
        }
    }

    static void clear(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(
                            f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .toList()) {
                Files.delete(file);
            }
        }
    }
}
