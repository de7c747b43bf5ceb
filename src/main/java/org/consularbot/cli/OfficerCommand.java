package org.consularbot.cli;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.consularbot.channel.OfficerCommandLine;
import org.consularbot.config.BotConfig;
import org.consularbot.config.Settings;
import org.consularbot.config.TelegramConfig;
import org.consularbot.conversation.DaemonThreads;
import org.consularbot.handoff.Officer;
import org.consularbot.handoff.OfficerDesk;
import org.consularbot.handoff.OfficerFeed;
import org.consularbot.handoff.OfficerMessage;
import org.consularbot.store.Database;
import org.consularbot.store.JdbcOfficerDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code officer}: who may act on tickets, and a terminal desk to act as one. */
@Command(
        name = "officer",
        description =
                "Manage duty officers (add, remove, list, passwd for the web console) or act as one in the terminal (console).",
        subcommands = {
            OfficerCommand.Add.class,
            OfficerCommand.Remove.class,
            OfficerCommand.ListOfficers.class,
            OfficerPasswd.class,
            OfficerCommand.Console.class
        })
final class OfficerCommand extends CommandGroup {

    /** The officers table, opened just for a change to it. */
    abstract static class OnDirectory extends DatabaseCommand {

        OnDirectory(Settings settings, Clock clock) {
            super(settings, clock);
        }

        @Override
        int run(Database database, PrintWriter out) {
            return run(new JdbcOfficerDirectory(database.dataSource()), out);
        }

        abstract int run(JdbcOfficerDirectory officers, PrintWriter out);
    }

    @Command(name = "add", description = "Add an officer (or change their name or role), by their Telegram user id.")
    static final class Add extends OnDirectory {
        @Option(
                names = "--id",
                required = true,
                description = "Telegram user id (digits), or any label for the terminal console.")
        String id;

        @Option(
                names = "--name",
                required = true,
                description = "Name shown to colleagues (and to citizens unless HANDOFF_SHOW_OFFICER_NAME=false).")
        String name;

        @Option(
                names = "--role",
                defaultValue = "officer",
                description = "officer or supervisor (default: ${DEFAULT-VALUE}).")
        String role;

        Add(Settings settings, Clock clock) {
            super(settings, clock);
        }

        @Override
        int run(JdbcOfficerDirectory officers, PrintWriter out) {
            Officer.Role parsed;
            try {
                parsed = Officer.Role.fromCode(role.strip());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--role must be officer or supervisor");
            }
            if (id.isBlank() || name.isBlank()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--id and --name must not be blank");
            }
            officers.add(new Officer(id.strip(), name.strip(), parsed), clock.instant());
            out.println("officer " + id.strip() + " (" + name.strip() + ", " + parsed.code() + ") may act on tickets");
            return 0;
        }
    }

    @Command(name = "remove", description = "Remove an officer.")
    static final class Remove extends OnDirectory {
        @Option(names = "--id", required = true)
        String id;

        Remove(Settings settings, Clock clock) {
            super(settings, clock);
        }

        @Override
        int run(JdbcOfficerDirectory officers, PrintWriter out) {
            if (!officers.remove(id.strip())) {
                spec.commandLine().getErr().println("error: no officer " + id.strip());
                return 1;
            }
            out.println("officer " + id.strip() + " removed");
            return 0;
        }
    }

    @Command(name = "list", description = "List the officers.")
    static final class ListOfficers extends OnDirectory {
        ListOfficers(Settings settings, Clock clock) {
            super(settings, clock);
        }

        @Override
        int run(JdbcOfficerDirectory officers, PrintWriter out) {
            for (Officer officer : officers.all()) {
                out.println(officer.userId() + "\t" + officer.name() + "\t"
                        + officer.role().code());
            }
            return 0;
        }
    }

