package org.consularbot.bench;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.consularbot.cli.ConsularBotCommand;
import org.consularbot.config.Settings;
import org.consularbot.store.TestDatabases;

/**
 * Runs {@code bench --turns} against a real PostgreSQL started in this JVM (the same embedded server the tests
 * use), for machines without a PostgreSQL server:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.consularbot.bench.EmbeddedPostgresBench -Dexec.args="--turns 20000"}.
 */
public final class EmbeddedPostgresBench {

    private EmbeddedPostgresBench() {}

    public static void main(String[] args) {
        List<String> command = new ArrayList<>(List.of("bench", "--db-url", TestDatabases.postgresUrl()));
        command.addAll(List.of(args));
        var line = ConsularBotCommand.create(Settings.load(Map.of(), Path.of("nonexistent.env")), Clock.systemUTC());
        line.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        line.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        int exit = line.execute(command.toArray(String[]::new));
        System.exit(exit);
    }
}
