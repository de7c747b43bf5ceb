package org.consularbot.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.consularbot.advisory.Advisory;
import org.consularbot.advisory.AdvisoryDesk;
import org.consularbot.advisory.AdvisoryRefused;
import org.consularbot.advisory.Subscriptions;
import org.consularbot.advisory.Target;
import org.consularbot.config.BotConfig;
import org.consularbot.config.Settings;
import org.consularbot.faq.Country;
import org.consularbot.store.Database;
import org.consularbot.store.JdbcAdvisories;
import org.consularbot.store.JdbcOfficerDirectory;
import org.consularbot.store.JdbcSubscriptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code advisory}: staff's crisis advisories with four eyes (draft, approve, cancel, status) and the subscribers
 * they would reach, counted per place with no chat ids. Sending is not built yet (the next slice).
 */
@Command(
        name = "advisory",
        description = "Crisis advisories: draft, approve (a supervisor other than the drafter), cancel, status; "
                + "subscribers: counts per country and region. Sending is not built yet.",
        subcommands = {
            AdvisoryCommand.Draft.class,
            AdvisoryCommand.Approve.class,
            AdvisoryCommand.Cancel.class,
            AdvisoryCommand.Status.class,
            AdvisoryCommand.Subscribers.class
        })
final class AdvisoryCommand extends CommandGroup {

    /** A subcommand working on the database's advisories, subscriptions and officers. */
    abstract static class OnAdvisories extends DatabaseCommand {

        OnAdvisories(Settings settings, Clock clock) {
            super(settings, clock);
        }

        @Override
        int run(Database database, PrintWriter out) throws Exception {
            JdbcSubscriptions subscriptions = new JdbcSubscriptions(database.dataSource());
            return run(new Work(
                    new AdvisoryDesk(new JdbcAdvisories(database.dataSource()), subscriptions, clock),
                    subscriptions,
                    new JdbcOfficerDirectory(database.dataSource()),
                    out));
        }

        abstract int run(Work work) throws Exception;

        /** Who acts: a listed officer, or a refusal that says how to list them. */
        static AdvisoryDesk.Staff staff(JdbcOfficerDirectory officers, String id) {
            return officers.find(id)
                    .map(o -> new AdvisoryDesk.Staff(o.userId(), o.supervisor()))
                    .orElseThrow(() ->
                            new AdvisoryRefused(id + " is not a listed officer (officer add --id " + id + " ...)"));
        }
    }

    /** What a subcommand works with. */
    record Work(AdvisoryDesk desk, Subscriptions subscriptions, JdbcOfficerDirectory officers, PrintWriter out) {}

    @Command(
            name = "draft",
            description = "Draft an advisory. Each language's file: the title on the first line, a blank line, "
                    + "the body; '-' reads that file from stdin.")
    static final class Draft extends OnAdvisories {
        @Option(names = "--vi", required = true, paramLabel = "FILE", description = "Vietnamese title and body.")
        String vi;

        @Option(names = "--en", required = true, paramLabel = "FILE", description = "English title and body.")
        String en;

        @Option(names = "--level", required = true, description = "information, caution or danger.")
        String level;

        @Option(
                names = "--country",
                required = true,
                split = ",",
                paramLabel = "CC",
                description = "Target country codes from faq/countries.tsv (repeat or comma-separate): JP,KR.")
        List<String> countries;

        @Option(
                names = "--region",
                split = ",",
                paramLabel = "CC:REGION",
                description = "Target only a region or city of a country: JP:Osaka (repeatable).")
        List<String> regions = new ArrayList<>();

        @Option(names = "--check-in", description = "Ask recipients \"are you safe?\" (answers: a later slice).")
        boolean checkIn;

        @Option(
                names = "--expires",
                paramLabel = "WHEN",
                description = "When it stops being valid: an instant (2026-12-10T12:00:00Z) or a delay (48h, 3d).")
        String expires;

        @Option(names = "--by", required = true, paramLabel = "OFFICER", description = "The drafting officer's id.")
        String by;

