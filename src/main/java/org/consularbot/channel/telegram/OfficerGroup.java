package org.consularbot.channel.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consularbot.channel.OfficerCommandLine;
import org.consularbot.handoff.DeskCommand;
import org.consularbot.handoff.OfficerDesk;
import org.consularbot.handoff.OfficerDirectory;
import org.consularbot.handoff.OfficerMessage;
import org.consularbot.handoff.OfficerOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The officers' Telegram group: ticket cards with Take / Close buttons, citizens' messages relayed, alarms that
 * mention who must look; officers act with the buttons, with {@code /queue}, {@code /take N}, {@code /close [N]},
 * {@code /release [N]}, {@code /note N text}, and by replying to a card or a relayed message (the reply goes to
 * that citizen). Who may act is the officer desk's decision.
 */
final class OfficerGroup {

    private static final Logger log = LoggerFactory.getLogger(OfficerGroup.class);
    private static final Pattern BUTTON = Pattern.compile("tk:(take|close):(\\d{1,18})");
    /** Room for the mentions and HTML escapes within Telegram's 4,096 characters. */
    private static final int MAX_TEXT = 3500;

    private final TelegramClient client;
    private final long chatId;
    private final OfficerDesk desk;
    private final OfficerOutbox outbox;
    private final OfficerDirectory officers;
    private final Clock clock;
    private final GroupPacing pacing;
    private Instant nextTry = Instant.MIN;
    private int failures;

    OfficerGroup(
            TelegramClient client,
            long chatId,
            OfficerDesk desk,
            OfficerOutbox outbox,
            OfficerDirectory officers,
            GroupPacing pacing,
            Clock clock) {
        this.pacing = pacing;
        this.client = client;
        this.chatId = chatId;
        this.desk = desk;
        this.outbox = outbox;
        this.officers = officers;
        this.clock = clock;
    }

    void handle(Incoming.OfficerAction action) {
        if (action.callbackQueryId().isPresent()) {
            Matcher button = BUTTON.matcher(action.text());
            String answer = "?";
            if (button.matches()) {
                long ticket = Long.parseLong(button.group(2));
                answer = (button.group(1).equals("take")
                                ? desk.take(action.userId(), ticket)
                                : desk.close(action.userId(), ticket))
                        .message();
            }
            try {
                client.execute(AnswerCallbackQuery.builder()
                        .callbackQueryId(action.callbackQueryId().get())
                        .text(answer.length() > 190 ? answer.substring(0, 190) : answer)
                        .build());
            } catch (TelegramApiException e) {
                log.debug("officer button not answered: {}", e.getMessage());
            }
            return;
        }
        Optional<OfficerDesk.Result> command = OfficerCommandLine.run(desk, action.userId(), action.text());
        String result;
        if (command.isPresent()) {
            result = command.get().message();
        } else if (action.repliedTo().isPresent()) {
            Optional<Long> ticket =
                    outbox.ticketOfChannelMessage(action.repliedTo().get());
            if (ticket.isEmpty()) {
                return; // a reply to something else: colleagues talking
            }
            result = desk.reply(action.userId(), ticket.get(), action.text()).message();
        } else {
            return; // colleagues talking among themselves
        }
        post(result, action.messageId());
    }

    /**
     * The ticket an action is about: the one its button or command names, the one the officer holds for a command
     * without a number, the one whose card or relayed message it replies to; empty for colleagues talking. Stored with
     * the action, so that a citizen who withdraws consent takes pending actions about them along.
     */
    Optional<Long> ticketOf(Incoming.OfficerAction action) {
        if (action.callbackQueryId().isPresent()) {
            Matcher button = BUTTON.matcher(action.text());
            return button.matches() ? Optional.of(Long.parseLong(button.group(2))) : Optional.empty();
        }
        Optional<DeskCommand> command = OfficerCommandLine.parse(action.text());
        if (command.isPresent()) {
            return command.get().action() == DeskCommand.Action.QUEUE
                    ? Optional.empty()
                    : command.get().ticket().or(() -> desk.current(action.userId()));
        }
        return action.repliedTo().flatMap(outbox::ticketOfChannelMessage);
    }

    /**
     * Sends what waits in the officers' outbox, urgent cards and alarms first, within the group's pace
     * ({@link GroupPacing}): ordinary messages within their share of the minute, a ticket's relays gathered into one
     * message. After a failure the next try waits (Telegram's {@code retry_after}, else 2 s doubling to a minute), and
     * the message is kept until it goes: nothing for officers is ever given up.
     */
    int drain() {
        if (clock.instant().isBefore(nextTry)) {
            return 0;
        }
        List<OfficerMessage> waiting = outbox.unsent(100);
        Set<Long> gathered = new HashSet<>();
        int sent = 0;
        for (OfficerMessage message : waiting) {
            if (!pacing.mayPost(message.urgent())) {
                if (message.urgent()) {
                    break; // nothing else may go either
                }
                continue; // an urgent message further down may
            }
            List<OfficerMessage> batch = List.of(message);
            if (message.kind() == OfficerMessage.Kind.RELAY
                    && message.ticketId().isPresent()) {
                long ticket = message.ticketId().get();
                if (!gathered.add(ticket) || !pacing.relayDue(ticket)) {
                    continue;
                }
                batch = relays(waiting, ticket);
            }
            if (!send(batch)) {
                return sent;
            }
            sent += batch.size();
        }
        failures = 0;
        return sent;
    }

