package org.consularbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Regression: a refused URL setting echoed the password written in it to the terminal and the log. */
class SecretsInSettingErrorsTest {

    private static final String TOKEN = "123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345678";

    private static Settings settings(Map<String, String> env) {
        return Settings.load(env, Path.of("nonexistent.env"));
    }

    @Test
    void aRefusedUrlIsEchoedWithItsPasswordMasked() {
        assertThatThrownBy(() -> LlmConfig.from(settings(Map.of(
                        "LLM_PROVIDER",
                        "openai",
                        "LLM_MODEL",
                        "m",
                        "LLM_BASE_URL",
                        "htp://alice:s3cret-pass@llm.example"))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("alice:***@llm.example")
                .hasMessageNotContaining("s3cret-pass");
        assertThatThrownBy(() -> TelegramConfig.from(settings(Map.of(
                        "TELEGRAM_BOT_TOKEN",
                        TOKEN,
                        "TELEGRAM_WEBHOOK_URL",
                        "http://bob:hunter2@bot.example/hook?token=t0ps3cret"))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("t0ps3cret")
                .hasMessageContaining("TELEGRAM_WEBHOOK_URL");
    }

    @Test
    // Regression (issue 17 review): a user-info with no password, the usual form of a token in a URL, was echoed.
    void aRefusedUrlIsEchoedWithATokenInItsUserInfoMasked() {
        assertThatThrownBy(() -> LlmConfig.from(settings(Map.of(
                        "LLM_PROVIDER", "openai", "LLM_MODEL", "m", "LLM_BASE_URL", "htp://sk-T0ken4711@llm.example"))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("***@llm.example")
                .hasMessageNotContaining("sk-T0ken4711");
    }

    @Test
    void valuesWithoutCredentialsAreEchoedAsWritten() {
        assertThat(Credentials.masked("not 'htp://llm.example:8080/v1'")).isEqualTo("not 'htp://llm.example:8080/v1'");
        assertThat(Credentials.masked("not 'jdbc:postgresql://db/bot?user=me&password=pw1'"))
                .isEqualTo("not 'jdbc:postgresql://db/bot?user=me&password=***'");
        assertThat(Credentials.masked("https://llm.example/v1?model=m&key=abc#top"))
                .isEqualTo("https://llm.example/v1?model=m&key=***#top");
    }
}
