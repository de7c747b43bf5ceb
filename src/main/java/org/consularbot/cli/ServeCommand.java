package org.consularbot.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.consularbot.config.BotConfig;
import org.consularbot.config.Settings;
import org.consularbot.config.TelegramConfig;
import org.consularbot.config.WebConfig;
import org.consularbot.config.ZaloConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code serve}: the bot on its configured channels until the process is stopped (Ctrl-C, SIGTERM). */
@Command(
        name = "serve",
        description =
                "Run the bot on the configured channels (Telegram: TELEGRAM_BOT_TOKEN; Zalo: ZALO_APP_ID) until stopped.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final Settings settings;
    private final CorpusSource corpora;
    private final Clock clock;

    ServeCommand(Settings settings, CorpusSource corpora, Clock clock) {
        this.settings = settings;
        this.corpora = corpora;
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BotConfig config = BotConfig.from(settings);
        Optional<TelegramConfig> telegram = TelegramConfig.from(settings);
        Optional<ZaloConfig> zalo = ZaloConfig.from(settings);
        WebConfig web = WebConfig.from(settings);
        if (telegram.isEmpty() && zalo.isEmpty()) {
            err.println("error: no channel is configured: set " + TelegramConfig.TELEGRAM_BOT_TOKEN + " or "
                    + ZaloConfig.ZALO_APP_ID
                    + " (see docs/telegram.md and docs/zalo.md), or try the bot in the terminal with `chat`");
            err.flush();
            return 1;
        }
        // The hook first: a SIGTERM during start-up recovery must still close the database cleanly.
        AtomicReference<RunningBot> running = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            RunningBot started = running.get();
                            if (started != null) {
                                started.close();
                            }
                            stopped.countDown();
                        },
                        "shutdown"));
        RunningBot bot = RunningBot.start(config, telegram, zalo, web, corpora, err, clock, Duration.ofSeconds(1));
        running.set(bot);
        out.println("consular-bot is answering"
                + telegram.map(t ->
                                " on Telegram as @" + bot.botName() + (t.webhook() ? " (webhook)" : " (long polling)"))
                        .orElse("")
                + zalo.map(z -> " on Zalo (webhook)").orElse("")
                + bot.webPort()
                        .map(port -> ", HTTP on port " + port + " (officers' web console at /console)")
                        .orElse("")
                + bot.adminPort()
                        .map(port -> " (health, readiness and metrics on port " + port + ")")
                        .orElse("")
                + "; stop with Ctrl-C");
        out.flush();
        stopped.await();
        return 0;
    }
}
