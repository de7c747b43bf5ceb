package org.consularbot.cli;

import java.time.Clock;
import org.consularbot.config.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: {@code java -jar consular-bot.jar <command>}. */
@Command(name = "consular-bot", mixinStandardHelpOptions = true, version = "consular-bot 0.1.0",
        description = "Answers citizens abroad for an embassy: curated bilingual FAQ, emergencies first.",
        subcommands = {AskCommand.class, EvalCommand.class, BenchCommand.class, FaqCommand.class})
public final class ConsularBotCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * A command line whose commands get their collaborators by constructor: the settings and the clock
     * come from the composition root, so tests run the same commands with their own.
     */
    public static CommandLine create(Settings settings, Clock clock) {
        CorpusSource corpora = new CorpusSource(settings, clock);
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == AskCommand.class) {
                    return type.cast(new AskCommand(corpora));
                } else if (type == EvalCommand.class) {
                    return type.cast(new EvalCommand(corpora));
                } else if (type == BenchCommand.class) {
                    return type.cast(new BenchCommand(corpora));
                } else if (type == FaqCommand.Validate.class) {
                    return type.cast(new FaqCommand.Validate(corpora, clock));
                } else if (type == FaqCommand.Export.class) {
                    return type.cast(new FaqCommand.Export(corpora, clock));
                } else if (type == FaqCommand.Import.class) {
                    return type.cast(new FaqCommand.Import(corpora, clock));
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine line = new CommandLine(new ConsularBotCommand(), factory);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof org.consularbot.faq.InvalidCorpusException) {
                cmd.getErr().println("the FAQ corpus is invalid; fix the errors above");
            } else {
                cmd.getErr().println("error: " + e.getMessage());
            }
            cmd.getErr().flush();
            return 1;
        });
        return line;
    }
}
