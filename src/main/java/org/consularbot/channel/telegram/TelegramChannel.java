package org.consularbot.channel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.consularbot.config.InvalidSettingException;
import org.consularbot.config.TelegramConfig;
import org.consularbot.conversation.ChatLanes;
import org.consularbot.conversation.DaemonThreads;
import org.consularbot.conversation.ReplySender;
import org.consularbot.conversation.TurnProcessor;
import org.consularbot.handoff.OfficerDesk;
import org.consularbot.handoff.OfficerDirectory;
import org.consularbot.handoff.OfficerInbox;
import org.consularbot.handoff.OfficerOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The Telegram channel, assembled: the client, the paced sender for the turn processor, and the way in (a long-poll
 * thread, or the webhook). {@link #start} checks the token, sets the command menu in Vietnamese and English, then
 * starts receiving; {@link #close} stops everything so the process can exit.
 */
public final class TelegramChannel implements AutoCloseable {

    /** The channel's name in the store. */
    public static final String NAME = TelegramUpdates.CHANNEL;

    private static final Logger log = LoggerFactory.getLogger(TelegramChannel.class);
    private static final int LANES = 8;
    /** After a relay to a ticket went, how long that ticket's next ones gather into one message. */
    private static final Duration RELAY_GATHERING = Duration.ofSeconds(6);

    private final TelegramConfig config;
    private final Clock clock;
    private final OkHttpClient http;
    private final TelegramClient client;
    private final TelegramSender sender;
    private final Duration typingAfter;
    private TelegramIngress ingress;
    private TelegramPoller poller;
    private Thread pollThread;
    private TelegramWebhook webhook;
    private String username = "";
    private Optional<OfficerGroup> officerGroup = Optional.empty();

    /** @param typingAfter how long a turn may take before "typing…" is shown (1 s in service; 0 in tests) */
    public TelegramChannel(TelegramConfig config, Clock clock, Duration typingAfter) {
        this.config = config;
        this.clock = clock;
        this.typingAfter = typingAfter;
        this.http = httpClient(config.pollTimeoutSeconds());
        TelegramUrl url =
                new TelegramUrl(config.apiUrl().getScheme(), config.apiUrl().getHost(), port(config), false);
        this.client = new OkHttpTelegramClient(http, config.token(), url);
        SendPacer.Sleeper sleep = duration -> Thread.sleep(duration.toMillis());
        this.sender = new TelegramSender(
                client,
                new SendPacer(config.maxSendsPerSecond(), Duration.ofMillis(config.chatSendIntervalMs()), clock, sleep),
                sleep);
    }

    /** The way out, for the turn processor. */
    public ReplySender sender() {
        return sender;
    }

    /**
     * Checks the token with Telegram and sets the command menu in Vietnamese and English.
     *
     * @return the bot's username
     * @throws InvalidSettingException when Telegram refuses the token or cannot be reached
     */
    public String connect() {
        User me = checkToken();
        setCommands();
        username = me.getUserName();
        return username;
    }

    /**
     * Starts receiving: a long-poll thread, or (webhook mode) the webhook receiver, which the caller serves from
     * {@link #webhook()} on its HTTP server and then registers with {@link #registerWebhook()}.
     *
     * @param groupNotice what a command in a group gets (the bot answers only in private chats)
     */
    /**
     * As {@link #startReceiving(TurnProcessor, String)}, with the officers' group ({@code TELEGRAM_OFFICER_CHAT_ID})
     * served by the officer desk when both are given.
     */
    public void startReceiving(TurnProcessor processor, Supplier<String> groupNotice, Officers handoff) {
        officerGroup = config.officerChatId()
                .filter(id -> handoff != null)
                .map(id -> new OfficerGroup(
                        client,
                        id,
                        handoff.desk(),
                        handoff.outbox(),
                        handoff.directory(),
                        new GroupPacing(config.groupMessagesPerMinute(), RELAY_GATHERING, clock),
                        clock));
        ingress = new TelegramIngress(
                new TelegramUpdates(clock, username, config.officerChatId()),
                processor,
                client,
                new ChatLanes(LANES, "telegram"),
                typingAfter,
                groupNotice,
                officerGroup.map(group -> new OfficerActions.Setup(group, handoff.inbox(), clock, handoff.instance())));
        if (config.webhook()) {
            webhook = new TelegramWebhook(config.webhookSecret().orElseThrow(), ingress, clock);
        } else {
            try {
                client.execute(DeleteWebhook.builder().build());
            } catch (TelegramApiException e) {
                log.warn("could not remove a webhook before polling: {}", e.getMessage());
            }
            poller = new TelegramPoller(
                    client,
                    ingress,
                    config.pollTimeoutSeconds(),
                    duration -> Thread.sleep(duration.toMillis()),
                    handoff == null ? () -> true : handoff.pollerLeader());
            pollThread = DaemonThreads.named("telegram-poller").newThread(poller);
            pollThread.start();
            log.info("Telegram: receiving updates by long polling");
        }
    }

    /**
     * What the officers' group needs from the handoff, whether this instance is the one that polls, and its name in
     * the claims it holds on officers' actions (one per process: see {@link OfficerInbox.Claim}).
     */
    public record Officers(
            OfficerDesk desk,
            OfficerOutbox outbox,
            OfficerDirectory directory,
            BooleanSupplier pollerLeader,
            OfficerInbox inbox,
            String instance) {}

    /**
     * Runs the officers' actions stored and not yet run (a crash, the database refusing), then posts what waits for
     * officers in their group; returns how many messages went out (0 without a group). One instance calls it.
     */
    public int drainOfficerMessages() {
        if (ingress != null) {
            ingress.resumeOfficerActions();
        }
        return officerGroup.map(OfficerGroup::drain).orElse(0);
    }

    /**
     * Renews this instance's claims on the officers' actions it received and has not carried out yet, so that no other
     * instance takes them over while it lives; returns how many. Every instance calls it, every few seconds.
     */
    public int renewOfficerClaims() {
        return ingress == null ? 0 : ingress.renewOfficerClaims();
    }

    /** The webhook receiver, in webhook mode once started. */
    public Optional<TelegramWebhook> webhook() {
        return Optional.ofNullable(webhook);
    }

    private User checkToken() {
        try {
            return client.execute(new GetMe());
        } catch (TelegramApiRequestException e) {
            if (e.getErrorCode() != null && (e.getErrorCode() == 401 || e.getErrorCode() == 404)) {
                throw new InvalidSettingException(
                        TelegramConfig.TELEGRAM_BOT_TOKEN,
                        "was refused by Telegram (" + e.getErrorCode()
                                + " Unauthorized): check the token BotFather gave");
            }
            throw new InvalidSettingException(
                    TelegramConfig.TELEGRAM_API_URL, "answered getMe with an error: " + e.getMessage());
        } catch (TelegramApiException e) {
            throw new InvalidSettingException(
                    TelegramConfig.TELEGRAM_API_URL, "cannot be reached (" + config.apiUrl() + "): " + rootMessage(e));
        }
    }

    private void setCommands() {
        for (String language : List.of("", "vi", "en")) {
            boolean english = language.equals("en");
            List<BotCommand> commands = List.of(
                    new BotCommand("start", english ? "What this bot can do" : "Bot này làm được gì"),
                    new BotCommand("help", english ? "How to ask" : "Hướng dẫn"),
                    new BotCommand("human", english ? "Talk to a consular officer" : "Gặp cán bộ lãnh sự"),
                    new BotCommand("lang", english ? "Language: /lang vi, /lang en" : "Ngôn ngữ: /lang vi, /lang en"),
                    new BotCommand("cancel", english ? "Cancel and start over" : "Huỷ, bắt đầu lại"),
                    new BotCommand("subscribe", english ? "Get consular advisories" : "Nhận thông báo lãnh sự"),
                    new BotCommand(
                            "unsubscribe", english ? "Stop consular advisories" : "Dừng nhận thông báo lãnh sự"));
            SetMyCommands.SetMyCommandsBuilder<?, ?> menu =
                    SetMyCommands.builder().commands(commands);
            if (!language.isEmpty()) {
                menu.languageCode(language);
            }
            try {
                client.execute(menu.build());
            } catch (TelegramApiException e) {
                log.warn("command menu ({}) not set: {}", language.isEmpty() ? "default" : language, e.getMessage());
            }
        }
    }

    /**
     * Tells Telegram where to post updates; call once the HTTP server listens. Sent as JSON: telegrambots sends
     * setWebhook as multipart (for certificate upload), which we do not need and local emulators cannot read.
     */
    public void registerWebhook() {
        ObjectMapper json = new ObjectMapper();
        var body = json.createObjectNode()
                .put("url", config.webhookUrl().orElseThrow().toString())
                .put("secret_token", config.webhookSecret().orElseThrow())
                .put("max_connections", 40);
        TelegramPoller.ALLOWED_UPDATES.forEach(body.putArray("allowed_updates")::add);
        Request request = new Request.Builder()
                .url(config.apiUrl()
                        .resolve("/bot" + config.token() + "/setWebhook")
                        .toString())
                .post(RequestBody.create(body.toString(), MediaType.get("application/json")))
                .build();
        try (Response response = http.newCall(request).execute()) {
            JsonNode answer = json.readTree(
                    response.body() == null ? "{}" : response.body().string());
            if (!answer.path("ok").asBoolean(false)) {
                throw new InvalidSettingException(
                        TelegramConfig.TELEGRAM_WEBHOOK_URL,
                        "was refused by Telegram: " + answer.path("description").asText("HTTP " + response.code()));
            }
        } catch (IOException e) {
            throw new InvalidSettingException(
                    TelegramConfig.TELEGRAM_API_URL, "cannot be reached to set the webhook: " + e.getMessage());
        }
        log.info(
                "Telegram: receiving updates by webhook at {}",
                config.webhookUrl().get());
    }

    /** Stops receiving, lets running answers finish briefly, and releases every thread so the process can exit. */
    @Override
    public void close() {
        if (poller != null) {
            poller.stop();
            pollThread.interrupt();
        }
        if (ingress != null) {
            ingress.close();
        }
        http.dispatcher().executorService().shutdownNow();
        http.connectionPool().evictAll();
    }

    private static OkHttpClient httpClient(int pollTimeoutSeconds) {
        // Daemon threads: OkHttp's default dispatcher threads would keep the JVM alive after close().
        ExecutorService threads = new ThreadPoolExecutor(
                0,
                Integer.MAX_VALUE,
                30,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                DaemonThreads.named("telegram-http"));
        Dispatcher dispatcher = new Dispatcher(threads);
        dispatcher.setMaxRequests(128);
        dispatcher.setMaxRequestsPerHost(64);
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(pollTimeoutSeconds + 15L))
                .writeTimeout(Duration.ofSeconds(20))
                .build();
    }

    private static int port(TelegramConfig config) {
        int port = config.apiUrl().getPort();
        return port > 0 ? port : "https".equals(config.apiUrl().getScheme()) ? 443 : 80;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
