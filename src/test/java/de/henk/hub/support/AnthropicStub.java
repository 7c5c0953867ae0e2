package de.henk.hub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Anthropic's Messages API over real HTTP ({@code POST /v1/messages}), scripted per request. A reply is a JSON
 * message, or — when the request says {@code "stream": true} — the server-sent events Anthropic documents for
 * streaming: {@code message_start}, {@code content_block_start}, a {@code ping}, one {@code content_block_delta}
 * ({@code text_delta}) per piece, {@code content_block_stop}, {@code message_delta} with the stop reason and usage,
 * {@code message_stop}. Failures: an HTTP error with Anthropic's error body (e.g. 529 {@code overloaded_error}), or
 * an {@code error} event in the middle of a stream. Records every request body and its headers, when each request
 * arrived and was answered ({@link #calls}), and how many streams the client hung up on before they ended.
 */
public final class AnthropicStub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // answer like a real model server: without TCP_NODELAY the JDK's HttpServer sends the body after the
        // headers only once the client acknowledged them, and a keep-alive client (the hub's) delays that ACK by
        // ~40 ms. Read once per JVM, when the first HttpServer starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** One scripted answer: the reply's pieces, then either the end of the message or an error. */
    public record Step(List<String> pieces, int status, String errorType) {
        /** A reply; streamed piece by piece. */
        public static Step text(String... pieces) { return new Step(List.of(pieces), 200, null); }
        /** An HTTP error before anything is streamed, e.g. {@code 529, "overloaded_error"}. */
        public static Step httpError(int status, String errorType) { return new Step(List.of(), status, errorType); }
        /** A stream that sends these pieces and then an {@code error} event instead of the end of the message. */
        public static Step errorEventAfter(String errorType, String... pieces) {
            return new Step(List.of(pieces), 200, errorType);
        }
    }

    /** One request in time: {@code extraction} or {@code reply}, when it arrived and when it was answered. */
    public record Call(String kind, long receivedNanos, long answeredNanos) {
        /** The two requests were under way at the same time (each arrived before the other was answered). */
        public boolean overlaps(Call other) {
            return receivedNanos < other.answeredNanos && other.receivedNanos < answeredNanos;
        }
    }

    /** A request as it arrived: the JSON body and the headers that matter. */
    public record Request(JsonNode body, String apiKey, String version) { }

    private final HttpServer server;
    private final ConcurrentLinkedDeque<Step> script = new ConcurrentLinkedDeque<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    /** Structured-output requests ({@code output_config}: the hub reading a message) and their scripted answers. */
    private final ConcurrentLinkedDeque<Step> extractions = new ConcurrentLinkedDeque<>();
    private final List<Request> extractionRequests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger abandonedStreams = new AtomicInteger();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    /** Pause before each streamed piece. */
    public volatile long pieceDelayMs = 5;
    /** Pause before answering any request (a model that takes its time). */
    public volatile long delayMs = 0;

    private AnthropicStub(HttpServer server) {
        this.server = server;
    }

    public static AnthropicStub start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        AnthropicStub stub = new AnthropicStub(server);
        server.createContext("/v1/messages", stub::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return stub;
    }

    /** What {@code henk.llm.base-url} is set to for Anthropic. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/";
    }

    public AnthropicStub then(Step step) {
        script.addLast(step);
        return this;
    }

    /** Scripts the JSON text answering the next structured-output request (unscripted: {@code {}}, nothing read). */
    public AnthropicStub thenExtraction(String json) {
        extractions.addLast(Step.text(json));
        return this;
    }

    /** The requests for HENK's replies. */
    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The structured-output requests (profile extraction). */
    public List<Request> extractionRequests() {
        synchronized (extractionRequests) {
            return List.copyOf(extractionRequests);
        }
    }

    /** Every request in the order it arrived, with when it arrived and was answered. */
    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** Streams the client closed before their last event. */
    public int abandonedStreams() {
        return abandonedStreams.get();
    }

    public void reset() {
        script.clear();
        requests.clear();
        extractions.clear();
        extractionRequests.clear();
        abandonedStreams.set(0);
        calls.clear();
        pieceDelayMs = 5;
        delayMs = 0;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long received = System.nanoTime();
        boolean extraction = false;
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            extraction = request.has("output_config");
            (extraction ? extractionRequests : requests).add(new Request(request,
                    exchange.getRequestHeaders().getFirst("x-api-key"),
                    exchange.getRequestHeaders().getFirst("anthropic-version")));
            Step step = extraction ? extractions.pollFirst() : script.pollFirst();
            if (step == null) {
                step = Step.text(extraction ? "{}" : "Sehr gern.");
            }
            if (delayMs > 0) {
                Thread.sleep(delayMs);
            }
            if (step.status() != 200) {
                ObjectNode error = JSON.createObjectNode().put("type", "error");
                error.putObject("error").put("type", step.errorType()).put("message", "scripted: " + step.errorType());
                send(exchange, step.status(), error);
            } else if (request.path("stream").asBoolean()) {
                stream(exchange, step, request.path("model").asText());
            } else {
                send(exchange, 200, message(step, request.path("model").asText()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            calls.add(new Call(extraction ? "extraction" : "reply", received, System.nanoTime()));
        }
    }

    private ObjectNode message(Step step, String model) {
        ObjectNode message = JSON.createObjectNode();
        message.put("id", "msg_stub_" + ids.incrementAndGet()).put("type", "message").put("role", "assistant")
                .put("model", model);
        message.putArray("content").addObject().put("type", "text").put("text", String.join("", step.pieces()));
        message.put("stop_reason", "end_turn").putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", 25).put("output_tokens", step.pieces().size());
        return message;
    }

    private void stream(HttpExchange exchange, Step step, String model) throws IOException, InterruptedException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().add("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        try {
            ObjectNode start = JSON.createObjectNode().put("type", "message_start");
            ObjectNode message = start.putObject("message");
            message.put("id", "msg_stub_" + ids.incrementAndGet()).put("type", "message").put("role", "assistant")
                    .put("model", model);
            message.putArray("content");
            message.putNull("stop_reason").putNull("stop_sequence");
            message.putObject("usage").put("input_tokens", 25).put("output_tokens", 1);
            event(out, "message_start", start);
            ObjectNode blockStart = JSON.createObjectNode().put("type", "content_block_start").put("index", 0);
            blockStart.putObject("content_block").put("type", "text").put("text", "");
            event(out, "content_block_start", blockStart);
            event(out, "ping", JSON.createObjectNode().put("type", "ping"));
            for (String piece : step.pieces()) {
                Thread.sleep(pieceDelayMs);
                ObjectNode delta = JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
                delta.putObject("delta").put("type", "text_delta").put("text", piece);
                event(out, "content_block_delta", delta);
            }
            if (step.errorType() != null) {
                ObjectNode error = JSON.createObjectNode().put("type", "error");
                error.putObject("error").put("type", step.errorType()).put("message", "scripted: " + step.errorType());
                event(out, "error", error);
                return;
            }
            event(out, "content_block_stop", JSON.createObjectNode().put("type", "content_block_stop").put("index", 0));
            ObjectNode messageDelta = JSON.createObjectNode().put("type", "message_delta");
            messageDelta.putObject("delta").put("stop_reason", "end_turn").putNull("stop_sequence");
            messageDelta.putObject("usage").put("output_tokens", step.pieces().size());
            event(out, "message_delta", messageDelta);
            event(out, "message_stop", JSON.createObjectNode().put("type", "message_stop"));
        } catch (IOException hungUp) {
            abandonedStreams.incrementAndGet();
        }
    }

    private static void event(OutputStream out, String name, ObjectNode data) throws IOException {
        out.write(("event: " + name + "\ndata: " + JSON.writeValueAsString(data) + "\n\n")
                .getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