        private final CorpusSource corpora;
        private final InputStream in;

        Draft(Settings settings, CorpusSource corpora, Clock clock, InputStream in) {
            super(settings, clock);
            this.corpora = corpora;
            this.in = in;
        }

        @Override
        int run(Work work) throws Exception {
            if ("-".equals(vi) && "-".equals(en)) {
                throw new ParameterException(spec.commandLine(), "only one of --vi and --en can be read from stdin");
            }
            Advisory.Level chosen;
            List<Target> targets = new ArrayList<>();
            try {
                chosen = Advisory.Level.fromCode(level);
                countries.forEach(c -> targets.add(Target.parse(c)));
                for (String region : regions) {
                    if (!region.contains(":")) {
                        throw new IllegalArgumentException(
                                "--region is COUNTRY:REGION (JP:Osaka), not '" + region + "'");
                    }
                    targets.add(Target.parse(region));
                }
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            AdvisoryDesk.Staff drafter = staff(work.officers(), by);
            BotConfig config = BotConfig.from(settings);
            Set<String> known =
                    corpora
                            .load(
                                    config.faqDir().orElse(null),
                                    spec.commandLine().getErr())
                            .countries()
                            .all()
                            .stream()
                            .map(Country::iso2)
                            .collect(Collectors.toSet());
            Advisory drafted = work.desk()
                    .draft(
                            drafter,
                            new AdvisoryDesk.Draft(
                                    chosen, text(vi, "--vi"), text(en, "--en"), targets, checkIn, expiry()),
                            known);
            work.out()
                    .printf(
                            "drafted advisory %d (%s, %s); it would reach %d subscribers now%n",
                            drafted.id(),
                            drafted.level().code(),
                            targets(drafted),
                            work.desk().reach(drafted));
            work.out()
                    .printf(
                            "next: a supervisor other than %s approves it: advisory approve --id %d --by SUPERVISOR%n",
                            drafted.draftedBy(), drafted.id());
            return 0;
        }

        private Advisory.Text text(String source, String option) {
            String content;
            try {
                content = "-".equals(source)
                        ? new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8)
                        : Files.readString(Path.of(source), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                throw new AdvisoryRefused(option + ": cannot read " + source + " (" + e.getMessage() + ")");
            }
            String normalised = content.replace("\r\n", "\n").strip();
            int blank = normalised.indexOf("\n\n");
            if (blank < 0) {
                throw new AdvisoryRefused(
                        option + ": the title on the first line, then a blank line, then the body (" + source + ")");
            }
            return new Advisory.Text(
                    normalised.substring(0, blank).strip(),
                    normalised.substring(blank + 2).strip());
        }

        private Optional<Instant> expiry() {
            if (expires == null) {
                return Optional.empty();
            }
            String e = expires.strip();
            if (e.matches("\\d{1,4}[hd]")) {
                long n = Long.parseLong(e.substring(0, e.length() - 1));
                return Optional.of(clock.instant().plusSeconds(n * (e.endsWith("h") ? 3600 : 86400)));
            }
            try {
                return Optional.of(Instant.parse(e));
            } catch (DateTimeParseException ex) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--expires is an instant (2026-12-10T12:00:00Z) or a delay (48h, 3d), not '" + expires + "'");
            }
        }
    }

    /** A move on one advisory by one officer: {@code --id N --by OFFICER}. */
    abstract static class OnOne extends OnAdvisories {
        @Option(names = "--id", required = true, description = "The advisory's number.")
        long id;

        @Option(names = "--by", required = true, paramLabel = "OFFICER", description = "Who does it.")
        String by;

        OnOne(Settings settings, Clock clock) {
            super(settings, clock);
        }

        @Override
        int run(Work work) {
            work.out().println(act(work.desk(), staff(work.officers(), by)));
            return 0;
        }

        /** Does it and says what was done. */
        abstract String act(AdvisoryDesk desk, AdvisoryDesk.Staff who);
    }