    /** The ticket's waiting relays, oldest first, as many as fit in one message. */
    private static List<OfficerMessage> relays(List<OfficerMessage> waiting, long ticket) {
        List<OfficerMessage> batch = new ArrayList<>();
        int length = 0;
        for (OfficerMessage message : waiting) {
            if (message.kind() == OfficerMessage.Kind.RELAY
                    && message.ticketId().filter(id -> id == ticket).isPresent()) {
                length += message.text().length() + 1;
                if (!batch.isEmpty() && length > MAX_TEXT) {
                    break;
                }
                batch.add(message);
            }
        }
        return batch;
    }

    /** Posts one message (a batch of relays as one); false when it failed and the drain must stop. */
    private boolean send(List<OfficerMessage> batch) {
        OfficerMessage first = batch.get(0);
        StringBuilder text = new StringBuilder();
        Set<String> mention = new LinkedHashSet<>();
        for (OfficerMessage message : batch) {
            text.append(text.length() == 0 ? "" : "\n").append(message.text());
            mention.addAll(message.mention());
        }
        SendMessage.SendMessageBuilder<?, ?> send = SendMessage.builder()
                .chatId(chatId)
                .parseMode(ParseMode.HTML)
                .disableWebPagePreview(true)
                .text(TelegramFormat.html(cut(text.toString())) + mentions(List.copyOf(mention)));
        if (first.kind() == OfficerMessage.Kind.CARD && first.ticketId().isPresent()) {
            long ticket = first.ticketId().get();
            send.replyMarkup(InlineKeyboardMarkup.builder()
                    .keyboardRow(new InlineKeyboardRow(
                            InlineKeyboardButton.builder()
                                    .text("✋ Take #" + ticket)
                                    .callbackData("tk:take:" + ticket)
                                    .build(),
                            InlineKeyboardButton.builder()
                                    .text("✅ Close #" + ticket)
                                    .callbackData("tk:close:" + ticket)
                                    .build()))
                    .build());
        }
        try {
            Message posted = client.execute(send.build());
            if (first.kind() == OfficerMessage.Kind.RELAY && first.ticketId().isPresent()) {
                pacing.relayed(first.ticketId().get());
            } else {
                pacing.posted();
            }
            // Every relay of a batch points to the one message: a reply to it reaches the ticket.
            for (OfficerMessage message : batch) {
                outbox.markSent(message.id(), String.valueOf(posted.getMessageId()), clock.instant());
            }
            return true;
        } catch (TelegramApiException | RuntimeException e) {
            failures++;
            Optional<Duration> retryAfter = retryAfter(e);
            Duration wait = retryAfter.orElseGet(() -> Duration.ofSeconds(Math.min(60, 1L << Math.min(failures, 6))));
            retryAfter.ifPresent(pacing::refused);
            nextTry = clock.instant().plus(wait);
            (failures >= 5 ? log.atError() : log.atWarn())
                    .log(
                            "message for the officers' group not delivered ({} failures in a row), "
                                    + "next try in {} s: {}",
                            failures,
                            wait.toSeconds(),
                            e.getMessage());
            outbox.markFailed(first.id());
            return false;
        }
    }

    /** Telegram's "retry after N s" (HTTP 429), when it said so. */
    private static Optional<Duration> retryAfter(Exception e) {
        if (e instanceof TelegramApiRequestException refused
                && refused.getParameters() != null
                && refused.getParameters().getRetryAfter() != null) {
            return Optional.of(
                    Duration.ofSeconds(Math.max(1, refused.getParameters().getRetryAfter())));
        }
        return Optional.empty();
    }

    private void post(String text, Optional<String> replyTo) {
        try {
            SendMessage.SendMessageBuilder<?, ?> send =
                    SendMessage.builder().chatId(chatId).text(cut(text));
            replyTo.ifPresent(id -> send.replyToMessageId(Integer.valueOf(id)));
            client.execute(send.build());
            pacing.posted(); // Telegram counts answers to officers in the group's minute too
        } catch (TelegramApiException | RuntimeException e) {
            log.warn("answer to an officer not delivered: {}", e.getMessage());
        }
    }

    private String mentions(List<String> userIds) {
        if (userIds.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\n");
        for (String id : userIds) {
            String name = officers.find(id).map(o -> o.name()).orElse(id);
            out.append(
                    id.matches("\\d+")
                            ? "<a href=\"tg://user?id=" + id + "\">" + TelegramFormat.html(name) + "</a> "
                            : TelegramFormat.html(name) + " ");
        }
        return out.toString().stripTrailing();
    }

    private static String cut(String text) {
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
    }
}
