package org.consularbot.cli;

import java.io.InputStream;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.consularbot.config.InvalidSettingException;
import org.consularbot.config.Settings;
import org.consularbot.config.TelegramConfig;
import org.consularbot.config.ZaloConfig;
import org.consularbot.conversation.StoreException;
import org.consularbot.faq.InvalidCorpusException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: {@code java -jar consular-bot.jar <command>}. */
@Command(
        name = "consular-bot",
        mixinStandardHelpOptions = true,
        version = "consular-bot 0.1.0",
        scope = CommandLine.ScopeType.INHERIT, // --help and --version on every command, as the README says
        description = "Answers citizens abroad for an embassy: curated bilingual FAQ, emergencies first.",
        subcommands = {
            ServeCommand.class,
            ChatCommand.class,
            PurgeCommand.class,
            AskCommand.class,
            EvalCommand.class,
            BenchCommand.class,
            FaqCommand.class,
            OfficerCommand.class,
            ReportCommand.class,
            AdvisoryCommand.class
        })
public final class ConsularBotCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private Settings settings;

    /**
     * With no command: {@code serve} when a channel is configured ({@code TELEGRAM_BOT_TOKEN}), else the terminal
     * chat on the embedded database, so the README's run command works with nothing set up.
     */
    @Override
    public Integer call() {
        boolean channel = settings != null
                && (settings.get(TelegramConfig.TELEGRAM_BOT_TOKEN).isPresent()
                        || settings.get(ZaloConfig.ZALO_APP_ID).isPresent());
        CommandLine command = spec.commandLine().getSubcommands().get(channel ? "serve" : "chat");
        command.setOut(spec.commandLine().getOut());
        command.setErr(spec.commandLine().getErr());
        return command.execute();
    }

    /**
     * A command line whose commands get their collaborators by constructor: the settings and the clock
     * come from the composition root, so tests run the same commands with their own.
     */
    public static CommandLine create(Settings settings, Clock clock) {
        return create(settings, clock, System.in);
    }

    /** As {@link #create(Settings, Clock)}, reading the terminal chat from {@code in}. */
    public static CommandLine create(Settings settings, Clock clock, InputStream in) {
        CorpusSource corpora = new CorpusSource(settings, clock);
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == ServeCommand.class) {
                    return type.cast(new ServeCommand(settings, corpora, clock));
                } else if (type == ChatCommand.class) {
                    return type.cast(new ChatCommand(settings, corpora, clock, in));
                } else if (type == PurgeCommand.class) {
                    return type.cast(new PurgeCommand(settings, clock));
                } else if (type == AskCommand.class) {
                    return type.cast(new AskCommand(corpora));
                } else if (type == EvalCommand.class) {
                    return type.cast(new EvalCommand(corpora));
                } else if (type == BenchCommand.class) {
                    return type.cast(new BenchCommand(corpora, settings, clock));
                } else if (type == ReportCommand.class) {
                    return type.cast(new ReportCommand(settings, clock));
                } else if (type == OfficerCommand.Add.class) {
                    return type.cast(new OfficerCommand.Add(settings, clock));
                } else if (type == OfficerCommand.Remove.class) {
                    return type.cast(new OfficerCommand.Remove(settings, clock));
                } else if (type == OfficerCommand.ListOfficers.class) {
                    return type.cast(new OfficerCommand.ListOfficers(settings, clock));
                } else if (type == OfficerPasswd.class) {
                    return type.cast(new OfficerPasswd(settings, clock, in));
                } else if (type == OfficerCommand.Console.class) {
                    return type.cast(new OfficerCommand.Console(settings, corpora, clock, in));
                } else if (type == AdvisoryCommand.Draft.class) {
                    return type.cast(new AdvisoryCommand.Draft(settings, corpora, clock, in));
                } else if (type == AdvisoryCommand.Approve.class) {
                    return type.cast(new AdvisoryCommand.Approve(settings, clock));
                } else if (type == AdvisoryCommand.Cancel.class) {
                    return type.cast(new AdvisoryCommand.Cancel(settings, clock));
                } else if (type == AdvisoryCommand.Status.class) {
                    return type.cast(new AdvisoryCommand.Status(settings, clock));
                } else if (type == AdvisoryCommand.Subscribers.class) {
                    return type.cast(new AdvisoryCommand.Subscribers(settings, clock));
                } else if (type == FaqCommand.Validate.class) {
                    return type.cast(new FaqCommand.Validate(corpora, clock));
                } else if (type == FaqCommand.Review.class) {
                    return type.cast(new FaqCommand.Review(corpora, clock, settings));
                } else if (type == FaqCommand.Export.class) {
                    return type.cast(new FaqCommand.Export(corpora, clock));
                } else if (type == FaqCommand.Import.class) {
                    return type.cast(new FaqCommand.Import(corpora, clock));
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        ConsularBotCommand top = new ConsularBotCommand();
        top.settings = settings;
        CommandLine line = new CommandLine(top, factory);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof InvalidCorpusException) {
                cmd.getErr().println("the FAQ corpus is invalid; fix the errors above");
            } else if (e instanceof InvalidSettingException || e instanceof StoreException) {
                cmd.getErr().println("error: " + e.getMessage());
            } else {
                cmd.getErr().println("error: " + e.getMessage());
            }
            cmd.getErr().flush();
            return 1;
        });
        return line;
    }
}
