package org.consularbot.web;

import io.javalin.Javalin;
import java.util.Optional;
import org.consularbot.channel.telegram.TelegramWebhook;
import org.consularbot.channel.zalo.ZaloWebhook;
import org.consularbot.config.WebConfig;

/**
 * The bot's HTTP server, kept thin: each route hands the request to the channel's own logic and writes back the
 * status it returns: Telegram's and Zalo's webhooks; {@code /health} for a load balancer or systemd watchdog.
 */
public final class WebServer implements AutoCloseable {

    private final Javalin app;

    private WebServer(Javalin app) {
        this.app = app;
    }

    /** Starts listening; port 0 takes any free port (tests). */
    public static WebServer start(WebConfig config, Optional<TelegramWebhook> telegram) {
        return start(config, telegram, Optional.empty());
    }

    /** With Zalo's webhook too, when that channel is on. */
    public static WebServer start(WebConfig config, Optional<TelegramWebhook> telegram, Optional<ZaloWebhook> zalo) {
        Javalin app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            javalin.jetty.host = config.host();
            javalin.jetty.port = config.port();
            // A Telegram update is a few kilobytes; nothing legitimate comes near this.
            javalin.http.maxRequestSize = 1_000_000;
            javalin.routes.get("/health", ctx -> ctx.result("ok"));
            telegram.ifPresent(webhook -> javalin.routes.post(TelegramWebhook.PATH,
                    ctx -> ctx.status(webhook.receive(ctx.header(TelegramWebhook.SECRET_HEADER), ctx::bodyAsBytes))));
            zalo.ifPresent(webhook -> javalin.routes.post(ZaloWebhook.PATH,
                    ctx -> ctx.status(webhook.receive(ctx.header(ZaloWebhook.SIGNATURE_HEADER), ctx.bodyAsBytes()))));
        });
        app.start();
        return new WebServer(app);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
