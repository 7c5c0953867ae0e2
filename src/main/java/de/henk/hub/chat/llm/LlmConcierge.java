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
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import de.henk.hub.chat.ChatStreamClosedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
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
 * reply as guidance, the session's earlier messages from the database, and two read-only tools. A failure or a
 * timeout is thrown: the reply's circuit breaker in the chat route (step {@value #REPLY_CIRCUIT_BREAKER}) counts it
 * and its {@code offline-fallback} answers with the offline concierge's reply. Logs name the failure, never what the
 * customer wrote.
 */
@Component
public class LlmConcierge {

    private static final Logger LOG = LoggerFactory.getLogger(LlmConcierge.class);
    private static final int MAX_TOOL_ROUNDS = 3;
    public static final String FALLBACK = "offline-fallback";
    /** The id of the reply's {@code circuitBreaker} step in routes/chat.camel.yaml: its breaker's name. */
    public static final String REPLY_CIRCUIT_BREAKER = "reply-try-llm";

    private final LlmSettings settings;
    private final PersonaPrompt prompt;
    private final ConciergeTools tools;
    private final FabricAdvisor advisor;
    private final ChatSessions sessions;
    private final ChatModel model;
    private final StreamingChatModel streamingModel;
    /** Where the chat route's circuitBreaker step keeps the reply's breaker. */
    private final CircuitBreakerRegistry breakers;
    private final ChatModel extractionModel;
    private final CircuitBreaker extractionBreaker;

    public LlmConcierge(LlmSettings settings, PersonaPrompt prompt, ConciergeTools tools, FabricAdvisor advisor,
                        ChatSessions sessions, CircuitBreakerRegistry breakers) {
        this.settings = settings;
        this.prompt = prompt;
        this.tools = tools;
        this.advisor = advisor;
        this.sessions = sessions;
        this.model = settings.offline() ? null
                : LlmModels.chat(settings, settings.timeout(), settings.temperature(), settings.maxTokens(), false);
        this.streamingModel = settings.offline() ? null : LlmModels.streaming(settings);
        // structured output: deterministic, short, its own timeout, JSON schema declared as supported
        this.extractionModel = settings.offline() ? null
                : LlmModels.chat(settings, settings.extractionTimeout(), 0.0, 400, true);
        this.breakers = breakers;
        this.extractionBreaker = LlmModels.breaker("llm-extraction", settings);
    }

    public String provider() {
        return settings.offline() ? "offline" : settings.provider().toLowerCase(Locale.ROOT);
    }

    /**
     * The reply's circuit breaker, the chat route's (state for health checks; operators and tests may reset it);
     * there once the route has started.
     */
    public CircuitBreaker circuitBreaker() {
        return breakers.find(REPLY_CIRCUIT_BREAKER).orElseThrow(() -> new IllegalStateException(
                "no circuit breaker " + REPLY_CIRCUIT_BREAKER + ": the chat-reply route has not started"));
    }

    /**
     * The model's reply to the turn. Throws when there is no model, or the model fails or is too slow: the chat
     * route's circuit breaker counts it and answers offline ({@code offline-fallback}).
     */
    public String reply(Turn turn, String sessionId, String offlineReply) throws Exception {
        if (model == null) {
            throw new IllegalStateException("no language model configured");
        }
        long start = System.nanoTime();
        try {
            return converse(turn, sessionId, offlineReply, start);
        } catch (Exception e) {
            LOG.warn("LLM reply failed ({}), the offline concierge answers", e.getClass().getSimpleName());
            throw e;
        }
    }

    /**
     * The reply streamed: each piece goes to {@code onChunk} as the model produces it. Throws like {@link #reply};
     * once it has given up on the model (a failure, the timeout), no late piece reaches {@code onChunk}, and the
     * model's stream is cancelled. The caller decides what the customer sees then (the chat route: the offline
     * reply, streamed if none of the model's pieces was shown, else as the final event's reply). When
     * {@code onChunk} fails (the customer closed the stream) it throws {@link ChatStreamClosedException}, which the
     * route's circuit breaker does not count against the model.
     */
    public String streamReply(Turn turn, String sessionId, String offlineReply, Consumer<String> onChunk)
            throws Exception {
        if (streamingModel == null) {
            throw new IllegalStateException("no language model configured");
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
                String text = ModelText.printable(ai.text() != null && !ai.text().isBlank() ? ai.text()
                        : relay.streamed());
                if (text.isBlank()) {
                    throw new IllegalStateException("empty reply");
                }
                relay.close(false);
                return text;
            }
            throw new IllegalStateException("too many tool rounds");
        } catch (Exception e) {
            relay.close(true);
            RuntimeException readerGone = relay.readerFailure();
            if (readerGone != null) {
                // the customer closed the stream: that says nothing about the model (the breaker ignores it)
                LOG.info("Chat stream closed by the client ({}); the model's stream is cancelled",
                        readerGone.getClass().getSimpleName());
                throw readerGone instanceof ChatStreamClosedException closed ? closed
                        : new ChatStreamClosedException("the reader of the stream failed", readerGone);
            }
            LOG.warn("LLM stream failed ({}), the offline concierge answers", e.getClass().getSimpleName());
            throw e;
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
            ChatResponse response = extractionModel.chat(ChatRequest.builder()
                    .messages(SystemMessage.from(StructuredProfile.instructions(today, asked)), UserMessage.from(message))
                    .responseFormat(StructuredProfile.responseFormat()).build());
            ConversationProfile read = StructuredProfile.read(response.aiMessage().text(), message, today);
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
            String text = ModelText.printable(ai.text());
            if (text == null || text.isBlank()) {
                throw new IllegalStateException("empty reply");
            }
            return text;
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
}
