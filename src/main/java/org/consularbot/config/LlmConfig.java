package org.consularbot.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The LLM fallback's settings. {@code none} (the default) needs nothing and answers extractively from official
 * passages; {@code openai} is any OpenAI-compatible server (hosted, vLLM, llama.cpp server, LM Studio);
 * {@code ollama} a local Ollama. The API key is a secret: it is never printed.
 *
 * @param provider       {@code LLM_PROVIDER}: none, openai or ollama
 * @param baseUrl        {@code LLM_BASE_URL}: e.g. https://api.openai.com/v1, http://localhost:11434
 * @param apiKey         {@code LLM_API_KEY}
 * @param model          {@code LLM_MODEL}
 * @param timeout        {@code LLM_TIMEOUT_SECONDS} (1..120, default 20)
 */
public record LlmConfig(
        Provider provider, Optional<URI> baseUrl, Optional<String> apiKey, Optional<String> model, Duration timeout) {

    /** Which kind of model answers. */
    public enum Provider {
        NONE,
        OPENAI,
        OLLAMA
    }

    public static final String LLM_PROVIDER = "LLM_PROVIDER";
    public static final String LLM_BASE_URL = "LLM_BASE_URL";
    public static final String LLM_API_KEY = "LLM_API_KEY";
    public static final String LLM_MODEL = "LLM_MODEL";
    public static final String LLM_TIMEOUT_SECONDS = "LLM_TIMEOUT_SECONDS";

    public static LlmConfig from(Settings settings) {
        String name = settings.get(LLM_PROVIDER).orElse("none").strip().toLowerCase(Locale.ROOT);
        Provider provider = switch (name) {
            case "none" -> Provider.NONE;
            case "openai" -> Provider.OPENAI;
            case "ollama" -> Provider.OLLAMA;
            default ->
                throw new InvalidSettingException(LLM_PROVIDER, "must be none, openai or ollama, not '" + name + "'");
        };
        Duration timeout = Duration.ofSeconds(BotConfig.integer(settings, LLM_TIMEOUT_SECONDS, 20, 1, 120));
        if (provider == Provider.NONE) {
            return new LlmConfig(provider, Optional.empty(), Optional.empty(), Optional.empty(), timeout);
        }
        Optional<URI> base = settings.get(LLM_BASE_URL).map(String::strip).map(raw -> {
            try {
                URI uri = new URI(raw);
                if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                    throw new InvalidSettingException(LLM_BASE_URL, "must be an http(s) URL, not '" + raw + "'");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new InvalidSettingException(LLM_BASE_URL, "must be an http(s) URL, not '" + raw + "'");
            }
        });
        if (provider == Provider.OLLAMA && base.isEmpty()) {
            base = Optional.of(URI.create("http://localhost:11434"));
        }
        Optional<String> key = settings.get(LLM_API_KEY).map(String::strip);
        if (provider == Provider.OPENAI && key.isEmpty() && base.isEmpty()) {
            throw new InvalidSettingException(
                    LLM_API_KEY,
                    "must be set for the hosted OpenAI API (or set " + LLM_BASE_URL
                            + " for a local OpenAI-compatible server)");
        }
        Optional<String> model = settings.get(LLM_MODEL).map(String::strip);
        if (model.isEmpty()) {
            throw new InvalidSettingException(LLM_MODEL, "must name the model when " + LLM_PROVIDER + " is " + name);
        }
        return new LlmConfig(provider, base, key, model, timeout);
    }

    /** Without the key, and with any credential written into the URL masked: a config may be logged. */
    @Override
    public String toString() {
        return "LlmConfig[" + provider + ", "
                + baseUrl.map(url -> Credentials.masked(url.toString(), apiKey.orElse(null)))
                        .orElse("default URL") + ", model "
                + model.orElse("-") + ", key " + (apiKey.isPresent() ? "set" : "none") + ", timeout "
                + timeout.toSeconds() + " s]";
    }
}
