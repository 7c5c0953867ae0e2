package de.henk.hub.chat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code henk.llm.*}: which language model HENK talks through. {@code offline} (default) needs nothing;
 * {@code openai} is any OpenAI-compatible server (OpenAI, Ollama, vLLM, LM Studio — set {@code base-url});
 * {@code anthropic} is Claude. A reply that takes longer than {@code timeout} or fails is replaced by the offline
 * concierge's; after {@code failure-threshold} failures in a row the circuit opens and the LLM is not asked for
 * {@code circuit-open-for}.
 */
@ConfigurationProperties(prefix = "henk.llm")
public record LlmSettings(@DefaultValue("offline") String provider, String baseUrl, String model, String apiKey,
                         @DefaultValue("20s") Duration timeout, @DefaultValue("5") int failureThreshold,
                         @DefaultValue("30s") Duration circuitOpenFor, @DefaultValue("12") int historyMessages,
                         @DefaultValue("0.4") double temperature, @DefaultValue("600") int maxTokens) {

    public boolean offline() {
        return provider == null || provider.isBlank() || provider.equalsIgnoreCase("offline");
    }
}
