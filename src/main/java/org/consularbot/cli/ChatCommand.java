package org.consularbot.cli;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.consularbot.channel.console.ConsoleChannel;
import org.consularbot.config.BotConfig;
import org.consularbot.config.Settings;
import org.consularbot.conversation.DaemonThreads;
import org.consularbot.conversation.InboundMessage;
import org.consularbot.conversation.TurnProcessor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code chat}: talk to the bot as a citizen in the terminal, with the same storage and turns as a real channel. */
@Command(
        name = "chat",
        description = "Talk to the bot as a citizen on stdin/stdout (buttons are numbered; end of input exits).")
final class ChatCommand implements Callable<Integer> {

    @Option(
            names = "--as",
            paramLabel = "NAME",
            defaultValue = "local",
            description = "Which citizen you are; each name is its own conversation (default: ${DEFAULT-VALUE}).")
    String citizen;

    @Spec
    CommandSpec spec;

    private final Settings settings;
    private final CorpusSource corpora;
    private final Clock clock;
    private final InputStream in;

    ChatCommand(Settings settings, CorpusSource corpora, Clock clock, InputStream in) {
        this.settings = settings;
        this.corpora = corpora;
        this.clock = clock;
        this.in = in;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BotConfig config = BotConfig.from(settings);
        try (BotAssembly bot = BotAssembly.open(config, corpora, err, clock)) {
            ConsoleChannel console = new ConsoleChannel(out, clock, citizen, bot.corpus.hotline());
            BotAssembly.Turns turns = bot.turns(Map.of(ConsoleChannel.NAME, console));
            turns.recovery().recover();
            TurnProcessor processor = turns.citizens();
            if (bot.store.find(console.conversation()).isEmpty()) {
                // A first contact, as Telegram's Start button: the welcome says what the bot can and cannot do.
                processor.handle(InboundMessage.text(
                        console.conversation(), citizen, UUID.randomUUID().toString(), "/start", clock.instant()));
            }
            // An officer (officer console, or the officers' group) may answer at any moment: show it as it comes.
            ScheduledExecutorService relay =
                    Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("chat-relay"));
            relay.scheduleWithFixedDelay(
                    () -> {
                        try {
                            turns.delivery().sendDueTo(console.conversation());
                        } catch (RuntimeException e) {
                            // the database is briefly unavailable: try again in a second
                        }
                    },
                    1,
                    1,
                    TimeUnit.SECONDS);
            if (in == System.in && System.console() != null) {
                err.println("(type your message and press Enter; Ctrl-D to leave)");
                err.flush();
            }
            try {
                console.talk(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), processor, err);
            } finally {
                relay.shutdownNow();
                try {
                    relay.awaitTermination(2, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return 0;
    }
}
