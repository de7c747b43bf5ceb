package org.consularbot.config;

/** A setting has a value the bot cannot use; start-up stops with a message naming the key. */
public final class InvalidSettingException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String key;

    public InvalidSettingException(String key, String problem) {
        super("setting " + key + " " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
