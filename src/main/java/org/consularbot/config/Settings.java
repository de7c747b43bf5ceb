package org.consularbot.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration from the environment, or from a {@code .env} file in the working directory for what the
 * environment does not set. Secrets come only from here, never from files in the repository.
 */
public final class Settings {

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The process environment over the {@code .env} file, if there is one. */
    public static Settings load(Map<String, String> environment, Path dotEnv) {
        Map<String, String> values = new HashMap<>();
        if (Files.isRegularFile(dotEnv)) {
            try {
                values.putAll(parseDotEnv(Files.readString(dotEnv, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + dotEnv, e);
            }
        }
        environment.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                values.put(key, value);
            }
        });
        return new Settings(values);
    }

    public static Settings fromSystem() {
        return load(System.getenv(), Path.of(".env"));
    }

    static Map<String, String> parseDotEnv(String text) {
        Map<String, String> values = new HashMap<>();
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || !line.contains("=")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            String key = line.substring(0, line.indexOf('=')).strip();
            String value = line.substring(line.indexOf('=') + 1).strip();
            if (value.length() >= 2
                    && (value.startsWith("\"") && value.endsWith("\"")
                            || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            if (!value.isEmpty()) {
                values.put(key, value);
            }
        }
        return values;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }
}
