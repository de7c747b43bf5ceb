package org.consularbot.channel.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consularbot.conversation.Button;
import org.consularbot.conversation.ContentKind;
import org.consularbot.conversation.ConversationKey;
import org.consularbot.conversation.DeliveryException;
import org.consularbot.conversation.InboundMessage;
import org.consularbot.conversation.OutboxEntry;
import org.consularbot.conversation.Reply;
import org.consularbot.conversation.ReplySender;
import org.consularbot.conversation.StoreException;
import org.consularbot.conversation.TurnProcessor;

/**
 * The terminal as a channel: each line is a citizen's message, each reply is printed. Buttons become numbered
 * options ({@code [1] 👍 Helpful}); typing the number presses the button. Reads until end of input, so a
 * conversation can be piped in.
 */
public final class ConsoleChannel implements ReplySender {

    /** The channel name in the store. */
    public static final String NAME = "console";

    private static final Pattern NUMBER = Pattern.compile("\\s*(\\d{1,2})\\s*");

    private final PrintWriter out;
    private final Clock clock;
    private final ConversationKey conversation;
    private final String hotline;
    private volatile List<Button> lastButtons = List.of();

    public ConsoleChannel(PrintWriter out, Clock clock, String citizen) {
        this(out, clock, citizen, null);
    }

    /** @param hotline given with a message that could not be stored: an emergency must not wait for the database */
    public ConsoleChannel(PrintWriter out, Clock clock, String citizen, String hotline) {
        this.out = out;
        this.clock = clock;
        this.conversation = new ConversationKey(NAME, citizen);
        this.hotline = hotline;
    }

    public ConversationKey conversation() {
        return conversation;
    }

    /** Talks until end of input. A message that cannot be stored is reported and not lost from the terminal's view. */
    public void talk(BufferedReader in, TurnProcessor processor, PrintWriter err) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            InboundMessage message = toMessage(line);
            try {
                processor.handle(message);
            } catch (StoreException e) {
                err.println("error: the message was not stored (" + e.getMessage() + "); please send it again"
                        + (hotline == null ? "" : ". Khẩn cấp / emergency: " + hotline + " (24/7)"));
                err.flush();
            }
        }
    }

    /** A line as the citizen's message: a number naming one of the last buttons presses it. */
    public InboundMessage toMessage(String line) {
        List<Button> buttons = lastButtons;
        Matcher number = NUMBER.matcher(line);
        String id = UUID.randomUUID().toString();
        if (number.matches()) {
            int chosen = Integer.parseInt(number.group(1));
            if (chosen >= 1 && chosen <= buttons.size()) {
                return new InboundMessage(
                        conversation,
                        conversation.chatId(),
                        id,
                        ContentKind.BUTTON,
                        buttons.get(chosen - 1).payload(),
                        clock.instant());
            }
        }
        return InboundMessage.text(conversation, conversation.chatId(), id, line, clock.instant());
    }

    /**
     * Prints a reply to this terminal's citizen. A reply for another console conversation (start-up recovery
     * answers every conversation's left-over messages) is refused, not printed: it stays in the outbox for when
     * that citizen chats again.
     */
    @Override
    public void send(OutboxEntry entry) throws DeliveryException {
        if (!entry.conversation().equals(conversation)) {
            throw new DeliveryException(
                    "the reply is for " + entry.conversation() + ", not " + conversation
                            + "; it is shown when that citizen chats again",
                    false,
                    null);
        }
        Reply reply = entry.reply();
        out.println(reply.text());
        List<Button> buttons = reply.buttons();
        StringBuilder options = new StringBuilder();
        for (int i = 0; i < buttons.size(); i++) {
            String label = buttons.get(i).label();
            // "Did you mean" lists its choices with the same numbers in the text already.
            if (!reply.text().contains(label)) {
                options.append(options.length() == 0 ? "" : "   ")
                        .append('[')
                        .append(i + 1)
                        .append("] ")
                        .append(label);
            }
        }
        if (options.length() > 0) {
            out.println(options);
        }
        out.println();
        out.flush();
        lastButtons = buttons;
    }
}
