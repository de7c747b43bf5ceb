package org.consularbot.conversation;

import java.util.Locale;
import java.util.Optional;

/**
 * The commands a citizen can type. Telegram appends the bot's name in groups ({@code /help@embassy_bot});
 * that suffix is ignored.
 *
 * @param name the command without slash, lower case ({@code start}, {@code help}, ...), or the unknown word
 * @param argument what follows the command, stripped
 */
public record CitizenCommand(Name name, String word, String argument) {

    /** The commands the bot knows; {@link #UNKNOWN} gets the help text. */
    public enum Name {
        START,
        HELP,
        LANG,
        HUMAN,
        CANCEL,
        SUBSCRIBE,
        UNSUBSCRIBE,
        UNKNOWN
    }

    /** Parses a message that starts with a slash; empty for anything else. */
    public static Optional<CitizenCommand> parse(String text) {
        String stripped = text.strip();
        if (!stripped.startsWith("/") || stripped.length() < 2 || !Character.isLetter(stripped.codePointAt(1))) {
            return Optional.empty();
        }
        int space = indexOfWhitespace(stripped);
        String word = (space < 0 ? stripped.substring(1) : stripped.substring(1, space)).toLowerCase(Locale.ROOT);
        int at = word.indexOf('@');
        if (at >= 0) {
            word = word.substring(0, at);
        }
        String argument = space < 0 ? "" : stripped.substring(space).strip();
        Name name = switch (word) {
            case "start" -> Name.START;
            case "help", "trogiup" -> Name.HELP;
            case "lang", "language", "ngonngu" -> Name.LANG;
            case "human", "officer", "canbo" -> Name.HUMAN;
            case "cancel", "huy" -> Name.CANCEL;
            case "subscribe", "dangky" -> Name.SUBSCRIBE;
            case "unsubscribe", "huydangky" -> Name.UNSUBSCRIBE;
            default -> Name.UNKNOWN;
        };
        return Optional.of(new CitizenCommand(name, word, argument));
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
