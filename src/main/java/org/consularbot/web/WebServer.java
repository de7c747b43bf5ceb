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

    /**
     * Starts listening (port 0 takes any free port): the webhooks of the channels that are on, {@code /health},
     * {@code /metrics} (Prometheus text), and {@code /ready}, which answers 200 when every
     * check of {@code readiness} passes (name → problem, empty when fine) and 503 naming what is wrong.
     */
    public static WebServer start(WebConfig config, Optional<TelegramWebhook> telegram, Optional<ZaloWebhook> zalo,
            org.consularbot.metrics.BotMetrics metrics, java.util.function.Supplier<java.util.Map<String, String>> readiness) {
        Javalin app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            javalin.jetty.host = config.host();
            javalin.jetty.port = config.port();
            // A Telegram update is a few kilobytes; nothing legitimate comes near this.
            javalin.http.maxRequestSize = 1_000_000;
            javalin.routes.get("/health", ctx -> ctx.result("ok"));
            javalin.routes.get("/ready", ctx -> {
                java.util.Map<String, String> problems = readiness.get();
                ctx.status(problems.isEmpty() ? 200 : 503).result(problems.isEmpty() ? "ready" : problems.toString());
            });
            javalin.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()));
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
