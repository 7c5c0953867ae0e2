package de.henk.hub.system;

import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsAndRequestIdsTest extends HubTest {

    @Test
    void prometheusHasMetricsPerRouteAndPerPipedriveCall() {
        Account customer = register(uniqueEmail("kunde"));
        api.post("/api/chat", Map.of("message", "Hallo"), null);
        api.post("/api/crm/lead", Map.of("name", "Max", "email", customer.email(), "deal_title", "Anzug",
                "deal_value", 1200), customer.accessToken());
        Api.Response metrics = api.get("/actuator/prometheus", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("henk_route_exchanges_seconds_count{outcome=\"success\",route=\"")
                .contains("henk_route_exchanges_seconds_count{outcome=\"success\",route=\"chat-turn\"}")
                .contains("henk_endpoint_calls_seconds_count{endpoint=\"direct://pipedrive-call\"")
                .contains("/api/v2/persons/search\"")
                .doesNotContain(customer.email());
        // the server's own request metric stays; Spring Security's per-filter observations are off by default
        assertThat(metrics.body())
                .contains("http_server_requests_seconds_count{")
                .doesNotContain("spring_security_");
    }

    @Test
    void requestIdsAreEchoedOrGenerated() {
        Api.Response mine = api.send("POST", "/api/chat", Map.of("message", "Hallo"),
                Map.of("X-Request-Id", "frontend-req-12345"));
        assertThat(mine.header("X-Request-Id")).isEqualTo("frontend-req-12345");
        Api.Response generated = api.send("POST", "/api/chat", Map.of("message", "Hallo"),
                Map.of("X-Request-Id", "evil id; drop"));
        assertThat(generated.header("X-Request-Id")).hasSize(36);
        Api.Response problem = api.post("/api/chat", "{", null);
        assertThat(problem.json().path("request_id").asText()).isEqualTo(problem.header("X-Request-Id"));
    }
}
