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
    void valuesWithoutCredentialsAreEchoedAsWritten() {
        assertThat(InvalidSettingException.masked("not 'htp://llm.example:8080/v1'"))
                .isEqualTo("not 'htp://llm.example:8080/v1'");
        assertThat(InvalidSettingException.masked("not 'jdbc:postgresql://db/bot?user=me&password=pw1'"))
                .isEqualTo("not 'jdbc:postgresql://db/bot?user=me&password=***'");
    }
}