    /**
     * A terminal officer desk on the same database as the terminal chat: new tickets and relayed messages are
     * printed; commands act on tickets; a plain line is a reply to the ticket you hold.
     */
    @Command(
            name = "console",
            description = "Act as an officer in the terminal (help lists the commands; end of input exits).")
    static final class Console implements Callable<Integer> {
        @Option(names = "--as", required = true, paramLabel = "ID", description = "Your officer id (see officer list).")
        String officerId;

        @Spec
        CommandSpec spec;

        private final Settings settings;
        private final CorpusSource corpora;
        private final Clock clock;
        private final InputStream in;

        Console(Settings settings, CorpusSource corpora, Clock clock, InputStream in) {
            this.settings = settings;
            this.corpora = corpora;
            this.clock = clock;
            this.in = in;
        }

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            BotConfig config = BotConfig.from(settings);
            if (settings.get(TelegramConfig.TELEGRAM_OFFICER_CHAT_ID).isPresent()) {
                // The console takes what it prints out of the officers' outbox: it would steal cards from the group.
                spec.commandLine()
                        .getErr()
                        .println("error: officers work in the Telegram group here (TELEGRAM_OFFICER_CHAT_ID is set); "
                                + "the console is for trying the bot without Telegram");
                return 1;
            }
            try (BotAssembly bot =
                    BotAssembly.open(config, corpora, spec.commandLine().getErr(), clock)) {
                if (bot.officers.find(officerId).isEmpty()) {
                    // Tickets hold citizens' messages: only listed officers may see them.
                    bot.tickets.audit(
                            Optional.empty(),
                            officerId,
                            "refused",
                            "officer console by someone who is not a listed officer",
                            clock.instant());
                    spec.commandLine()
                            .getErr()
                            .println(
                                    "error: " + officerId
                                            + " is not a listed officer (see officer list; a supervisor adds you with officer add)");
                    return 1;
                }
                // Replies to citizens go through the outbox; their own chat prints them.
                OfficerDesk desk = bot.desk();
                // Every console sees every message for officers: it follows the outbox rather than taking from it.
                OfficerFeed messages = new OfficerFeed(bot.officerOutbox, clock, "console");
                ScheduledExecutorService feed =
                        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("officer-feed"));
                feed.scheduleWithFixedDelay(() -> show(messages, out), 1, 1, TimeUnit.SECONDS);
                try {
                    // What is open already, so an officer who comes in later is not left with a blank screen.
                    out.println("Officer console: "
                            + bot.officers.find(officerId).get().name() + ". " + OfficerCommandLine.HELP
                            + "; end of input leaves.");
                    out.println(desk.queue(officerId).message());
                    show(messages, out);
                    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (!line.isBlank()) {
                            out.println(act(desk, line.strip()));
                            show(messages, out);
                        }
                    }
                } finally {
                    feed.shutdownNow();
                }
            }
            return 0;
        }

        /** A command (as in the Telegram group: "close the door" is a reply, not a command), else a reply to the one ticket held. */
        private String act(OfficerDesk desk, String line) {
            return OfficerCommandLine.run(desk, officerId, line)
                    .map(OfficerDesk.Result::message)
                    .orElseGet(
                            () -> desk.current(officerId)
                                    .map(ticket ->
                                            desk.reply(officerId, ticket, line).message())
                                    .orElse(
                                            "Nothing sent: you hold no ticket, or more than one (/reply N text). /help lists the commands."));
        }

        /** Prints the messages for officers this console has not shown yet: in the terminal, consoles are the officers' channel. */
        private synchronized void show(OfficerFeed messages, PrintWriter out) {
            try {
                for (OfficerMessage message : messages.next()) {
                    out.println(message.text()
                            + (message.mention().isEmpty()
                                    ? ""
                                    : "  (for " + String.join(", ", message.mention()) + ")"));
                }
                out.flush();
            } catch (RuntimeException e) {
                spec.commandLine().getErr().println("(could not read new tickets: " + e.getMessage() + ")");
            }
        }
    }
}
