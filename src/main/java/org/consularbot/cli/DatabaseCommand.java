package org.consularbot.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.consularbot.config.BotConfig;
import org.consularbot.config.Settings;
import org.consularbot.store.Database;
import org.consularbot.store.DatabaseSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A one-shot staff command on the configured database, opened with the smallest pool for just this run. */
abstract class DatabaseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    final Settings settings;
    final Clock clock;

    DatabaseCommand(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    static Database open(BotConfig config) {
        return Database.open(
                new DatabaseSettings(config.dbUrl(), config.dbUser(), config.dbPassword(), BotConfig.MIN_POOL_SIZE));
    }

    @Override
    public Integer call() throws Exception {
        try (Database database = open(BotConfig.from(settings))) {
            PrintWriter out = spec.commandLine().getOut();
            int code = run(database, out);
            out.flush();
            return code;
        }
    }

    abstract int run(Database database, PrintWriter out) throws Exception;
}
