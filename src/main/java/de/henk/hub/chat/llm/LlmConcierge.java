package de.henk.hub.chat.llm;

import de.henk.hub.catalog.FabricHit;
import de.henk.hub.chat.ChatSessions;
import de.henk.hub.chat.ConversationProfile;
import de.henk.hub.chat.StructuredProfile;
import de.henk.hub.chat.FabricAdvisor;
import de.henk.hub.chat.LlmSettings;
import de.henk.hub.chat.Turn;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * HENK's voice through a language model (langchain4j: any OpenAI-compatible server, or Anthropic). The model gets
 * the persona prompt with the profile, the phase, fabrics retrieved for the profile and the offline concierge's
 * reply as guidance, the session's earlier messages from the database, and two read-only tools. A failure, a
 * timeout or an open circuit is thrown: the chat route's {@code offline-fallback} catch answers with the offline
 * concierge's reply. Logs name the failure, never what the customer wrote.
 */
@Component
public class LlmConcierge {

    private static final Logger LOG = LoggerFactory.getLogger(LlmConcierge.class);
    private static final int MAX_TOOL_ROUNDS = 3;
    public static final String FALLBACK = "offline-fallback";

    private final LlmSettings settings;
    private final PersonaPrompt prompt;
    private final ConciergeTools tools;
    private final FabricAdvisor advisor;
    private final ChatSessions sessions;
    private final ChatModel model;
    private final StreamingChatModel streamingModel;
    private final CircuitBreaker breaker;
    private final ChatModel extractionModel;
    private final CircuitBreaker extractionBreaker;

    public LlmConcierge(LlmSettings settings, PersonaPrompt prompt, ConciergeTools tools, FabricAdvisor advisor,
                        ChatSessions sessions) {
        this.settings = settings;
        this.prompt = prompt;
        this.tools = tools;
        this.advisor = advisor;
        this.sessions = sessions;
        this.model = settings.offline() ? null
                : model(settings, settings.timeout(), settings.temperature(), settings.maxTokens(), false);
        this.streamingModel = settings.offline() ? null : streamingModel(settings);
        // structured output: deterministic, short, its own timeout, JSON schema declared as supported
        this.extractionModel = settings.offline() ? null
                : model(settings, settings.extractionTimeout(), 0.0, 400, true);
        this.breaker = breaker("llm", settings);
        this.extractionBreaker = breaker("llm-extraction", settings);
    }

    private static CircuitBreaker breaker(String name, LlmSettings settings) {
        return CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.failureThreshold())
                .minimumNumberOfCalls(settings.failureThreshold())
                .failureRateThreshold(100)
                .waitDurationInOpenState(settings.circuitOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
    }

    public String provider() {
        return settings.offline() ? "offline" : settings.provider().toLowerCase(Locale.ROOT);
    }

    /** The LLM's circuit breaker (state for health checks; operators and tests may reset it). */
    public CircuitBreaker circuitBreaker() {
        return breaker;
    }

    /**
     * The model's reply to the turn. Throws when there is no model, the circuit is open, or the model fails or
     * is too slow: the chat route then answers offline ({@code offline-fallback}).
     */
    public String reply(Turn turn, String sessionId, String offlineReply) throws Exception {
        if (model == null || !breaker.tryAcquirePermission()) {
            throw CallNotPermittedException.createCallNotPermittedException(breaker);
        }
        long start = System.nanoTime();
        try {
            String reply = converse(turn, sessionId, offlineReply, start);
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return reply;
        } catch (Exception e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            LOG.warn("LLM reply failed ({}), the offline concierge answers", e.getClass().getSimpleName());
            throw e;
        }
    }