    @Command(name = "approve", description = "Approve a draft: a supervisor who did not draft it (four eyes).")
    static final class Approve extends OnOne {
        Approve(Settings settings, Clock clock) {
            super(settings, clock);
        }

        @Override
        String act(AdvisoryDesk desk, AdvisoryDesk.Staff who) {
            Advisory approved = desk.approve(id, who);
            return String.format(
                    "advisory %d approved by %s (drafted by %s); it would reach %d subscribers now. "
                            + "Sending is not built yet (the next slice).",
                    approved.id(), by, approved.draftedBy(), desk.reach(approved));
        }
    }

    @Command(name = "cancel", description = "Cancel a draft or an approved advisory.")
    static final class Cancel extends OnOne {
        Cancel(Settings settings, Clock clock) {
            super(settings, clock);
        }

        @Override
        String act(AdvisoryDesk desk, AdvisoryDesk.Staff who) {
            return "advisory " + desk.cancel(id, who).id() + " cancelled by " + by;
        }
    }

    @Command(name = "status", description = "One advisory in full (--id), or the latest ones: state, targets, reach.")
    static final class Status extends OnAdvisories {
        @Option(names = "--id", description = "The advisory's number; without it, the latest 20.")
        Long id;

        Status(Settings settings, Clock clock) {
            super(settings, clock);
        }

        @Override
        int run(Work work) {
            PrintWriter out = work.out();
            Instant now = clock.instant();
            if (id != null) {
                Advisory a = work.desk().existing(id);
                out.printf(
                        "advisory %d: %s%s, %s%n",
                        a.id(),
                        a.state().code(),
                        a.expired(now) ? " (expired)" : "",
                        a.level().code());
                out.printf(
                        "targets: %s; check-in: %s; expires: %s%n",
                        targets(a),
                        a.checkIn() ? "yes" : "no",
                        a.expiresAt().map(Instant::toString).orElse("never"));
                out.printf("drafted by %s at %s%n", a.draftedBy(), a.draftedAt());
                a.approved().ifPresent(d -> out.printf("approved by %s at %s%n", d.by(), d.at()));
                a.cancelled().ifPresent(d -> out.printf("cancelled by %s at %s%n", d.by(), d.at()));
                out.printf(
                        "would reach: %d subscribers now (sending is not built yet)%n",
                        work.desk().reach(a));
                out.printf("vi: %s%n%s%nen: %s%n%s%n", a.vi().title(), a.vi().body(), a.en().title(), a.en().body());
                return 0;
            }
            List<Advisory> recent = work.desk().recent(20);
            if (recent.isEmpty()) {
                out.println("no advisories yet (advisory draft)");
            }
            for (Advisory a : recent) {
                out.printf(
                        "%d\t%s%s\t%s\t%s\t%d subscribers\t%s%n",
                        a.id(),
                        a.state().code(),
                        a.expired(now) ? " (expired)" : "",
                        a.level().code(),
                        targets(a),
                        work.desk().reach(a),
                        a.en().title());
            }
            return 0;
        }
    }

    @Command(name = "subscribers", description = "Active subscribers per country and region (no chat ids).")
    static final class Subscribers extends OnAdvisories {
        Subscribers(Settings settings, Clock clock) {
            super(settings, clock);
        }

        @Override
        int run(Work work) {
            List<Subscriptions.PlaceCount> counts = work.subscriptions().counts();
            long total = counts.stream()
                    .mapToLong(Subscriptions.PlaceCount::subscribers)
                    .sum();
            work.out().println("country\tregion\tsubscribers");
            for (Subscriptions.PlaceCount c : counts) {
                work.out().printf("%s\t%s\t%d%n", c.country(), c.region().orElse("-"), c.subscribers());
            }
            work.out().printf("total\t\t%d%n", total);
            return 0;
        }
    }

    static String targets(Advisory a) {
        return a.targets().stream().map(Target::toString).collect(Collectors.joining(", "));
    }
}
