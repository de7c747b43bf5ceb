package org.consularbot.channel.telegram;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.consularbot.conversation.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Long polling, our own loop over {@code getUpdates}. telegrambots' poller advances the offset before its consumer
 * runs and stops for good when the consumer throws; here the offset (which tells Telegram what arrived) moves past
 * an update only once it is stored, a database outage makes the loop wait and ask again, and no error ends it.
 */
final class TelegramPoller implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(TelegramPoller.class);
    static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "callback_query");
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(30);

    private final TelegramClient client;
    private final TelegramIngress ingress;
    private final int timeoutSeconds;
    private final SendPacer.Sleeper sleeper;
    private final BooleanSupplier leader;
    private volatile boolean running = true;
    private int offset;
    private Duration backoff = FIRST_BACKOFF;

    TelegramPoller(TelegramClient client, TelegramIngress ingress, int timeoutSeconds, SendPacer.Sleeper sleeper) {
        this(client, ingress, timeoutSeconds, sleeper, () -> true);
    }

    /** @param leader whether this instance is the one that polls (several instances: only one may) */
    TelegramPoller(
            TelegramClient client,
            TelegramIngress ingress,
            int timeoutSeconds,
            SendPacer.Sleeper sleeper,
            BooleanSupplier leader) {
        this.leader = leader;
        this.client = client;
        this.ingress = ingress;
        this.timeoutSeconds = timeoutSeconds;
        this.sleeper = sleeper;
    }

    @Override
    public void run() {
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                pollOnce();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One round: ask for updates, store them in order, move the offset past those stored. */
    void pollOnce() throws InterruptedException {
        if (!leader.getAsBoolean()) {
            // Another instance polls; ask again in a while, in case it died.
            sleeper.sleep(Duration.ofSeconds(5));
            return;
        }
        List<Update> batch;
        try {
            batch = client.execute(GetUpdates.builder()
                    .offset(offset)
                    .timeout(timeoutSeconds)
                    .limit(100)
                    .allowedUpdates(ALLOWED_UPDATES)
                    .build());
        } catch (TelegramApiRequestException e) {
            Integer code = e.getErrorCode();
            if (code != null
                    && code == 429
                    && e.getParameters() != null
                    && e.getParameters().getRetryAfter() != null) {
                sleeper.sleep(Duration.ofSeconds(e.getParameters().getRetryAfter()));
            } else {
                // 401: token revoked; 409: a webhook is set or another poller runs. Keep asking, loudly.
                log.error(
                        "Telegram refused getUpdates ({}); trying again in {} s", e.getMessage(), backoff.toSeconds());
                waitBackoff();
            }
            return;
        } catch (TelegramApiException | RuntimeException e) {
            if (running) {
                log.warn("cannot reach Telegram ({}); trying again in {} s", e.getMessage(), backoff.toSeconds());
                waitBackoff();
            }
            return;
        }
        backoff = FIRST_BACKOFF;
        for (Update update : batch == null ? List.<Update>of() : batch) {
            try {
                ingress.receive(update);
            } catch (StoreException e) {
                // Not stored, so not acknowledged: the next getUpdates from this offset brings it again.
                log.error(
                        "update {} not stored ({}); asking Telegram again in {} s",
                        update.getUpdateId(),
                        e.getMessage(),
                        backoff.toSeconds());
                waitBackoff();
                return;
            } catch (RuntimeException e) {
                // A bug on one update must not block every citizen behind it.
                log.error("update {} could not be handled; skipping it", update.getUpdateId(), e);
            }
            offset = update.getUpdateId() + 1;
        }
    }

    private void waitBackoff() throws InterruptedException {
        sleeper.sleep(backoff);
        backoff = backoff.multipliedBy(2).compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : backoff.multipliedBy(2);
    }

    int offset() {
        return offset;
    }

    void stop() {
        running = false;
    }
}
