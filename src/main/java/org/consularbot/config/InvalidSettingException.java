package org.consularbot.config;

/**
 * A setting has a value the bot cannot use; start-up stops with a message naming the key. The message echoes the value
 * to help the operator, with any credentials in it masked ({@link Credentials}): they never reach a terminal or a log.
 */
public final class InvalidSettingException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String key;

    public InvalidSettingException(String key, String problem) {
        super("setting " + key + " " + Credentials.masked(problem));
        this.key = key;
    }

    public String key() {
        return key;
    }
}
