package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.consularbot.channel.telegram.TelegramEmulator;
import org.junit.jupiter.api.Test;

/**
 * After {@link RunningBot#close()} no thread the bot started may keep the JVM alive (telegrambots' own poller
 * leaves one behind; OkHttp's default dispatcher and Jetty would too): {@code serve} must exit on SIGTERM.
 */
class TelegramShutdownTest {

    @Test
    void closingTheBotLeavesNoThreadThatKeepsTheProcessAlive() throws Exception {
        try (TelegramEmulator telegram = TelegramEmulator.start()) {
            Set<Thread> before = liveNonDaemon();
            RunningBot polling = TelegramEndToEndTest.startBot(telegram, Map.of());
            telegram.userSays(TelegramEndToEndTest.TOKEN, 71_001, "/help");
            assertThat(telegram.botMessages(TelegramEndToEndTest.TOKEN, 71_001, 1))
                    .hasSize(1);
            RunningBot webhook = TelegramEndToEndTest.startBot(
                    telegram,
                    Map.of(
                            "TELEGRAM_WEBHOOK_URL",
                            "http://127.0.0.1/webhooks/telegram",
                            "TELEGRAM_WEBHOOK_SECRET",
                            "secret-secret-secret-1",
                            "HTTP_PORT",
                            "0",
                            "ADMIN_PORT",
                            "0"));

            polling.close();
            webhook.close();

            long deadline = System.nanoTime() + 5_000_000_000L;
            Set<Thread> left = liveNonDaemon();
            left.removeAll(before);
            while (!left.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
                left = liveNonDaemon();
                left.removeAll(before);
            }
            assertThat(left.stream().map(Thread::getName).collect(Collectors.toList()))
                    .isEmpty();
        }
    }

    private static Set<Thread> liveNonDaemon() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon())
                .collect(Collectors.toSet());
    }
}
