package org.consularbot.channel.telegram;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.consularbot.conversation.ChatLanes;
import org.consularbot.conversation.DaemonThreads;
import org.consularbot.conversation.StoreException;
import org.consularbot.conversation.StoredInbound;
import org.consularbot.conversation.TurnProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Where every update comes in, from the poller or the webhook alike. {@link #receive} returns once the update is
 * stored: only then may Telegram be told it arrived (the offset advanced, or HTTP 200). The answer follows on the
 * chat's lane, with "typing…" shown if it takes a while.
 */
final class TelegramIngress implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TelegramIngress.class);
    /** Telegram shows a chat action for about 5 seconds. */
    private static final Duration TYPING_REPEAT = Duration.ofSeconds(4);

    private final TelegramUpdates updates;
    private final TurnProcessor processor;
    private final TelegramClient client;
    private final ChatLanes lanes;
    private final ScheduledExecutorService typing;
    private final Duration typingAfter;
    private final Supplier<String> groupNotice;
    private final Optional<OfficerActions> officers;

    /**
     * @param typingAfter how long a turn may take before "typing…" is shown
     * @param groupNotice what a command in a group gets: the bot answers citizens only in private chats
     */
    TelegramIngress(
            TelegramUpdates updates,
            TurnProcessor processor,
            TelegramClient client,
            ChatLanes lanes,
            Duration typingAfter,
            String groupNotice) {
        this(updates, processor, client, lanes, typingAfter, () -> groupNotice, Optional.empty());
    }

    /** @param officers the officers' group with its inbox, when one is configured */
    TelegramIngress(
            TelegramUpdates updates,
            TurnProcessor processor,
            TelegramClient client,
            ChatLanes lanes,
            Duration typingAfter,
            Supplier<String> groupNotice,
            Optional<OfficerActions.Setup> officers) {
        this.officers = officers.map(o ->
                new OfficerActions(o.group()::handle, o.group()::ticketOf, o.inbox(), lanes, o.clock(), o.instance()));
        this.updates = updates;
        this.processor = processor;
        this.client = client;
        this.lanes = lanes;
        this.typingAfter = typingAfter;
        this.groupNotice = groupNotice;
        this.typing = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("telegram-typing"));
    }

    /**
     * Takes one update.
     *
     * @throws StoreException when it could not be stored: do not acknowledge it, Telegram will send it again
     */
    void receive(Update update) {
        Incoming incoming = updates.read(update);
        if (incoming instanceof Incoming.Turn turn) {
            StoredInbound stored = processor.accept(turn.message());
            turn.callbackQueryId().ifPresent(this::stopSpinner);
            if (!stored.handled()) {
                lanes.submit(turn.message().conversation(), () -> answer(stored, turn.chatId()));
            }
        } else if (incoming instanceof Incoming.OfficerAction action) {
            // Stored before the update is acknowledged; run on a lane of its own (a take may wait for a citizen's
            // turn).
            officers.ifPresent(actions -> actions.receive(update.getUpdateId(), action));
        } else if (incoming instanceof Incoming.GroupCommand group) {
            tell(group.chatId(), groupNotice.get());
        } else if (incoming instanceof Incoming.Ignored ignored) {
            log.debug("update ignored: {}", ignored.why());
        }
    }

    /** Queues the officers' actions stored and not yet run; returns how many (0 without an officers' group). */
    int resumeOfficerActions() {
        return officers.map(OfficerActions::resumePending).orElse(0);
    }

    /** Renews this instance's claims on the officers' actions it holds; returns how many (0 without a group). */
    int renewOfficerClaims() {
        return officers.map(OfficerActions::renewClaims).orElse(0);
    }

    private void answer(StoredInbound stored, long chatId) {
        ScheduledFuture<?> indicator = typing.scheduleAtFixedRate(
                () -> showTyping(chatId), typingAfter.toMillis(), TYPING_REPEAT.toMillis(), TimeUnit.MILLISECONDS);
        try {
            processor.answerStored(stored);
        } catch (RuntimeException e) {
            // Stored and not answered: start-up recovery answers it; meanwhile the next message may succeed.
            log.error("could not answer message {} now; it stays stored for recovery", stored.id(), e);
        } finally {
            indicator.cancel(false);
        }
    }

    private void showTyping(long chatId) {
        try {
            client.execute(SendChatAction.builder()
                    .chatId(chatId)
                    .action(ActionType.TYPING.toString())
                    .build());
        } catch (TelegramApiException | RuntimeException e) {
            log.debug("typing indicator not shown: {}", e.getMessage());
        }
    }

    private void stopSpinner(String callbackQueryId) {
        try {
            client.execute(AnswerCallbackQuery.builder()
                    .callbackQueryId(callbackQueryId)
                    .build());
        } catch (TelegramApiException | RuntimeException e) {
            log.debug("callback query not answered: {}", e.getMessage());
        }
    }

    private void tell(long chatId, String text) {
        try {
            client.execute(SendMessage.builder().chatId(chatId).text(text).build());
        } catch (TelegramApiException | RuntimeException e) {
            log.debug("group notice not sent: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        lanes.close();
        typing.shutdownNow();
    }
}
