package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.consularbot.config.Settings;
import org.consularbot.faq.TestCorpora;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Two officers at two consoles on one database (issue 18): the consoles took what they printed out of the officers'
 * outbox, so they split it; a card "for lan, minh" appeared only in Lan's console, and after Minh took the urgent
 * ticket the victim's messages appeared only in Lan's. Every console now sees every card, and the holder sees the
 * relays wherever the other consoles stand.
 */
class TwoConsolesTest {

    @TempDir
    Path tmp;

    private ChatDb db;
    private Console lan;
    private Console minh;

    @BeforeEach
    void start() throws InterruptedException {
        db = new ChatDb(tmp);
        assertThat(CliRun.run(db.env(), "officer", "add", "--id", "lan", "--name", "Lan")
                        .exit())
                .isZero();
        assertThat(CliRun.run(db.env(), "officer", "add", "--id", "minh", "--name", "Minh")
                        .exit())
                .isZero();
        lan = new Console("lan");
        minh = new Console("minh");
        lan.waitFor("Officer console: Lan");
        minh.waitFor("Officer console: Minh");
    }

    @AfterEach
    void stop() throws Exception {
        lan.close();
        minh.close();
    }

    @Test
    void bothConsolesSeeTheUrgentCardAndTheHolderSeesTheVictimsMessages() throws Exception {
        CliRun victim = CliRun.runWithInput(db.env(), "toi bi bat\n", "chat", "--as", "bob");
        assertThat(victim.out()).contains(TestCorpora.HOTLINE);

        lan.waitFor("🆘 URGENT #1");
        minh.waitFor("🆘 URGENT #1");
        assertThat(lan.out()).contains("(for lan, minh)");
        assertThat(minh.out()).contains("(for lan, minh)");

        minh.type("/take 1");
        minh.waitFor("#1 is yours");
        CliRun.runWithInput(db.env(), "anh ấy đang đập cửa\n", "chat", "--as", "bob");

        minh.waitFor("đang đập cửa");
        lan.waitFor("đang đập cửa");
        minh.waitFor("✋ taken by Minh");
        lan.waitFor("✋ taken by Minh");
        assertThat(count(minh.out(), "🆘 URGENT #1")).as("shown once").isOne();
    }

    @Test
    void aConsoleOpenedLaterShowsWhatNoConsoleHasShownYetAndThenEverythingNew() throws Exception {
        lan.close();
        minh.close();
        CliRun.runWithInput(db.env(), "/human\n", "chat", "--as", "alice");
        lan = new Console("lan");
        lan.waitFor("🔔 #1");
        minh = new Console("minh");
        minh.waitFor("#1 queued"); // the queue, shown at start
        CliRun.runWithInput(db.env(), "/human\n", "chat", "--as", "carol");

        minh.waitFor("🔔 #2");
        lan.waitFor("🔔 #2");
        assertThat(minh.out()).as("shown in Lan's console before Minh's opened").doesNotContain("🔔 #1");
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    /** An officer console running in this JVM, its input typed by the test, its output read as it comes. */
    private final class Console implements AutoCloseable {
        private final PipedOutputStream keyboard = new PipedOutputStream();
        private final StringWriter screen = new StringWriter();
        private final CompletableFuture<Integer> exit;
        private final Terminal terminal;

        Console(String officer) {
            PipedInputStream in;
            try {
                in = new PipedInputStream(keyboard);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            CommandLine line = ConsularBotCommand.create(
                    Settings.load(TestCorpora.withModelCache(db.env()), Path.of("nonexistent.env")),
                    TestCorpora.CLOCK,
                    in);
            line.setOut(new PrintWriter(screen, true));
            line.setErr(new PrintWriter(screen, true));
            exit = CompletableFuture.supplyAsync(() -> line.execute("officer", "console", "--as", officer));
            terminal = new Terminal(keyboard, screen::toString, () -> !exit.isDone(), Duration.ofSeconds(30));
        }

        void type(String text) throws IOException {
            terminal.type(text);
        }

        String out() {
            return terminal.out();
        }

        void waitFor(String text) throws InterruptedException {
            terminal.waitFor(text);
        }

        @Override
        public void close() throws Exception {
            keyboard.close();
            exit.get();
        }
    }
}
