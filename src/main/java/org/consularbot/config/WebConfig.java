package org.consularbot.config;

/**
 * The bot's own HTTP servers. The site takes the channels' webhooks and answers {@code /health}; a reverse proxy
 * with TLS is expected in front of it. The admin listener answers {@code /health}, {@code /ready} and
 * {@code /metrics} for the operator's probes and Prometheus: apart from the site, so that what is behind the proxy
 * never shows the bot's figures, and with threads of its own. Both listen on the loopback interface unless told
 * otherwise.
 *
 * @param host      {@code HTTP_HOST}, default 127.0.0.1
 * @param port      {@code HTTP_PORT}, default 8080 (0 = any free port)
 * @param adminHost {@code ADMIN_HOST}, default 127.0.0.1
 * @param adminPort {@code ADMIN_PORT}, default 8081 (0 = any free port)
 * @param console   the officers' web console on the site ({@code CONSOLE_*})
 */
public record WebConfig(String host, int port, String adminHost, int adminPort, ConsoleConfig console) {

    public static final String HTTP_HOST = "HTTP_HOST";
    public static final String HTTP_PORT = "HTTP_PORT";
    public static final String ADMIN_HOST = "ADMIN_HOST";
    public static final String ADMIN_PORT = "ADMIN_PORT";

    /** The site on {@code host:port}, the admin listener on any free loopback port. */
    public WebConfig(String host, int port) {
        this(host, port, "127.0.0.1", 0);
    }

    /** With the console's default settings. */
    public WebConfig(String host, int port, String adminHost, int adminPort) {
        this(host, port, adminHost, adminPort, ConsoleConfig.DEFAULT);
    }

    public static WebConfig from(Settings settings) {
        String host = host(settings, HTTP_HOST);
        String adminHost = host(settings, ADMIN_HOST);
        int port = BotConfig.integer(settings, HTTP_PORT, 8080, 0, 65_535);
        int adminPort = BotConfig.integer(settings, ADMIN_PORT, 8081, 0, 65_535);
        if (port != 0 && port == adminPort) {
            throw new InvalidSettingException(ADMIN_PORT, "must differ from HTTP_PORT (" + port + ")");
        }
        return new WebConfig(host, port, adminHost, adminPort, ConsoleConfig.from(settings));
    }

    private static String host(Settings settings, String key) {
        String host = settings.get(key).orElse("127.0.0.1").strip();
        if (!host.matches("[A-Za-z0-9.:\\-\\[\\]]{1,253}")) {
            throw new InvalidSettingException(key, "must be a host name or IP address, not '" + host + "'");
        }
        return host;
    }
}
