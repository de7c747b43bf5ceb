package org.consularbot;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.consularbot.cli.ConsularBotCommand;
import org.consularbot.config.Settings;
import picocli.CommandLine;

/** Composition root: reads the configuration, wires the commands, runs the one asked for. No logic here. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        CommandLine line = ConsularBotCommand.create(Settings.fromSystem(), Clock.systemDefaultZone());
        line.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        line.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        System.exit(line.execute(args));
    }
}
