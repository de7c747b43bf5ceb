package org.consularbot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path tmp;

    private Path dotEnv(String text) throws Exception {
        Path file = tmp.resolve(".env");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void parsesCommentsBlankLinesExportAndQuotes() {
        Map<String, String> values = Settings.parseDotEnv("""
                # a comment
                   # an indented comment=not a value

                FAQ_DIR=./faq
                export TOKEN=abc123
                export   SPACED = value with spaces \s
                DOUBLE="double quoted # not a comment"
                SINGLE='single quoted'
                URL=https://example.org/?a=1&b=2
                NO_EQUALS_SIGN
                EMPTY=
                EMPTY_QUOTES=""
                """);
        assertThat(values)
                .containsOnly(
                        Map.entry("FAQ_DIR", "./faq"),
                        Map.entry("TOKEN", "abc123"),
                        Map.entry("SPACED", "value with spaces"),
                        Map.entry("DOUBLE", "double quoted # not a comment"),
                        Map.entry("SINGLE", "single quoted"),
                        Map.entry("URL", "https://example.org/?a=1&b=2"));
    }

    @Test
    void unmatchedQuotesAreKept() {
        assertThat(Settings.parseDotEnv("A=\"open\nB='x\"\nC=\""))
                .containsOnly(Map.entry("A", "\"open"), Map.entry("B", "'x\""), Map.entry("C", "\""));
    }

    @Test
    void windowsLineEndings() {
        assertThat(Settings.parseDotEnv("A=1\r\nB=2\r\n")).containsOnly(Map.entry("A", "1"), Map.entry("B", "2"));
    }

    @Test
    void laterLinesWin() {
        assertThat(Settings.parseDotEnv("A=1\nA=2\n")).containsOnly(Map.entry("A", "2"));
    }

    @Test
    void loadReadsTheDotEnvFile() throws Exception {
        Settings settings = Settings.load(Map.of(), dotEnv("FAQ_DIR=/srv/faq\n"));
        assertThat(settings.get("FAQ_DIR")).contains("/srv/faq");
        assertThat(settings.get("MISSING")).isEmpty();
    }

    @Test
    void theEnvironmentWinsOverDotEnv() throws Exception {
        Settings settings = Settings.load(
                Map.of("FAQ_DIR", "/from/env", "ONLY_ENV", "e"), dotEnv("FAQ_DIR=/from/file\nONLY_FILE=f\n"));
        assertThat(settings.get("FAQ_DIR")).contains("/from/env");
        assertThat(settings.get("ONLY_ENV")).contains("e");
        assertThat(settings.get("ONLY_FILE")).contains("f");
    }

    @Test
    void aBlankEnvironmentValueDoesNotHideDotEnv() throws Exception {
        Map<String, String> environment = new HashMap<>();
        environment.put("FAQ_DIR", "  ");
        environment.put("NULL_VALUE", null);
        Settings settings = Settings.load(environment, dotEnv("FAQ_DIR=/from/file\n"));
        assertThat(settings.get("FAQ_DIR")).contains("/from/file");
        assertThat(settings.get("NULL_VALUE")).isEmpty();
    }

    @Test
    void aMissingDotEnvIsFine() {
        Settings settings = Settings.load(Map.of("A", "1"), tmp.resolve("nonexistent.env"));
        assertThat(settings.get("A")).contains("1");
        assertThat(Settings.load(Map.of(), tmp.resolve("nonexistent.env")).get("A"))
                .isEmpty();
    }

    @Test
    void aDirectoryNamedDotEnvIsIgnored() throws Exception {
        Files.createDirectory(tmp.resolve("dir.env"));
        assertThat(Settings.load(Map.of(), tmp.resolve("dir.env")).get("A")).isEmpty();
    }
}
