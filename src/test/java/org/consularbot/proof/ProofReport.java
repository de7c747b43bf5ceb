package org.consularbot.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Where the proofs leave their counts ({@code target/proofs/*.txt}, one file per proof, printed by {@code .ci/run}) and logs. */
final class ProofReport {

    static final Path DIR = Path.of("target/proofs");

    private ProofReport() {}

    /** Prints one proof's counts and writes them to {@code target/proofs/<id>.txt}, replacing an earlier run's. */
    static void record(String id, String proof, String counts) {
        String line = proof + ": " + counts;
        System.out.println("PROOF " + line);
        try {
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve(id + ".txt"), line + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
