package org.consularbot.channel.telegram;

import java.util.ArrayList;
import java.util.List;
import org.consularbot.conversation.Button;
import org.consularbot.conversation.Reply;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * How a reply looks on Telegram: HTML parse mode with every {@code <}, {@code >} and {@code &} escaped (FAQ text
 * is plain; a stray "<" must not make Telegram refuse the message), split into messages of at most 4,096
 * characters at paragraph boundaries, "did you mean" choices one per row and 👍/👎 side by side under the last part.
 */
final class TelegramFormat {

    /** Telegram's limit for one message's text, after entity parsing. */
    static final int MAX_MESSAGE = 4096;

    private TelegramFormat() {}

    static String html(String plain) {
        StringBuilder out = new StringBuilder(plain.length() + 16);
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Splits plain text into parts of at most {@code limit} characters: at the last blank line of each window if
     * there is one in its second half, else at the last line break, else at the last space, else anywhere that
     * does not cut a character in two. Escaping afterwards does not change what Telegram counts.
     */
    static List<String> split(String text, int limit) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > limit) {
            int cut = lastBreak(rest, limit);
            parts.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    private static int lastBreak(String text, int limit) {
        String window = text.substring(0, limit);
        for (String separator : new String[] {"\n\n", "\n", " "}) {
            int at = window.lastIndexOf(separator);
            if (at >= limit / 2) {
                return at + separator.length();
            }
        }
        return Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
    }

    /** The inline keyboard for a reply's buttons, or null when it has none. */
    static InlineKeyboardMarkup keyboard(Reply reply) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (Button choice : reply.choices()) {
            rows.add(new InlineKeyboardRow(button(choice)));
        }
        if (!reply.feedback().isEmpty()) {
            InlineKeyboardRow row = new InlineKeyboardRow();
            reply.feedback().forEach(button -> row.add(button(button)));
            rows.add(row);
        }
        return rows.isEmpty()
                ? null
                : InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    private static InlineKeyboardButton button(Button button) {
        return InlineKeyboardButton.builder()
                .text(button.label())
                .callbackData(button.payload())
                .build();
    }
}
