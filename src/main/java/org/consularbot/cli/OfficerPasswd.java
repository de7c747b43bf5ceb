package org.consularbot.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.consularbot.config.BotConfig;
import org.consularbot.config.Settings;
import org.consularbot.store.Database;
import org.consularbot.store.DatabaseSettings;
import org.consularbot.store.JdbcOfficerLogins;
import org.consularbot.store.JdbcTicketStore;
import org.consularbot.web.ConsolePasswords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code officer passwd --id ID}: sets an officer's web console password, read from the first line of standard input
 * (never from the command line, where it would stay in the shell's history and the process list). Stored hashed;
 * signs out the officer's open sessions; audited.
 */
@Command(
        name = "passwd",
        description = "Set an officer's web console password, read from the first line of standard input.")
final class OfficerPasswd implements Callable<Integer> {

    @Option(names = "--id", required = true, description = "The officer's id (see officer list).")
    String id;

    @Spec
    CommandSpec spec;

    private final Settings settings;
    private final Clock clock;
    private final InputStream in;

    OfficerPasswd(Settings settings, Clock clock, InputStream in) {
        this.settings = settings;
        this.clock = clock;
        this.in = in;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (System.console() != null && in == System.in) {
            err.println("Password for " + id.strip() + " (at least " + ConsolePasswords.MIN_LENGTH + " characters):");
            err.flush();
        }
        String password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        if (password == null) {
            err.println("error: no password on standard input");
            return 1;
        }
        Optional<String> weakness = ConsolePasswords.weakness(password);
        if (weakness.isPresent()) {
            err.println("error: the password must have " + weakness.get());
            return 1;
        }
        BotConfig config = BotConfig.from(settings);
        try (Database database = Database.open(
                new DatabaseSettings(config.dbUrl(), config.dbUser(), config.dbPassword(), BotConfig.MIN_POOL_SIZE))) {
            JdbcOfficerLogins logins = new JdbcOfficerLogins(database.dataSource());
            if (!logins.setPasswordHash(id.strip(), new ConsolePasswords().hash(password), clock.instant())) {
                err.println("error: no officer " + id.strip() + " (add them first with officer add)");
                return 1;
            }
            new JdbcTicketStore(database.dataSource())
                    .audit(Optional.empty(), id.strip(), "console-password", "password set", clock.instant());
        }
        out.println("web console password set for " + id.strip() + "; their open sessions are signed out");
        return 0;
    }
}
