package org.consularbot.config;

import java.util.Arrays;
import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * Credentials masked in text that may reach a terminal or a log: a refused setting echoed in its error, a settings
 * record's {@code toString}, a database URL in a start-up failure. One function for every such place, so that a form
 * of credential taught to one is not missed by another (the database's messages once masked {@code password=} and
 * nothing else).
 */
public final class Credentials {

    /** {@code scheme://user:password@}: the user stays, to tell accounts apart; the password may hold an {@code @}. */
    private static final Pattern USER_AND_PASSWORD = Pattern.compile("(?<=://)([^/?#@\\s:'\"]*):[^/?#\\s'\"]*@");
    /** {@code scheme://TOKEN@host}: a user-info with no password is how a token is usually put in a URL. */
    private static final Pattern USER_ONLY = Pattern.compile("(?<=://)[^/?#@\\s:'\"]+@");
    /**
     * A parameter whose name ends in one of these ({@code api_key}, {@code access_token}, {@code client_secret},
     * {@code sslpassword}…), in a query ({@code &}) or an H2 URL ({@code ;}).
     */
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)((?:password|passwd|passphrase|pwd|pass|token|secret|key|signature|sig|auth|credentials?)=)"
                    + "[^&;#\\s'\"]*");

    private static final String MASK = "***";

    private Credentials() {}

    /**
     * The text with every credential masked: a URL's user-info ({@code user:***@}, {@code ***@}), secret parameters
     * ({@code key=***}), and every occurrence of the given secrets' values (a token put in a URL's path, say); null or
     * empty secrets are skipped.
     */
    public static String masked(String text, String... secrets) {
        String out = text;
        // Longest first: a secret that contains another is masked whole.
        for (String secret : Arrays.stream(secrets)
                .filter(s -> s != null && !s.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList()) {
            out = out.replace(secret, MASK);
        }
        out = USER_AND_PASSWORD.matcher(out).replaceAll("$1:" + MASK + "@");
        out = USER_ONLY.matcher(out).replaceAll(MASK + "@");
        return SECRET_PARAMETER.matcher(out).replaceAll("$1" + MASK);
    }
}
