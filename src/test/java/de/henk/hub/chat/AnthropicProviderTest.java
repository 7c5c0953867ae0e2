package de.henk.hub.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import de.henk.hub.support.SecondHub;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code henk.llm.provider: anthropic} speaks the Messages API: the persona goes in {@code system}. */
class AnthropicProviderTest extends HubTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void claudeAnswersThroughTheMessagesApi() throws Exception {
        List<JsonNode> requests = new CopyOnWriteArrayList<>();
        List<String> keys = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/v1/messages", exchange -> {
            try (exchange) {
                JsonNode received = JSON.readTree(exchange.getRequestBody());
                requests.add(received);
                keys.add(exchange.getRequestHeaders().getFirst("x-api-key"));
                // structured output (output_config) gets the profile as JSON text, a reply the persona's words
                String text = received.has("output_config") ? "{\\\"occasion\\\":\\\"wedding\\\",\\\"style\\\":\\\"classic\\\"}"
                        : "Sehr gern, ich bin HENK.";
                byte[] body = ("""
                        {"id":"msg_1","type":"message","role":"assistant","model":"claude-stub",
                         "content":[{"type":"text","text":"%s"}],
                         "stop_reason":"end_turn","stop_sequence":null,
                         "usage":{"input_tokens":10,"output_tokens":5}}""").formatted(text)
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        try (SecondHub hub = SecondHub.start(Map.of("henk.llm.provider", "anthropic",
                "henk.llm.base-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/",
                "henk.llm.api-key", "sk-ant-test", "henk.llm.model", "claude-stub"))) {
            Api.Response turn = hub.api().post("/api/chat", Map.of("message", "Ich suche einen Anzug für eine Hochzeit"), "");
            assertThat(turn.status()).as(turn.toString()).isEqualTo(200);
            assertThat(turn.text("concierge")).isEqualTo("anthropic");
            assertThat(turn.text("reply")).isEqualTo("Sehr gern, ich bin HENK.");
            assertThat(turn.text("phase")).isEqualTo("timing");
            // the message was read through Anthropic's structured outputs first: the style came from the model
            JsonNode extraction = requests.get(0);
            assertThat(extraction.path("output_config").path("format").path("type").asText()).isEqualTo("json_schema");
            assertThat(extraction.path("output_config").path("format").path("schema").path("properties").has("occasion"))
                    .isTrue();
            assertThat(turn.json().path("profile").path("style").asText()).isEqualTo("classic");
            JsonNode request = requests.get(1);
            assertThat(request.path("model").asText()).isEqualTo("claude-stub");
            assertThat(request.path("system").toString()).contains("Du bist HENK");
            assertThat(request.path("messages").get(0).path("role").asText()).isEqualTo("user");
            assertThat(keys.get(0)).isEqualTo("sk-ant-test");
        } finally {
            server.stop(0);
        }
    }
}
