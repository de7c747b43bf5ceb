package org.consularbot.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.consularbot.config.WebConfig;

/**
 * The bot's HTTP servers, kept thin. The site: each webhook route hands the request to its channel's own logic
 * (given by the composition root, so this package knows no channel) and writes back the status it returns, and
 * {@code /health} for a load balancer or systemd watchdog. The admin listener, apart from what a proxy exposes and on
 * threads of its own: readiness and metrics ({@link WebConfig}).
 */
public final class WebServer implements AutoCloseable {

    /**
     * A channel's webhook: the POST path, the header carrying its secret or signature, and the channel's handling of
     * (that header, the body read on demand) returning the HTTP status to answer.
     */
    public record Webhook(String path, String header, Handler handler) {}

    /** What {@code /health} or {@code /ready} answers: 200 when {@code up}, else 503; {@code text} says why. */
    public record Status(boolean up, String text) {}

    /** What a channel does with one webhook request. */
    @FunctionalInterface
    public interface Handler {
        int receive(String header, Supplier<byte[]> body);
    }

    /** Webhook bodies read at once: the server's other threads stay free for health checks and the other routes. */
    static final int BODY_READERS = 32;
    /** A webhook body must arrive within this (a channel's is a few kilobytes, sent at once). */
    static final Duration BODY_DEADLINE = Duration.ofSeconds(10);
    /** A read or write that makes no progress for this long ends the request (Jetty's default is 30 s). */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(5);

    private final Javalin site;
    private final Javalin admin;

    private final Optional<OfficerConsole> console;

    private WebServer(Javalin site, Javalin admin, Optional<OfficerConsole> console) {
        this.site = site;
        this.admin = admin;
        this.console = console;
    }

    /**
     * Starts listening (port 0 takes any free port). The site: the webhooks of the channels that are on and
     * {@code /health} ({@code liveness}: 503 when the process can no longer serve). The admin listener:
     * {@code /health}, {@code /metrics} ({@code metrics}: Prometheus text) and {@code /ready} ({@code readiness}).
     * Both statuses must answer at once (from a {@link HealthProbe}, not by asking the database): a supervisor's probe
     * that times out restarts the process.
     */
    public static WebServer start(
            WebConfig config,
            List<Webhook> webhooks,
            Supplier<String> metrics,
            Supplier<Status> readiness,
            Supplier<Status> liveness) {
        return start(config, webhooks, metrics, readiness, liveness, Optional.empty());
    }

    /** As above, with the officers' web console under {@code /console} on the site when one is given. */
    public static WebServer start(
            WebConfig config,
            List<Webhook> webhooks,
            Supplier<String> metrics,
            Supplier<Status> readiness,
            Supplier<Status> liveness,
            Optional<OfficerConsole> console) {
        WebhookBodies bodies = new WebhookBodies(BODY_READERS, BODY_DEADLINE, System::nanoTime);
        Javalin site = Javalin.create(javalin -> {
            listen(javalin, config.host(), config.port());
            javalin.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(IDLE_TIMEOUT.toMillis()));
            javalin.routes.get("/health", ctx -> answer(ctx, liveness.get()));
            console.ifPresent(c -> c.install(javalin));
            for (Webhook webhook : webhooks) {
                javalin.routes.post(webhook.path(), ctx -> {
                    try (WebhookBodies.Reading reading = bodies.open(ctx.req().getInputStream(), ctx.contentLength())) {
                        ctx.status(webhook.handler().receive(ctx.header(webhook.header()), reading::body));
                    } catch (WebhookBodies.Refused refused) {
                        ctx.status(refused.status());
                        if (refused.status() == 503) {
                            ctx.header("Retry-After", "5");
                        }
                    }
                });
            }
        });
        Javalin admin = Javalin.create(javalin -> {
            listen(javalin, config.adminHost(), config.adminPort());
            javalin.routes.get("/health", ctx -> answer(ctx, liveness.get()));
            javalin.routes.get("/ready", ctx -> answer(ctx, readiness.get()));
            javalin.routes.get(
                    "/metrics",
                    ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.get()));
        });
        admin.start();
        try {
            site.start();
        } catch (RuntimeException e) {
            admin.stop();
            throw e;
        }
        return new WebServer(site, admin, console);
    }

    private static void answer(Context ctx, Status status) {
        ctx.status(status.up() ? 200 : 503).result(status.text());
    }

    private static void listen(JavalinConfig javalin, String host, int port) {
        javalin.startup.showJavalinBanner = false;
        javalin.startup.showOldJavalinVersionWarning = false;
        javalin.jetty.host = host;
        javalin.jetty.port = port;
    }

    /** The site's port: webhooks and {@code /health}. */
    public int port() {
        return site.port();
    }

    /** The admin listener's port: {@code /health}, {@code /ready}, {@code /metrics}. */
    public int adminPort() {
        return admin.port();
    }

    @Override
    public void close() {
        console.ifPresent(OfficerConsole::close);
        site.stop();
        admin.stop();
    }
}
