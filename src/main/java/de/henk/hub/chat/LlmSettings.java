package de.henk.hub.chat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code henk.llm.*}: which language model HENK talks through. {@code offline} (default) needs nothing;
 * {@code openai} is any OpenAI-compatible server (OpenAI, Ollama, vLLM, LM Studio — set {@code base-url});
 * {@code anthropic} is Claude. A reply that takes longer than {@code timeout} or fails is replaced by the offline
 * concierge's; after {@code failure-threshold} failures in a row the circuit opens and the LLM is not asked for
 * {@code circuit-open-for}. How messages are read when a model is configured: {@code extraction}.
 */
@ConfigurationProperties(prefix = "henk.llm")
public record LlmSettings(@DefaultValue("offline") String provider, String baseUrl, String model, String apiKey,
                         @DefaultValue("20s") Duration timeout, @DefaultValue("5") int failureThreshold,
                         @DefaultValue("30s") Duration circuitOpenFor, @DefaultValue("12") int historyMessages,
                         @DefaultValue("0.4") double temperature, @DefaultValue("600") int maxTokens,
                         @DefaultValue("model-first") String extraction,
                         @DefaultValue("8s") Duration extractionTimeout) {

    public LlmSettings {
        if (!"model-first".equals(extraction) && !"rules-first".equals(extraction)) {
            throw new IllegalArgumentException("henk.llm.extraction must be model-first or rules-first, not "
                    + extraction);
        }
    }

    public boolean offline() {
        return provider == null || provider.isBlank() || provider.equalsIgnoreCase("offline");
    }

    /**
     * {@code model-first}: with a model configured, every message is read by it (structured output), the rules
     * cross-check and stand in; {@code rules-first}: the rules read every message and the model only what they
     * understood nothing of (one model call less per turn).
     */
    public boolean modelFirstExtraction() {
        return "model-first".equals(extraction);
    }
}
