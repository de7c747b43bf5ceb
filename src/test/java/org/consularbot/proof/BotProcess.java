package org.consularbot.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One instance of the service as an operator runs it: {@code java -jar target/consular-bot.jar serve} in its own
 * process, configured only through its environment, logging each run to a file under {@code target/proofs}. The proofs
 * kill it with SIGKILL ({@link #kill()}), which no code in the instance can intercept, and start it again.
 */
final class BotProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target/consular-bot.jar");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Map<String, String> env;
    private final int httpPort;
    private final int adminPort;
    private Path log;
    private Process process;
    private int starts;

    private BotProcess(String name, Map<String, String> env, int httpPort, int adminPort) {
        this.name = name;
        this.env = env;
        this.httpPort = httpPort;
        this.adminPort = adminPort;
    }

    /** Starts an instance and waits until {@code /ready} says so. */
    static BotProcess start(String name, Map<String, String> env) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the proofs run after `mvn package` (mvn verify)");
        }
        BotProcess bot = new BotProcess(name, env, freePort(), freePort());
        bot.launch();
        return bot;
    }

    /** Runs one command of the jar to its end with the same environment (e.g. {@code officer add}), failing unless 0. */
    static void run(String name, Map<String, String> env, String... command) {
        try {
            Path log = ProofReport.DIR.resolve(name + ".log");
            Files.createDirectories(log.getParent());
            List<String> line = new ArrayList<>(List.of(
                    ProcessHandle.current().info().command().orElse("java"),
                    "-jar",
                    JAR.toAbsolutePath().toString()));
            line.addAll(List.of(command));
            ProcessBuilder builder = new ProcessBuilder(line)
                    .directory(Files.createTempDirectory("proof-" + name).toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment()
                    .keySet()
                    .removeIf(key -> !key.equals("PATH") && !key.equals("HOME") && !key.startsWith("LANG"));
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not end within 60 s; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Starts this instance again, as before, with a log of its own for the new run. */
    void restart() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch();
    }

    private void launch() {
        try {
            log = ProofReport.DIR.resolve(name + "-run" + (starts + 1) + ".log");
            Files.createDirectories(log.getParent());
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(
                            java, "-Xmx256m", "-jar", JAR.toAbsolutePath().toString(), "serve")
                    .directory(Files.createTempDirectory("proof-" + name).toFile()) // no .env from the repository
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment()
                    .keySet()
                    .removeIf(key -> !key.equals("PATH") && !key.equals("HOME") && !key.startsWith("LANG"));
            // Restarts load the reading's models trained by the first start (or by the unit tests) instead of training.
            builder.environment()
                    .put(
                            "MODEL_CACHE_DIR",
                            Path.of("target/model-cache").toAbsolutePath().toString());
            builder.environment().putAll(env);
            builder.environment().put("HTTP_PORT", String.valueOf(httpPort));
            builder.environment().put("ADMIN_PORT", String.valueOf(adminPort));
            process = builder.start();
            // If the test JVM dies first (a killed fork), the instance must not live on and eat the CI machine's cores.
            ProcessHandle handle = process.toHandle();
            Runtime.getRuntime().addShutdownHook(new Thread(handle::destroyForcibly));
            starts++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        try {
            awaitReady(Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private void awaitReady(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " at start; see " + log);
            }
            if (status("/ready") == 200) {
                return;
            }
            ProofReport.pause(Duration.ofMillis(200));
        }
        throw new IllegalStateException(name + " not ready within " + within.toSeconds() + " s; see " + log);
    }

    /** The HTTP status of one of the instance's admin endpoints (/ready, /metrics), or -1 when it does not answer. */
    int status(String path) {
        return ask(path).status();
    }

    /** What one of the instance's admin endpoints answers; status -1 and no body when it does not answer within 2 s. */
    Answer ask(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + path))
                    .timeout(Duration.ofSeconds(2))
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(-1, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "");
        }
    }

    /** An HTTP answer of the instance: its status and body. */
    record Answer(int status, String body) {}

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed; the process is gone at once. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** How many lines of the instance's current run's log contain {@code text}. */
    long logCount(String text) {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(text)).count();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    /** Lines containing {@code text} in the logs of every run of this instance so far. */
    List<String> linesOfAllRuns(String text) {
        List<String> found = new ArrayList<>();
        for (int run = 1; run <= starts; run++) {
            try (Stream<String> lines = Files.lines(ProofReport.DIR.resolve(name + "-run" + run + ".log"))) {
                lines.filter(line -> line.contains(text)).forEach(found::add);
            } catch (IOException | UncheckedIOException e) {
                // a run that left no log has no such line
            }
        }
        return found;
    }

    /**
     * The sum of N over the lines of every run containing {@code text} and "had lost N ": what the database had lost
     * and the receipt journal gave back, as the instances log it.
     */
    long lostAndGivenBack(String text) {
        return linesOfAllRuns(text).stream()
                .map(line -> line.replaceAll(".*had lost (\\d+) .*", "$1"))
                .mapToLong(Long::parseLong)
                .sum();
    }

    /** The port of the instance's HTTP site (webhooks, /health); /ready and /metrics are on its admin port. */
    int port() {
        return httpPort;
    }

    String name() {
        return name;
    }

    int starts() {
        return starts;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM, as an operator stops it, and a kill if it has not ended in 15 s. */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }
}
