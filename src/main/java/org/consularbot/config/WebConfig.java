package org.consularbot.config;

/**
 * The bot's own HTTP server (webhooks, health, readiness, metrics). It listens on the loopback interface unless
 * told otherwise: a reverse proxy with TLS is expected in front of it.
 *
 * @param host {@code HTTP_HOST}, default 127.0.0.1
 * @param port {@code HTTP_PORT}, default 8080 (0 = any free port)
 */
public record WebConfig(String host, int port) {

    public static final String HTTP_HOST = "HTTP_HOST";
    public static final String HTTP_PORT = "HTTP_PORT";

    public static WebConfig from(Settings settings) {
        String host = settings.get(HTTP_HOST).orElse("127.0.0.1").strip();
        if (!host.matches("[A-Za-z0-9.:\\-\\[\\]]{1,253}")) {
            throw new InvalidSettingException(HTTP_HOST, "must be a host name or IP address, not '" + host + "'");
        }
        return new WebConfig(host, BotConfig.integer(settings, HTTP_PORT, 8080, 0, 65_535));
    }
}
