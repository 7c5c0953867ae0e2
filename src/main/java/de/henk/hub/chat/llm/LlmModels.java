package de.henk.hub.chat.llm;

import de.henk.hub.chat.LlmSettings;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.util.Locale;

/**
 * The language models the concierge talks to (langchain4j, OpenAI-compatible or Anthropic) and the breaker of the
 * model's reading. (The reply's breaker is a circuitBreaker step of routes/chat.camel.yaml.)
 */
final class LlmModels {

    private LlmModels() {
    }

    static CircuitBreaker breaker(String name, LlmSettings settings) {
        return CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.failureThreshold())
                .minimumNumberOfCalls(settings.failureThreshold())
                .failureRateThreshold(100)
                .waitDurationInOpenState(settings.circuitOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
    }

    /** A blocking model; {@code jsonSchema}: it is asked for structured output (response format with a schema). */
    static ChatModel chat(LlmSettings s, java.time.Duration timeout, double temperature, int maxTokens,
                                   boolean jsonSchema) {
        java.util.Set<Capability> capabilities = jsonSchema ? java.util.Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                : java.util.Set.of();
        return switch (s.provider().toLowerCase(Locale.ROOT)) {
            case "openai" -> OpenAiChatModel.builder().baseUrl(blankToNull(s.baseUrl())).apiKey(key(s))
                    .modelName(modelName(s, "gpt-4o-mini")).timeout(timeout).maxRetries(0).temperature(temperature)
                    .maxTokens(maxTokens).supportedCapabilities(capabilities).strictJsonSchema(false).build();
            case "anthropic" -> AnthropicChatModel.builder().baseUrl(blankToNull(s.baseUrl())).apiKey(key(s))
                    .modelName(modelName(s, "claude-sonnet-4-5")).timeout(timeout).maxRetries(0)
                    .temperature(temperature).maxTokens(maxTokens).supportedCapabilities(capabilities).build();
            default -> throw new IllegalStateException("henk.llm.provider must be offline, openai or anthropic, not "
                    + s.provider());
        };
    }

    private static String modelName(LlmSettings s, String providerDefault) {
        return s.model() == null || s.model().isBlank() ? providerDefault : s.model();
    }

    static StreamingChatModel streaming(LlmSettings s) {
        return switch (s.provider().toLowerCase(Locale.ROOT)) {
            case "openai" -> OpenAiStreamingChatModel.builder().baseUrl(blankToNull(s.baseUrl())).apiKey(key(s))
                    .modelName(modelName(s, "gpt-4o-mini"))
                    .timeout(s.timeout()).temperature(s.temperature()).maxTokens(s.maxTokens()).build();
            case "anthropic" -> AnthropicStreamingChatModel.builder().baseUrl(blankToNull(s.baseUrl())).apiKey(key(s))
                    .modelName(modelName(s, "claude-sonnet-4-5"))
                    .timeout(s.timeout()).temperature(s.temperature()).maxTokens(s.maxTokens()).build();
            default -> throw new IllegalStateException("unknown provider " + s.provider());
        };
    }

    /** Local servers (Ollama, vLLM) need no key, but the client insists on one. */
    private static String key(LlmSettings s) {
        return s.apiKey() == null || s.apiKey().isBlank() ? "none" : s.apiKey();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
