package org.consularbot.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.net.URI;
import org.consularbot.config.LlmConfig;

/** The langchain4j model for the configured provider: low temperature, no retries (the circuit breaker decides), a timeout. */
public final class ChatModels {

    private ChatModels() {}

    public static ChatModel create(LlmConfig config) {
        return switch (config.provider()) {
            case OPENAI -> {
                OpenAiChatModel.OpenAiChatModelBuilder builder = OpenAiChatModel.builder()
                        .modelName(config.model().orElseThrow())
                        .apiKey(config.apiKey().orElse("not-needed"))
                        .temperature(0.1)
                        .maxTokens(400)
                        .timeout(config.timeout())
                        .maxRetries(0);
                config.baseUrl().map(URI::toString).ifPresent(builder::baseUrl);
                yield builder.build();
            }
            case OLLAMA ->
                OllamaChatModel.builder()
                        .maxRetries(0)
                        .baseUrl(config.baseUrl().orElseThrow().toString())
                        .modelName(config.model().orElseThrow())
                        .temperature(0.1)
                        .numPredict(400)
                        .timeout(config.timeout())
                        .build();
            case NONE -> throw new IllegalArgumentException("no model when LLM_PROVIDER is none");
        };
    }
}
