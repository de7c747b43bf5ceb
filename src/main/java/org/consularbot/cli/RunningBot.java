package org.consularbot.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.consularbot.channel.telegram.TelegramChannel;
import org.consularbot.config.BotConfig;
import org.consularbot.config.TelegramConfig;
import org.consularbot.config.WebConfig;
import org.consularbot.conversation.TurnProcessor;
import org.consularbot.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot running as a service: database, Telegram channel, the relay (every second: replies due for another
 * attempt, and messages whose answer failed after they were acknowledged), and the HTTP server in webhook mode. Start-up order matters: the token is checked before anything is sent, replies and
 * messages left over from the last run are finished before new updates come in.
 */
final class RunningBot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunningBot.class);
    private static final Duration RELAY_EVERY = Duration.ofSeconds(1);
    /** A message acknowledged but unanswered this long had its answer fail; the relay answers it. */
    private static final Duration STALE_AFTER = Duration.ofSeconds(30);
    private static final int SLA_EVERY_ROUNDS = 30;

    private final BotAssembly assembly;
    private final TelegramChannel telegram;
    private final ScheduledExecutorService relay;
    private final String botName;
    private WebServer web;
    private boolean closed;
    private boolean officerGroup;
    private long rounds;

    private RunningBot(BotAssembly assembly, TelegramChannel telegram, String botName) {
        this.assembly = assembly;
        this.telegram = telegram;
        this.botName = botName;
        this.relay = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @param typingAfter how long a turn may take before "typing…" shows (1 s in service) */
    static RunningBot start(BotConfig config, TelegramConfig telegramConfig, WebConfig webConfig, CorpusSource corpora,
            PrintWriter err, Clock clock, Duration typingAfter) throws Exception {
        BotAssembly assembly = BotAssembly.open(config, corpora, err, clock);
        TelegramChannel telegram = new TelegramChannel(telegramConfig, clock, typingAfter);
        RunningBot bot;
        try {
            bot = new RunningBot(assembly, telegram, telegram.connect());
            bot.officerGroup = telegramConfig.officerChatId().isPresent();
        } catch (RuntimeException e) {
            telegram.close();
            assembly.close();
            throw e;
        }
        try {
            bot.run(webConfig);
        } catch (RuntimeException e) {
            bot.close();
            throw e;
        }
        return bot;
    }

    private void run(WebConfig webConfig) {
        assembly.officerChannel(officerGroup);
        TurnProcessor processor = assembly.processor(Map.of(TelegramChannel.NAME, telegram.sender()));
        TurnProcessor.RecoveryReport recovered = processor.recover();
        log.info("recovered from the last run: {} replies resent, {} messages answered", recovered.repliesResent(), recovered.messagesAnswered());
        telegram.startReceiving(processor, groupNotice(assembly.corpus.hotline()),
                new TelegramChannel.Officers(assembly.desk(), assembly.officerOutbox, assembly.officers,
                        conversationId -> assembly.store.recentTexts(conversationId, 20)));
        org.consularbot.handoff.SlaWatch sla = assembly.slaWatch();
        if (telegram.webhook().isPresent()) {
            // Listen first, then tell Telegram where: no update is posted to a port nobody serves.
            web = WebServer.start(webConfig, telegram.webhook());
            telegram.registerWebhook();
        }
        relay.scheduleWithFixedDelay(() -> {
            try {
                processor.resendUnsent();
                processor.answerStale(STALE_AFTER);
            } catch (RuntimeException e) {
                log.warn("outbox relay: {}", e.getMessage());
            }
            try {
                telegram.drainOfficerMessages();
                if (++rounds % SLA_EVERY_ROUNDS == 0) {
                    sla.check();
                }
            } catch (RuntimeException e) {
                log.warn("officers' relay: {}", e.getMessage());
            }
        }, RELAY_EVERY.toMillis(), RELAY_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    static String groupNotice(String hotline) {
        return "Để bảo vệ thông tin cá nhân, tôi chỉ trả lời trong tin nhắn riêng: hãy nhắn riêng cho tôi. "
                + "Khẩn cấp: " + hotline + " (24/7).\n"
                + "To protect your privacy I only answer in a private chat: please message me directly. "
                + "Emergency: " + hotline + " (24/7).";
    }

    String botName() {
        return botName;
    }

    /** The HTTP server's port in webhook mode. */
    Optional<Integer> webPort() {
        return Optional.ofNullable(web).map(WebServer::port);
    }

    BotAssembly assembly() {
        return assembly;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        relay.shutdown();
        if (web != null) {
            web.close();
        }
        telegram.close();
        try {
            // A send in flight must be marked sent before the database closes, or it goes out again at the next start.
            relay.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assembly.close();
    }
}
