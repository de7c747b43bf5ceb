package org.consularbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.consularbot.faq.TestCorpora;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's two-terminal trial as people run it: {@code chat}, {@code officer add} and {@code officer console} as
 * separate processes, at the same time, on the embedded H2 file. The second process used to stop with "The file is
 * locked" (exit 1): the test ran them one after the other, so it never saw it. H2's automatic mixed mode lets them
 * share the file.
 */
class TwoTerminalTrialTest {

    @TempDir
    Path tmp;

    private final List<Running> terminals = new ArrayList<>();

    @AfterEach
    void close() {
        terminals.forEach(Running::kill);
    }

    @Test
    void theChatTheConsoleAndTheOfficerCommandsWorkAtOnceOnTheEmbeddedDatabase() throws Exception {
        Running chat = start("chat", "--as", "alice");
        chat.waitFor("/human"); // the welcome, which names /human: the chat holds the database now

        Running add = start("officer", "add", "--id", "lan", "--name", "Lan");
        assertThat(add.exit()).as(add.toString()).isZero();
        assertThat(add.out()).contains("may act on tickets");

        Running console = start("officer", "console", "--as", "lan");
        console.waitFor("Officer console: Lan");

        chat.type("/human");
        console.waitFor("🔔 #1");
        console.type("/take 1");
        console.waitFor("#1 is yours");
        console.type("Chào bạn, tôi là Lan.");
        chat.waitFor("👤 Lan: Chào bạn, tôi là Lan.");

        Running list = start("officer", "list");
        assertThat(list.exit()).as(list.toString()).isZero();
        assertThat(list.out()).contains("lan\tLan\tofficer");

        chat.type("cảm ơn chị");
        console.waitFor("cảm ơn chị");
        console.type("/close");
        chat.waitFor("Cán bộ đã kết thúc");

        assertThat(chat.end()).as(chat.toString()).isZero();
        assertThat(console.end()).as(console.toString()).isZero();
        assertThat(chat.out() + console.out()).doesNotContain("locked");
    }

    private Running start(String... command) throws IOException {
        Running terminal = new Running(command);
        terminals.add(terminal);
        return terminal;
    }

    /** One process of the bot, as in a terminal of its own: its input typed by the test, its output read as it comes. */
    private final class Running {
        private final Process process;
        private final StringBuffer screen = new StringBuffer();
        private final OutputStream keyboard;
        private final Terminal terminal;

        Running(String... command) throws IOException {
            List<String> line = new ArrayList<>(List.of(
                    ProcessHandle.current().info().command().orElse("java"),
                    "-Xmx256m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    "org.consularbot.Main"));
            line.addAll(List.of(command));
            ProcessBuilder builder =
                    new ProcessBuilder(line).directory(tmp.toFile()).redirectErrorStream(true);
            builder.environment()
                    .keySet()
                    .removeIf(key -> !key.equals("PATH") && !key.equals("HOME") && !key.startsWith("LANG"));
            Map<String, String> env = TestCorpora.withModelCache(new ChatDb(tmp).env());
            builder.environment().putAll(env);
            for (String folder : List.of("FAQ_DIR", "MODEL_CACHE_DIR")) { // the process runs in tmp
                builder.environment()
                        .put(folder, Path.of(env.get(folder)).toAbsolutePath().toString());
            }
            process = builder.start();
            keyboard = process.getOutputStream();
            Thread reader = new Thread(() -> {
                try (BufferedReader out =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String read;
                    while ((read = out.readLine()) != null) {
                        screen.append(read).append('\n');
                    }
                } catch (IOException e) {
                    screen.append("(output lost: ").append(e.getMessage()).append(")\n");
                }
            });
            reader.setDaemon(true);
            reader.start();
            terminal = new Terminal(keyboard, screen::toString, process::isAlive, Duration.ofSeconds(60));
        }

        void type(String text) throws IOException {
            terminal.type(text);
        }

        String out() {
            return screen.toString();
        }

        void waitFor(String text) throws InterruptedException {
            terminal.waitFor(text);
        }

        /** Waits for a command that ends by itself. */
        int exit() throws InterruptedException {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(toString()).isTrue();
            Thread.sleep(200); // the rest of its output
            return process.exitValue();
        }

        /** Ends the input (Ctrl-D) and waits for the exit. */
        int end() throws IOException, InterruptedException {
            keyboard.close();
            return exit();
        }

        void kill() {
            process.destroyForcibly();
        }

        @Override
        public String toString() {
            return "the process shows:\n" + out();
        }
    }
}
