package org.consularbot.config;

import java.time.Duration;
import java.util.Locale;

/**
 * The officers' web console ({@code /console} on the site). A signed-in browser that makes no request for
 * {@code idleTimeout} must sign in again (an unattended desk in a consulate); the session cookie is marked Secure
 * when the request came over HTTPS (or a proxy says so with {@code X-Forwarded-Proto}), or always when
 * {@code secureCookie} says so.
 *
 * @param idleTimeout  {@code CONSOLE_IDLE_MINUTES}, default 30 (1–1440)
 * @param secureCookie {@code CONSOLE_SECURE_COOKIE}, default false (then: Secure when the request was HTTPS)
 */
public record ConsoleConfig(Duration idleTimeout, boolean secureCookie) {

    public static final String CONSOLE_IDLE_MINUTES = "CONSOLE_IDLE_MINUTES";
    public static final String CONSOLE_SECURE_COOKIE = "CONSOLE_SECURE_COOKIE";

    public static final ConsoleConfig DEFAULT = new ConsoleConfig(Duration.ofMinutes(30), false);

    public static ConsoleConfig from(Settings settings) {
        int minutes = BotConfig.integer(settings, CONSOLE_IDLE_MINUTES, 30, 1, 1440);
        String secure =
                settings.get(CONSOLE_SECURE_COOKIE).orElse("false").strip().toLowerCase(Locale.ROOT);
        if (!secure.equals("true") && !secure.equals("false")) {
            throw new InvalidSettingException(CONSOLE_SECURE_COOKIE, "must be true or false, not '" + secure + "'");
        }
        return new ConsoleConfig(Duration.ofMinutes(minutes), secure.equals("true"));
    }
}