    /**
     * The reply streamed: each piece goes to {@code onChunk} as the model produces it. Throws like {@link #reply};
     * once it has given up on the model (a failure, the timeout), no late piece reaches {@code onChunk}, and the
     * model's stream is cancelled. The caller decides what the customer sees then (the chat route: the offline
     * reply, streamed if none of the model's pieces was shown, else as the final event's reply).
     */
    public String streamReply(Turn turn, String sessionId, String offlineReply, Consumer<String> onChunk)
            throws Exception {
        if (streamingModel == null || !breaker.tryAcquirePermission()) {
            throw CallNotPermittedException.createCallNotPermittedException(breaker);
        }
        long start = System.nanoTime();
        Relay relay = new Relay(onChunk);
        try {
            List<ChatMessage> messages = messages(turn, sessionId, offlineReply);
            for (int round = 0; round <= MAX_TOOL_ROUNDS; round++) {
                CompletableFuture<ChatResponse> done = new CompletableFuture<>();
                ChatRequest request = ChatRequest.builder().messages(messages)
                        .toolSpecifications(round < MAX_TOOL_ROUNDS ? tools.specifications() : List.of()).build();
                streamingModel.chat(request, relay.handler(done));
                ChatResponse response = done.get(remaining(start), TimeUnit.NANOSECONDS);
                AiMessage ai = response.aiMessage();
                if (ai.hasToolExecutionRequests()) {
                    runTools(ai, messages, turn);
                    continue;
                }
                String text = ai.text() != null && !ai.text().isBlank() ? ai.text() : relay.streamed();
                if (text.isBlank()) {
                    throw new IllegalStateException("empty reply");
                }
                relay.close(false);
                breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                return text.strip();
            }
            throw new IllegalStateException("too many tool rounds");
        } catch (Exception e) {
            relay.close(true);
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            LOG.warn("LLM stream failed ({}), the offline concierge answers", e.getClass().getSimpleName());
            throw e;
        }
    }

    /**
     * Between the model's streaming thread and the customer's response. The pieces arrive on the HTTP client's
     * thread; they are forwarded only while {@link #stream} still waits for the model. Once it has stopped waiting
     * (a failure or the timeout, after which the caller writes its final event and ends the response), a late piece
     * is dropped and cancels the model's stream — instead of being written after that event, or into it at the same
     * moment, while the model goes on generating tokens nobody reads.
     */
    private static final class Relay {
        private final Consumer<String> onChunk;
        private final StringBuilder streamed = new StringBuilder();
        private boolean open = true;
        private StreamingHandle handle;

        Relay(Consumer<String> onChunk) {
            this.onChunk = onChunk;
        }

        StreamingChatResponseHandler handler(CompletableFuture<ChatResponse> done) {
            return new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                    forward(partial.text(), context.streamingHandle());
                }

                @Override
                public void onPartialResponse(String partial) {
                    forward(partial, null);
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    done.complete(response);
                }

