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
import java.util.function.Predicate;
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
 * open again (its file damaged or gone), so a supervisor restarts the process; 200 again once it can. The probe's own
 * test gives it a database that hangs or fails; this one checks that the service wires the real database to it. A full
 * disk, on which H2 opens again at once but nothing can be written, is {@code DiskRefusingWritesTest} and FullDiskIT.
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
    // Regression (issue 17 review): nothing checked that /health follows the database, so a liveness that always said
    // yes would have passed every test.
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
        assertThat(health()).startsWith("200 ok (database checked ");
        assertThat(admin("/ready")).startsWith("200 ready (database checked ");
        assertThat(get(bot.webPort().orElseThrow(), "/console/login"))
                .as("the service serves the officers' web console on its site")
                .startsWith("200 <!DOCTYPE html>");
        assertThat(admin("/console/login")).as("and not on the admin listener").startsWith("404");

        // H2 closes the database by itself, and its file cannot be opened any more. The file is moved aside first (H2
        // keeps writing to it until it closes), so that nothing opens the database again in between.
        Path aside = data.resolve("bot.mv.db.aside");
        Files.move(file, aside);
        Files.writeString(file, "not an H2 file ".repeat(1000));
        shutDownImmediately();

        // The probe in the background finds out (its check of the database takes 10 s, the pool's connection timeout
        // twice, so it first reports no answer within its own timeout); /health answers from its last result.
        String health = until(this::health, h -> h.startsWith("503 "));
        assertThat(health).matches("503 database (closed|gave no answer within 3 s) \\(checked \\d+ s ago\\)");
        assertThat(admin("/ready")).startsWith("503 {database=");

        Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING);

        assertThat(until(this::health, h -> h.startsWith("200 ")))
                .as("the database opened again")
                .startsWith("200 ok (database checked ");
        assertThat(until(() -> admin("/ready"), r -> r.startsWith("200 "))).startsWith("200 ready");
    }

    /** What {@code ask} answers once {@code done} holds, or the last answer after 40 s (the probe runs every 2 s). */
    private static String until(Answer ask, Predicate<String> done) throws Exception {
        String answer = ask.get();
        for (int i = 0; i < 80 && !done.test(answer); i++) {
            Thread.sleep(500);
            answer = ask.get();
        }
        return answer;
    }

    @FunctionalInterface
    private interface Answer {
        String get() throws Exception;
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
        return get(bot.webPort().orElseThrow(), "/health");
    }

    /** A route of the admin listener: status and body. */
    private String admin(String path) throws Exception {
        return get(bot.adminPort().orElseThrow(), path);
    }

    private static String get(int port, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}
