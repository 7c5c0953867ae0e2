package de.henk.hub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * An OpenAI-compatible chat-completions server over real HTTP ({@code POST /v1/chat/completions}), scripted per
 * request: a text reply, a tool call, an HTTP error, a delay before any of them — as a JSON completion or, when the
 * request says {@code "stream": true}, as server-sent chunks ending in {@code data: [DONE]}. Unscripted requests
 * get {@link #defaultReply} after {@link #defaultDelayMs}. Every request body is recorded, and when it arrived and
 * was answered ({@link #calls}): whether the hub's two kinds of request — its reading of a message (structured
 * output, a {@code response_format}) and HENK's reply — ran one after the other or side by side.
 */
public final class OpenAiStub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // answer like a real model server: without TCP_NODELAY the JDK's HttpServer sends the body after the
        // headers only once the client acknowledged them, and a keep-alive client (the hub's) delays that ACK by
        // ~40 ms. Read once per JVM, when the first HttpServer starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** One request in time: {@code extraction} or {@code reply}, when it arrived and when it was answered. */
    public record Call(String kind, long receivedNanos, long answeredNanos) {
        /** The two requests were under way at the same time (each arrived before the other was answered). */
        public boolean overlaps(Call other) {
            return receivedNanos < other.answeredNanos && other.receivedNanos < answeredNanos;
        }
    }

    /** One scripted answer. */
    public record Step(int status, String text, String toolName, String toolArguments, long delayMs) {
        public static Step text(String text) { return new Step(200, text, null, null, 0); }
        public static Step toolCall(String name, String arguments) { return new Step(200, null, name, arguments, 0); }
        public static Step error(int status) { return new Step(status, null, null, null, 0); }
        public Step after(long delayMs) { return new Step(status, text, toolName, toolArguments, delayMs); }
    }

    private final HttpServer server;
    private final ConcurrentLinkedDeque<Step> script = new ConcurrentLinkedDeque<>();
    /** Answers to structured-output (profile extraction) requests, those with a {@code response_format}. */
    private final ConcurrentLinkedDeque<Step> extractions = new ConcurrentLinkedDeque<>();
    /** What an unscripted extraction request gets: the model found nothing. */
    public volatile String defaultExtraction = "{}";
    /** When set, answers every unscripted extraction request from the request itself (a model that reads). */
    public volatile java.util.function.Function<JsonNode, String> extractionReader;
    private final List<JsonNode> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger ids = new AtomicInteger();
    public volatile String defaultReply = "Sehr gern – das klingt nach einem wunderbaren Anlass.";
    public volatile long defaultDelayMs = 0;
    public volatile boolean record = true;
    /** Pause between streamed pieces. */
    public volatile long pieceDelayMs = 5;

    private OpenAiStub(HttpServer server) {
        this.server = server;
    }

    /**
     * Stand-alone, for the chat benchmark: {@code java -cp … de.henk.hub.support.OpenAiStub 8199 2000} answers every
     * request after 2000 ms, records nothing. A third argument is what every reading (structured-output request)
     * answers instead of {@code {}} — e.g. {@code '{"style":"modern"}'}, a model that reads more than the rules.
     */
    public static void main(String[] args) throws IOException {
        OpenAiStub stub = start(Integer.parseInt(args[0]));
        stub.defaultDelayMs = Long.parseLong(args[1]);
        if (args.length > 2) {
            stub.defaultExtraction = args[2];
        }
        stub.record = false;
        System.out.println("OpenAI stub on " + stub.baseUrl() + ", answers after " + stub.defaultDelayMs
                + " ms, readings " + stub.defaultExtraction);
    }

    public static OpenAiStub start() throws IOException {
        return start(0);
    }

    public static OpenAiStub start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1000);
        OpenAiStub stub = new OpenAiStub(server);
        server.createContext("/v1/chat/completions", stub::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return stub;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public OpenAiStub then(Step step) {
        script.addLast(step);
        return this;
    }

    /** Scripts the answer to the next profile-extraction request (structured output). */
    public OpenAiStub thenExtraction(Step step) {
        extractions.addLast(step);
        return this;
    }

    public List<JsonNode> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The requests for HENK's replies (without the profile extractions). */
    public List<JsonNode> replyRequests() {
        return requests().stream().filter(r -> !isExtraction(r)).toList();
    }

    /** The requests in the order they arrived, with when they arrived and were answered. */
    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** The profile-extraction requests (structured output). */
    public List<JsonNode> extractionRequests() {
        return requests().stream().filter(OpenAiStub::isExtraction).toList();
    }

    private static boolean isExtraction(JsonNode request) {
        return request.has("response_format");
    }

    public void reset() {
        script.clear();
        extractions.clear();
        defaultExtraction = "{}";
        extractionReader = null;
        requests.clear();
        calls.clear();
        defaultReply = "Sehr gern – das klingt nach einem wunderbaren Anlass.";
        defaultDelayMs = 0;
        pieceDelayMs = 5;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long received = System.nanoTime();
        JsonNode request = null;
        try (exchange) {
            request = JSON.readTree(exchange.getRequestBody());
            if (record) {
                requests.add(request);
            }
            Step step = isExtraction(request) ? extractions.pollFirst() : script.pollFirst();
            if (step == null && isExtraction(request) && extractionReader != null) {
                step = Step.text(extractionReader.apply(request));
            }
            if (step == null) {
                step = Step.text(isExtraction(request) ? defaultExtraction : defaultReply).after(defaultDelayMs);
            }
            if (step.delayMs() > 0) {
                Thread.sleep(step.delayMs());
            }
            if (step.status() != 200) {
                byte[] body = ("{\"error\":{\"message\":\"scripted failure\",\"type\":\"server_error\"}}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(step.status(), body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            if (request.path("stream").asBoolean()) {
                stream(exchange, step);
            } else {
                byte[] body = JSON.writeValueAsBytes(completion(step));
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // the hub gave up (timeout): nothing to answer
        } finally {
            if (record && request != null) {
                calls.add(new Call(isExtraction(request) ? "extraction" : "reply", received, System.nanoTime()));
            }
        }
    }

    private ObjectNode completion(Step step) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-" + ids.incrementAndGet()).put("object", "chat.completion")
                .put("created", System.currentTimeMillis() / 1000).put("model", "stub");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        if (step.toolName() != null) {
            message.putNull("content");
            ObjectNode call = message.putArray("tool_calls").addObject();
            call.put("id", "call_" + ids.incrementAndGet()).put("type", "function");
            call.putObject("function").put("name", step.toolName()).put("arguments", step.toolArguments());
            choice.put("finish_reason", "tool_calls");
        } else {
            message.put("content", step.text());
            choice.put("finish_reason", "stop");
        }
        root.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 10).put("total_tokens", 20);
        return root;
    }

    private void stream(HttpExchange exchange, Step step) throws IOException, InterruptedException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        String id = "chatcmpl-" + ids.incrementAndGet();
        if (step.toolName() != null) {
            ObjectNode delta = JSON.createObjectNode().put("role", "assistant");
            ArrayNode calls = delta.putArray("tool_calls");
            ObjectNode call = calls.addObject();
            call.put("index", 0).put("id", "call_" + ids.incrementAndGet()).put("type", "function");
            call.putObject("function").put("name", step.toolName()).put("arguments", step.toolArguments());
            chunk(out, id, delta, null);
            chunk(out, id, JSON.createObjectNode(), "tool_calls");
        } else {
            chunk(out, id, JSON.createObjectNode().put("role", "assistant").put("content", ""), null);
            for (String piece : step.text().split("(?<= )")) {
                chunk(out, id, JSON.createObjectNode().put("content", piece), null);
                Thread.sleep(pieceDelayMs);
            }
            chunk(out, id, JSON.createObjectNode(), "stop");
        }
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void chunk(OutputStream out, String id, ObjectNode delta, String finish) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", id).put("object", "chat.completion.chunk").put("created", System.currentTimeMillis() / 1000)
                .put("model", "stub");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0).set("delta", delta);
        if (finish == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finish);
        }
        out.write(("data: " + JSON.writeValueAsString(root) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
