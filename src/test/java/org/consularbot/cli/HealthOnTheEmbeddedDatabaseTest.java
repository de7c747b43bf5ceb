package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.consularbot.channel.zalo.StubZaloServer;
import org.consularbot.config.BotConfig;
import org.consularbot.config.Settings;
import org.consularbot.config.WebConfig;
import org.consularbot.config.ZaloConfig;
import org.consularbot.faq.TestCorpora;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /health} of the running service on the embedded H2 file: 503 while the database has closed itself and cannot
 * open again (what a full disk does), so a supervisor restarts the process; 200 again once it can. The web server's
 * own test gives it a flag; this one checks that the service wires the database to it.
 */
class HealthOnTheEmbeddedDatabaseTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path data;

    private StubZaloServer zalo;
    private RunningBot bot;

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        if (zalo != null) {
            zalo.close();
        }
    }

    @Test
    // Regression (issue 17 review): nothing checked that /health follows the database, so a RunningBot.alive() that
    // always said yes would have passed every test.
    void healthFailsWhileTheDatabaseCannotOpenAgainAndRecoversWhenItCan() throws Exception {
        zalo = new StubZaloServer();
        Path file = data.resolve("bot.mv.db");
        Settings settings = Settings.load(
                TestCorpora.withModelCache(Map.of(
                        "DB_URL", "jdbc:h2:file:" + data.resolve("bot").toAbsolutePath(),
                        "ZALO_APP_ID", "2553000111",
                        "ZALO_APP_SECRET", "app-secret",
                        "ZALO_OA_SECRET_KEY", "oa-secret",
                        "ZALO_REFRESH_TOKEN", "r1",
                        "ZALO_API_URL", zalo.url(),
                        "ZALO_OAUTH_URL", zalo.url(),
                        "HTTP_PORT", "0",
                        "ADMIN_PORT", "0")),
                data.resolve("none.env"));
        Clock clock = Clock.systemUTC();
        bot = RunningBot.start(
                BotConfig.from(settings),
                Optional.empty(),
                ZaloConfig.from(settings),
                WebConfig.from(settings),
                new CorpusSource(settings, clock),
                new PrintWriter(new StringWriter()),
                clock,
                Duration.ZERO);
        assertThat(health()).isEqualTo("200 ok");

        // H2 closes the database by itself, and its file cannot be opened any more. The file is moved aside first (H2
        // keeps writing to it until it closes), so that nothing opens the database again in between.
        Path aside = data.resolve("bot.mv.db.aside");
        Files.move(file, aside);
        Files.writeString(file, "not an H2 file ".repeat(1000));
        shutDownImmediately();

        // (It takes 10 s: the pool waits out its 5 s connection timeout twice.)
        assertThat(health()).isEqualTo("503 database closed");

        Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING);

        String health = health();
        for (int i = 0; i < 30 && !health.equals("200 ok"); i++) {
            Thread.sleep(500);
            health = health();
        }
        assertThat(health).as("the database opened again").isEqualTo("200 ok");
    }

    private void shutDownImmediately() {
        try (Connection connection = bot.assembly().database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException e) {
            // closing the connection that shut the database down
        }
    }

    /** The site's /health: status and body. */
    private String health() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + bot.webPort().orElseThrow() + "/health"))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}
