package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.consularbot.config.ConsoleConfig;
import org.consularbot.config.WebConfig;
import org.consularbot.store.JdbcOfficerLogins;
import org.consularbot.web.ConsolePasswords;
import org.consularbot.web.OfficerConsole;
import org.consularbot.web.WebServer;
import org.junit.jupiter.api.Test;

/**
 * A citizen's turn in this process tells the console's open pages at once, not at the next look: with the looks an
 * hour apart, a citizen's request still reaches an officer's live feed. What brings the benchmark's delay under the
 * looks' interval.
 */
class ConsoleNudgeTest extends AssembledHandoff {

    @Test
    void aCitizensRequestReachesAnOpenPageWithoutWaitingForTheNextLook() throws Exception {
        new JdbcOfficerLogins(bot.database.dataSource())
                .setPasswordHash("7", new ConsolePasswords().hash(ConsoleHttpTest.LAN_PASSWORD), clock.instant());
        OfficerConsole console = ConsoleAssembly.open(bot, ConsoleConfig.DEFAULT, Duration.ofHours(1), processor);
        WebServer.Status up = new WebServer.Status(true, "ok");
        try (WebServer web = WebServer.start(
                new WebConfig("127.0.0.1", 0), List.of(), () -> "", () -> up, () -> up, Optional.of(console))) {
            ConsoleClient lan = new ConsoleClient(ConsoleClient.http(), "http://127.0.0.1:" + web.port());
            assertThat(lan.signIn("7", ConsoleHttpTest.LAN_PASSWORD)).isTrue();
            BlockingQueue<String> events = new LinkedBlockingQueue<>();
            Thread listener = new Thread(() -> {
                try {
                    lan.listen(0, events::add);
                } catch (Exception e) {
                    events.add("ended: " + e);
                }
            });
            listener.setDaemon(true);
            listener.start();
            assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("hello");

            citizen("300", "/human");

            assertThat(events.poll(10, TimeUnit.SECONDS))
                    .as("the queue changed, told long before the next look (an hour)")
                    .isEqualTo("queue");
            assertThat(lan.get("/console/queue/list").body())
                    .contains("data-ticket=\"" + bot.tickets.open().get(0).id() + "\"");
        }
    }
}
