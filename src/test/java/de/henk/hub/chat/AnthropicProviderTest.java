package de.henk.hub.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.henk.hub.chat.llm.LlmConcierge;
import de.henk.hub.support.AnthropicStub;
import de.henk.hub.support.AnthropicStub.Step;
import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import de.henk.hub.support.SecondHub;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code henk.llm.provider: anthropic} speaks the Messages API (the persona goes in {@code system}), as one JSON
 * answer or — for {@code Accept: text/event-stream} — streamed: Claude's server-sent events become the hub's
 * {@code chunk} events as they arrive. When Claude is overloaded or fails mid-stream, the customer still gets the
 * offline concierge's answer, marked {@code offline-fallback}, and that is what the session stores.
 */
class AnthropicProviderTest extends HubTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEDDING = "Ich suche einen Anzug für eine Hochzeit";

    private static AnthropicStub claude;
    private static SecondHub hub;

    @BeforeAll
    static void startClaudeHub() throws Exception {
        claude = AnthropicStub.start();
        hub = SecondHub.start(Map.of("henk.llm.provider", "anthropic", "henk.llm.base-url", claude.baseUrl(),
                "henk.llm.api-key", "sk-ant-test", "henk.llm.model", "claude-stub", "henk.llm.timeout", "3s"));
    }

    @AfterAll
    static void stop() {
        hub.close();
        claude.close();
    }

    @BeforeEach
    void resetClaude() {
        claude.reset();
        hub.context().getBean(LlmConcierge.class).circuitBreaker().reset();
        hub.context().getBean(LlmConcierge.class).extractionCircuitBreaker().reset();
    }

    @Test
    void claudeAnswersThroughTheMessagesApi() {
        claude.thenExtraction("{\"occasion\":\"wedding\",\"style\":\"classic\"}")
                .then(Step.text("Sehr gern, ich bin HENK."));
        Api.Response turn = hub.api().post("/api/chat", Map.of("message", WEDDING), "");
        assertThat(turn.status()).as(turn.toString()).isEqualTo(200);
        assertThat(turn.text("concierge")).isEqualTo("anthropic");
        assertThat(turn.text("reply")).isEqualTo("Sehr gern, ich bin HENK.");
        assertThat(turn.text("phase")).isEqualTo("timing");
        // the message was read first through Anthropic's structured outputs: the style came from the model
        JsonNode extraction = claude.extractionRequests().get(0).body();
        assertThat(extraction.path("output_config").path("format").path("type").asText()).isEqualTo("json_schema");
        assertThat(extraction.path("output_config").path("format").path("schema").path("properties").has("occasion"))
                .isTrue();
        assertThat(extraction.path("stream").asBoolean()).isFalse();
        assertThat(turn.json().path("profile").path("style").asText()).isEqualTo("classic");
        AnthropicStub.Request request = claude.requests().get(0);
        assertThat(request.body().path("model").asText()).isEqualTo("claude-stub");
        assertThat(request.body().path("stream").asBoolean()).isFalse();
        assertThat(request.body().path("system").toString()).contains("Du bist HENK");
        assertThat(request.body().path("messages").get(0).path("role").asText()).isEqualTo("user");
        assertThat(request.apiKey()).isEqualTo("sk-ant-test");
        assertThat(request.version()).isNotBlank();
    }

    @Test
    void claudeReadsTheMessageBesideTheReplyInOneRoundTrip() {
        claude.delayMs = 1000;
        claude.thenExtraction("{\"occasion\":\"wedding\",\"style\":\"classic\"}")
                .then(Step.text("Sehr gern, ich bin HENK."));
        long start = System.nanoTime();
        Api.Response turn = hub.api().post("/api/chat", Map.of("message", WEDDING), "");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(turn.status()).as(turn.toString()).isEqualTo(200);
        assertThat(turn.text("concierge")).isEqualTo("anthropic");
        assertThat(turn.json().path("profile").path("style").asText()).isEqualTo("classic");
        List<AnthropicStub.Call> calls = claude.calls().stream().filter(c -> c.receivedNanos() >= start).toList();
        assertThat(calls).extracting(AnthropicStub.Call::kind).containsExactlyInAnyOrder("extraction", "reply");
        assertThat(calls.get(0).overlaps(calls.get(1))).as("the reading ran beside the reply: " + calls).isTrue();
        assertThat(millis).as("one model round trip (1 s), not two").isLessThan(1900);
    }

    @Test
    void claudesReplyStreamsAsServerSentEvents() throws Exception {
        Account customer = register(uniqueEmail("claude-stream"));
        claude.pieceDelayMs = 300;
        claude.then(Step.text("Sehr gern! ", "Für welche ", "Jahreszeit planen ", "Sie die Hochzeit?"));

        List<Event> events = stream(WEDDING, customer.accessToken());

        assertThat(events).extracting(Event::name).containsExactly("chunk", "chunk", "chunk", "chunk", "done");
        assertThat(events.subList(0, 4)).extracting(e -> e.data().path("text").asText())
                .containsExactly("Sehr gern! ", "Für welche ", "Jahreszeit planen ", "Sie die Hochzeit?");
        // really streamed: each piece arrives when Claude sends it, not all at the end
        assertThat(events.get(3).millis() - events.get(0).millis()).as(events.toString()).isGreaterThan(600);
        JsonNode done = events.get(4).data();
        assertThat(done.path("concierge").asText()).isEqualTo("anthropic");
        assertThat(done.path("reply").asText()).isEqualTo("Sehr gern! Für welche Jahreszeit planen Sie die Hochzeit?");
        assertThat(done.path("phase").asText()).isEqualTo("timing");

        AnthropicStub.Request request = claude.requests().get(0);
        assertThat(request.body().path("stream").asBoolean()).isTrue();
        assertThat(request.body().path("model").asText()).isEqualTo("claude-stub");
        assertThat(request.body().path("system").toString()).contains("Du bist HENK");
        assertThat(request.apiKey()).isEqualTo("sk-ant-test");

        assertThat(storedReply(done.path("session_id").asText(), customer))
                .isEqualTo("Sehr gern! Für welche Jahreszeit planen Sie die Hochzeit?");
    }

    @Test
    void anOverloadedClaudeLeavesTheAnswerToTheOfflineConcierge() throws Exception {
        Account customer = register(uniqueEmail("claude-529"));
        claude.then(Step.httpError(529, "overloaded_error"));

        List<Event> events = stream(WEDDING, customer.accessToken());

        Event done = events.get(events.size() - 1);
        assertThat(done.name()).isEqualTo("done");
        assertThat(done.data().path("concierge").asText()).isEqualTo(LlmConcierge.FALLBACK);
        String reply = done.data().path("reply").asText();
        assertThat(reply).contains("Jahreszeit");
        // nothing came from Claude, so the offline answer streams in its place
        assertThat(events.subList(0, events.size() - 1)).extracting(Event::name).containsOnly("chunk").isNotEmpty();
        assertThat(chunkText(events).strip()).isEqualTo(reply);
        assertThat(storedReply(done.data().path("session_id").asText(), customer)).isEqualTo(reply);
    }

    @Test
    void anErrorEventMidStreamReplacesWhatWasShownWithTheOfflineAnswer() throws Exception {
        Account customer = register(uniqueEmail("claude-error-event"));
        claude.then(Step.errorEventAfter("overloaded_error", "Sehr gern! ", "Für welche "));

        List<Event> events = stream(WEDDING, customer.accessToken());

        assertThat(events).extracting(Event::name).containsExactly("chunk", "chunk", "done");
        assertThat(chunkText(events)).isEqualTo("Sehr gern! Für welche ");
        JsonNode done = events.get(2).data();
        assertThat(done.path("concierge").asText()).isEqualTo(LlmConcierge.FALLBACK);
        String reply = done.path("reply").asText();
        assertThat(reply).contains("Jahreszeit").doesNotStartWith("Sehr gern! Für welche");
        // the session keeps the answer the customer is told to keep, not Claude's half sentence
        assertThat(storedReply(done.path("session_id").asText(), customer)).isEqualTo(reply);
    }

    @Test
    void aStreamSlowerThanTheTimeoutEndsWithTheOfflineAnswerAndNothingAfterIt() throws Exception {
        Account customer = register(uniqueEmail("claude-slow"));
        claude.pieceDelayMs = 1200;  // five pieces: 6 s, against the hub's 3 s
        claude.then(Step.text("Eins. ", "Zwei. ", "Drei. ", "Vier. ", "Fünf."));

        long start = System.nanoTime();
        List<Event> events = stream(WEDDING, customer.accessToken());
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(millis).as("answered at the 3 s timeout, not after Claude's 6 s").isLessThan(5000);
        Event done = events.get(events.size() - 1);
        assertThat(done.name()).as(events.toString()).isEqualTo("done");
        assertThat(done.data().path("concierge").asText()).isEqualTo(LlmConcierge.FALLBACK);
        assertThat(events).filteredOn(e -> e.name().equals("done")).hasSize(1);
        // the hub stops reading (and paying for) a stream it no longer uses
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> claude.abandonedStreams() == 1);
        assertThat(storedReply(done.data().path("session_id").asText(), customer))
                .isEqualTo(done.data().path("reply").asText());
    }

    /** One server-sent event as the client received it, and when (ms after the request was sent). */
    private record Event(String name, JsonNode data, long millis) { }

    private static List<Event> stream(String message, String token) throws Exception {
        long start = System.nanoTime();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(hub.api().baseUrl() + "/api/chat")).timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(Api.write(Map.of("message", message)))).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<Event> events = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("event: ")) {
                    name = line.substring("event: ".length());
                } else if (line.startsWith("data: ")) {
                    events.add(new Event(name, JSON.readTree(line.substring("data: ".length())),
                            (System.nanoTime() - start) / 1_000_000));
                }
            }
        }
        return events;
    }

    private static String chunkText(List<Event> events) {
        StringBuilder text = new StringBuilder();
        events.stream().filter(e -> e.name().equals("chunk")).forEach(e -> text.append(e.data().path("text").asText()));
        return text.toString();
    }

    /** HENK's last message in the session, as the customer reads it back. */
    private String storedReply(String sessionId, Account customer) {
        Api.Response session = api.get("/api/chat/sessions/" + sessionId, customer.accessToken());
        assertThat(session.status()).as(session.toString()).isEqualTo(200);
        JsonNode messages = session.json().path("messages");
        JsonNode last = messages.get(messages.size() - 1);
        assertThat(last.path("author").asText()).isEqualTo("henk");
        return last.path("content").asText();
    }
}
