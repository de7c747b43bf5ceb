package org.consularbot.config;

import java.util.regex.Pattern;

/**
 * A setting has a value the bot cannot use; start-up stops with a message naming the key. The message echoes the value
 * to help the operator, with any credentials in it masked: a URL's {@code user:password@} and {@code password=},
 * {@code token=}, {@code secret=} or {@code key=} parameters never reach a terminal or a log.
 */
public final class InvalidSettingException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final Pattern USER_INFO = Pattern.compile("(?<=://)([^/@\\s:']*):[^/@\\s']*@");
    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)((?:password|passwd|pwd|token|secret|api[_-]?key|key)=)[^&;\\s']*");
    private final String key;

    public InvalidSettingException(String key, String problem) {
        super("setting " + key + " " + masked(problem));
        this.key = key;
    }

    static String masked(String text) {
        String withoutUser = USER_INFO.matcher(text).replaceAll("$1:***@");
        return SECRET_PARAMETER.matcher(withoutUser).replaceAll("$1***");
    }

    public String key() {
        return key;
    }
}
