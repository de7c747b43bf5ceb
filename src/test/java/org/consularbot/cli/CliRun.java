package org.consularbot.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.consularbot.config.Settings;
import org.consularbot.faq.TestCorpora;
import picocli.CommandLine;

/** Runs the command line as Main does, with the test clock, no environment and captured output. */
record CliRun(int exit, String out, String err) {

    static CliRun run(String... args) {
        return run(Map.of(), args);
    }

    static CliRun run(Map<String, String> environment, String... args) {
        return runWithInput(environment, "", args);
    }

    /** Runs with {@code input} as standard input (for {@code chat}). */
    static CliRun runWithInput(Map<String, String> environment, String input, String... args) {
        return runWithInput(TestCorpora.CLOCK, environment, input, args);
    }

    /** As {@link #runWithInput(Map, String, String...)} at another time, e.g. to age stored data for {@code purge}. */
    static CliRun runWithInput(Clock clock, Map<String, String> environment, String input, String... args) {
        CommandLine line = ConsularBotCommand.create(
                Settings.load(TestCorpora.withModelCache(environment), Path.of("nonexistent.env")),
                clock,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int exit = line.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- out:\n" + out + "\n--- err:\n" + err;
    }
}
