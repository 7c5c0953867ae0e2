package de.henk.hub.chat.llm;

import de.henk.hub.catalog.FabricHit;
import de.henk.hub.chat.ChatSessions;
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
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * timeout or an open circuit returns the offline concierge's reply, marked {@code offline-fallback}. Logs name the
 * failure, never what the customer wrote.
 */
@Component
public class LlmConcierge {

    private static final Logger LOG = LoggerFactory.getLogger(LlmConcierge.class);
    private static final int MAX_TOOL_ROUNDS = 3;
    public static final String FALLBACK = "offline-fallback";

    public record Answer(String reply, String concierge) { }

    private final LlmSettings settings;
    private final PersonaPrompt prompt;
    private final ConciergeTools tools;
    private final FabricAdvisor advisor;
    private final ChatSessions sessions;
    private final ChatModel model;
    private final StreamingChatModel streamingModel;
    private final CircuitBreaker breaker;

    public LlmConcierge(LlmSettings settings, PersonaPrompt prompt, ConciergeTools tools, FabricAdvisor advisor,
                        ChatSessions sessions) {
        this.settings = settings;
        this.prompt = prompt;
        this.tools = tools;
        this.advisor = advisor;
        this.sessions = sessions;
        this.model = settings.offline() ? null : model(settings);
        this.streamingModel = settings.offline() ? null : streamingModel(settings);
        this.breaker = CircuitBreaker.of("llm", CircuitBreakerConfig.custom()
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

    public Answer answer(Turn turn, String sessionId, String offlineReply) {
        if (model == null) {
            return new Answer(offlineReply, "offline");
        }
        if (!breaker.tryAcquirePermission()) {
            return new Answer(offlineReply, FALLBACK);
        }
        long start = System.nanoTime();
        try {
            String reply = converse(turn, sessionId, offlineReply, start);
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return new Answer(reply, provider());
        } catch (Exception e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            LOG.warn("LLM reply failed ({}), the offline concierge answers", e.getClass().getSimpleName());
            return new Answer(offlineReply, FALLBACK);
        }
    }

    /**
     * The reply streamed: each piece goes to {@code onChunk} as the model produces it. When the model fails before
     * the first piece, the offline reply is streamed instead; when it fails later, the answer is the offline reply and
     * the caller tells the client to replace what it showed. Once this method has given up on the model (a failure,
     * the timeout), no late piece reaches {@code onChunk}, and the model's stream is cancelled.
     */
    public Answer stream(Turn turn, String sessionId, String offlineReply, Consumer<String> onChunk) {
        if (streamingModel == null || !breaker.tryAcquirePermission()) {
            streamOffline(offlineReply, onChunk);
            return new Answer(offlineReply, streamingModel == null ? "offline" : FALLBACK);
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
                return new Answer(text.strip(), provider());
            }
            throw new IllegalStateException("too many tool rounds");
        } catch (Exception e) {
            boolean shown = relay.close(true);
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            LOG.warn("LLM stream failed ({}), the offline concierge answers", e.getClass().getSimpleName());
            if (!shown) {
                streamOffline(offlineReply, onChunk);
            }
            return new Answer(offlineReply, FALLBACK);
        }
    }

    /** The offline concierge's reply as a stream: one sentence per piece. */
    private static void streamOffline(String offlineReply, Consumer<String> onChunk) {
        for (String piece : offlineReply.split("(?<=[.!?])\\s+")) {
            onChunk.accept(piece + " ");
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

    private static final java.util.Set<String> OCCASIONS = java.util.Set.of("wedding", "business", "gala", "christening",
            "prom", "everyday");
    private static final java.util.Set<String> GARMENTS = java.util.Set.of("suit", "three-piece", "tuxedo", "jacket",
            "trousers", "vest", "coat", "shirt");
    private static final java.util.Set<String> STYLES = java.util.Set.of("classic", "modern", "casual", "extravagant");
    private static final java.util.Set<String> SEASONS = java.util.Set.of("summer", "winter", "spring", "autumn");
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * Structured-output extraction, for messages the rules understood nothing of ("Mein Bruder gibt sich bald das
     * Ja-Wort"): the model returns the profile fields as JSON, and only what passes the cross-check is kept — known
     * vocabulary, an amount only when the message has digits, a month only within the next two years, and never
     * contact data (that comes from the rules alone). Empty when offline, when the circuit is open, or on failure.
     */
    public java.util.Optional<de.henk.hub.chat.ConversationProfile> extractProfile(String message,
                                                                                    java.time.LocalDate today) {
        if (model == null || !breaker.tryAcquirePermission()) {
            return java.util.Optional.empty();
        }
        long start = System.nanoTime();
        try {
            ChatResponse response = model.chat(ChatRequest.builder()
                    .messages(SystemMessage.from(EXTRACTION_PROMPT.replace("{{today}}", today.toString())),
                            UserMessage.from(message))
                    .responseFormat(dev.langchain4j.model.chat.request.ResponseFormat.JSON).build());
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            String text = response.aiMessage().text();
            if (text == null) {
                return java.util.Optional.empty();
            }
            text = text.replaceAll("(?s)^```(json)?|```$", "").strip();
            return java.util.Optional.of(crossChecked(JSON.readTree(text), message, today));
        } catch (Exception e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            LOG.warn("LLM extraction failed ({}), the rules alone decide", e.getClass().getSimpleName());
            return java.util.Optional.empty();
        }
    }

    static de.henk.hub.chat.ConversationProfile crossChecked(com.fasterxml.jackson.databind.JsonNode json, String message,
                                                             java.time.LocalDate today) {
        de.henk.hub.chat.ConversationProfile.Builder profile = de.henk.hub.chat.ConversationProfile.builder();
        String occasion = json.path("occasion").asText(null);
        if (occasion != null && OCCASIONS.contains(occasion)) {
            profile.occasion(occasion);
        }
        String garment = json.path("garment").asText(null);
        if (garment != null && GARMENTS.contains(garment)) {
            profile.garment(garment);
        }
        String style = json.path("style").asText(null);
        if (style != null && STYLES.contains(style)) {
            profile.style(style);
        }
        if (json.path("budget_eur").canConvertToInt() && message.matches("(?s).*\\d.*")) {
            int budget = json.path("budget_eur").asInt();
            if (budget >= 300 && budget <= 50_000) {
                profile.budget(budget, null);
            }
        }
        String month = json.path("event_month").asText(null);
        String season = json.path("season").asText(null);
        try {
            if (month != null) {
                java.time.YearMonth ym = java.time.YearMonth.parse(month);
                if (!ym.isBefore(java.time.YearMonth.from(today)) && !ym.isAfter(java.time.YearMonth.from(today).plusMonths(24))) {
                    profile.timing(null, ym.toString(), null, ym.atDay(1).toString(), ym.atEndOfMonth().toString(), null);
                }
            } else if (season != null && SEASONS.contains(season)) {
                profile.timing(null, null, season, null, null, null);
            }
        } catch (java.time.format.DateTimeParseException ignored) {
            // not a month: left out
        }
        return profile.build();
    }

    private static final String EXTRACTION_PROMPT = """
            Du liest eine Nachricht an eine Maßschneiderei und gibst NUR ein JSON-Objekt zurück, mit diesen Feldern,
            wenn die Nachricht sie eindeutig nennt (sonst weglassen):
            occasion: wedding|business|gala|christening|prom|everyday
            garment: suit|three-piece|tuxedo|jacket|trousers|vest|coat|shirt
            style: classic|modern|casual|extravagant
            budget_eur: ganze Zahl in Euro
            event_month: YYYY-MM (heute ist {{today}}; "im Juni" ist der nächste Juni)
            season: summer|winter|spring|autumn
            Keine Namen, E-Mail-Adressen oder Telefonnummern. Nichts erfinden.""";

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

    private static ChatModel model(LlmSettings s) {
        return switch (s.provider().toLowerCase(Locale.ROOT)) {
            case "openai" -> OpenAiChatModel.builder().baseUrl(blankToNull(s.baseUrl())).apiKey(key(s))
                    .modelName(s.model() == null || s.model().isBlank() ? "gpt-4o-mini" : s.model())
                    .timeout(s.timeout()).maxRetries(0).temperature(s.temperature()).maxTokens(s.maxTokens()).build();
            case "anthropic" -> AnthropicChatModel.builder().baseUrl(blankToNull(s.baseUrl())).apiKey(key(s))
                    .modelName(s.model() == null || s.model().isBlank() ? "claude-sonnet-4-5" : s.model())
                    .timeout(s.timeout()).maxRetries(0).temperature(s.temperature()).maxTokens(s.maxTokens()).build();
            default -> throw new IllegalStateException("henk.llm.provider must be offline, openai or anthropic, not "
                    + s.provider());
        };
    }

    private static StreamingChatModel streamingModel(LlmSettings s) {
        return switch (s.provider().toLowerCase(Locale.ROOT)) {
            case "openai" -> OpenAiStreamingChatModel.builder().baseUrl(blankToNull(s.baseUrl())).apiKey(key(s))
                    .modelName(s.model() == null || s.model().isBlank() ? "gpt-4o-mini" : s.model())
                    .timeout(s.timeout()).temperature(s.temperature()).maxTokens(s.maxTokens()).build();
            case "anthropic" -> AnthropicStreamingChatModel.builder().baseUrl(blankToNull(s.baseUrl())).apiKey(key(s))
                    .modelName(s.model() == null || s.model().isBlank() ? "claude-sonnet-4-5" : s.model())
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