                @Override
                public void onError(Throwable error) {
                    done.completeExceptionally(error);
                }
            };
        }

        private synchronized void forward(String piece, StreamingHandle current) {
            if (current != null) {
                handle = current;
            }
            if (!open) {
                cancel();
                return;
            }
            streamed.append(piece);
            onChunk.accept(piece);
        }

        synchronized String streamed() {
            return streamed.toString();
        }

        /** Stops forwarding (and cancels the model's stream when it did not finish); true if a piece was shown. */
        synchronized boolean close(boolean cancel) {
            open = false;
            if (cancel) {
                cancel();
            }
            return streamed.length() > 0;
        }

        private void cancel() {
            if (handle != null && !handle.isCancelled()) {
                handle.cancel();
            }
        }
    }

    /**
     * The profile as the model reads the message — structured output against {@link StructuredProfile}'s JSON
     * schema, with its own small, deterministic model settings (temperature 0), its own timeout and its own circuit
     * breaker (a server without JSON-schema support must not silence HENK's replies). {@code asked} is what HENK
     * asked last, so that "2500" after the budget question is read as a budget. Empty when offline, when the
     * circuit is open, or on any failure: then the rules alone decide.
     */
    public Optional<ConversationProfile> extractProfile(String message, String asked, LocalDate today) {
        if (extractionModel == null || !extractionBreaker.tryAcquirePermission()) {
            return Optional.empty();
        }
        long start = System.nanoTime();
        try {
            String context = EXTRACTION_PROMPT.replace("{{today}}", today.toString())
                    .replace("{{asked}}", asked == null ? "noch nichts" : asked);
            ChatResponse response = extractionModel.chat(ChatRequest.builder()
                    .messages(SystemMessage.from(context), UserMessage.from(message))
                    .responseFormat(StructuredProfile.responseFormat()).build());
            String text = response.aiMessage().text();
            if (text == null || text.isBlank()) {
                throw new IllegalStateException("empty extraction");
            }
            ConversationProfile read = StructuredProfile.read(JSON.readTree(
                    text.replaceAll("(?s)^\\s*```(json)?|```\\s*$", "").strip()), message, today);
            extractionBreaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return Optional.of(read);
        } catch (Exception e) {
            extractionBreaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            LOG.warn("LLM extraction failed ({}), the rules alone decide", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** Whether every message is read by the model first ({@code henk.llm.extraction: model-first}). */
    public boolean extractsFirst() {
        return extractionModel != null && settings.modelFirstExtraction();
    }

    /** The extraction's circuit breaker (tests and operators may reset it). */
    public CircuitBreaker extractionCircuitBreaker() {
        return extractionBreaker;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static final String EXTRACTION_PROMPT = """
            Du liest die Nachricht eines Kunden an eine Maßschneiderei und füllst das JSON-Schema
            conversation_profile aus: nur was die Nachricht eindeutig sagt, sonst das Feld weglassen. Nichts erfinden.
            Heute ist {{today}}. Daten relativ dazu auflösen: "im Juni" ist der nächste Juni (event_month YYYY-MM),
            ein genannter Tag ist event_date (YYYY-MM-DD). Beträge in ganzen Euro ("bis 3k" = 3000, "zwischen 1500
            und 2000": budget_min_eur 1500, budget_eur 2000). Farben und Muster nur aus den erlaubten Werten;
            ausgeschlossene ("bloß kein Schwarz") gehören in avoid_colours bzw. avoid_patterns.
            HENK hat zuletzt gefragt nach: {{asked}} (eine nackte Zahl ist dann die Antwort darauf).
            Keine Namen, E-Mail-Adressen oder Telefonnummern.""";

    private String converse(Turn turn, String sessionId, String offlineReply, long start) throws TimeoutException {
        List<ChatMessage> messages = messages(turn, sessionId, offlineReply);
        for (int round = 0; round <= MAX_TOOL_ROUNDS; round++) {
            if (remaining(start) <= 0) {
                throw new TimeoutException("LLM deadline passed");
            }
            ChatResponse response = model.chat(ChatRequest.builder().messages(messages)
                    .toolSpecifications(round < MAX_TOOL_ROUNDS ? tools.specifications() : List.of()).build());
            AiMessage ai = response.aiMessage();
            if (ai.hasToolExecutionRequests()) {
                runTools(ai, messages, turn);
                continue;
            }
            if (ai.text() == null || ai.text().isBlank()) {
                throw new IllegalStateException("empty reply");
            }
            return ai.text().strip();
        }
        throw new IllegalStateException("too many tool rounds");
    }

    private void runTools(AiMessage ai, List<ChatMessage> messages, Turn turn) {
        messages.add(ai);
        for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
            messages.add(ToolExecutionResultMessage.from(call, tools.execute(call, turn.profile())));
        }
    }

    private List<ChatMessage> messages(Turn turn, String sessionId, String offlineReply) {
        List<FabricHit> fabrics = !turn.recommendations().isEmpty() ? turn.recommendations()
                : turn.profile().occasion() != null && turn.profile().budgetEur() != null
                ? advisor.recommend(turn.profile()) : List.of();
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(prompt.render(turn, fabrics, offlineReply)));
        for (ChatSessions.StoredMessage earlier : sessions.recentMessages(sessionId, settings.historyMessages())) {
            messages.add("customer".equals(earlier.author()) ? UserMessage.from(earlier.content())
                    : AiMessage.from(earlier.content()));
        }
        messages.add(UserMessage.from(turn.message()));
        return messages;
    }

    private long remaining(long start) {
        return settings.timeout().toNanos() - (System.nanoTime() - start);
    }

    /** A blocking model; {@code jsonSchema}: it is asked for structured output (response format with a schema). */
    private static ChatModel model(LlmSettings s, java.time.Duration timeout, double temperature, int maxTokens,
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

    private static StreamingChatModel streamingModel(LlmSettings s) {
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
