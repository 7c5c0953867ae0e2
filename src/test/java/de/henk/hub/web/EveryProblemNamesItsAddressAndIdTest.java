package de.henk.hub.web;

import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every problem document names the address the client asked for as {@code instance} and carries the request's
 * X-Request-Id as {@code request_id}, whichever layer produced it: Spring MVC, Spring Security, the filters in front,
 * the CORS processor, Camel's REST DSL and routes, or Tomcat itself. The CORS refusal had no {@code instance}, and
 * what Tomcat refused on its own (a header too large) neither.
 */
class EveryProblemNamesItsAddressAndIdTest extends HubTest {

    private record Probe(int status, String method, String path, Object body, Map<String, String> headers) { }

    @Test
    void everyStatusNamesThePathAndTheRequestId() {
        Account customer = register(uniqueEmail("probe"));
        String bearer = "Bearer " + customer.accessToken();
        String json = "application/json";
        String tooManyFor = uniqueEmail("nobody");
        List<Probe> probes = new ArrayList<>(List.of(
                new Probe(400, "POST", "/api/auth/login", "{", Map.of()),
                new Probe(400, "GET", "/api/fabrics/search?q=%C3%28", null, Map.of()),
                new Probe(400, "GET", "/api/auth/me", null, Map.of("X-Big", "a".repeat(20_000))),
                new Probe(401, "GET", "/api/auth/me", null, Map.of()),
                new Probe(401, "GET", "/api/crm/deals", null, Map.of("Authorization", "Bearer not-a-token")),
                new Probe(403, "GET", "/api/crm/deals", null, Map.of("Authorization", bearer)),
                new Probe(403, "GET", "/api/fabrics/search?q=blau", null, Map.of("Origin", "https://evil.example")),
                new Probe(404, "GET", "/api/nothing-here", null, Map.of("Authorization", bearer)),
                new Probe(404, "GET", "/api/orders/999999", null, Map.of("Authorization", bearer)),
                new Probe(404, "GET", "/WEB-INF/web.xml", null, Map.of()),
                new Probe(405, "DELETE", "/api/openapi.json", null, Map.of()),
                new Probe(405, "PUT", "/", "{}", Map.of()),
                new Probe(405, "PATCH", "/api/chat/sessions", "{}", Map.of("Authorization", bearer)),
                new Probe(405, "TRACE", "/api/chat", null, Map.of()),
                new Probe(406, "GET", "/api/auth/me", null, Map.of("Authorization", bearer, "Accept", "text/html")),
                new Probe(409, "POST", "/api/auth/register",
                        Map.of("email", customer.email(), "username", "Max", "password", PASSWORD), Map.of()),
                new Probe(413, "POST", "/api/auth/login", "{\"email\":\"" + "a".repeat(200_000) + "\"}", Map.of()),
                new Probe(415, "POST", "/api/auth/login", "x", Map.of("Content-Type", "text/plain"))));
        Map<String, Object> wrong = new LinkedHashMap<>(Map.of("email", tooManyFor, "password", "wrong-password-1"));
        for (int i = 0; i < 6; i++) {
            probes.add(new Probe(i < 5 ? 0 : 429, "POST", "/api/auth/login", wrong, Map.of("Content-Type", json)));
        }
        List<String> failures = new ArrayList<>();
        for (Probe probe : probes) {
            Api.Response response = api.send(probe.method(), probe.path(), probe.body(), probe.headers());
            if (probe.status() == 0) {
                continue;
            }
            String what = probe.method() + " " + probe.path().substring(0, Math.min(60, probe.path().length()))
                    + " -> " + response.status() + " " + response.body();
            if (response.status() != probe.status() || response.json() == null) {
                failures.add("expected " + probe.status() + ": " + what);
                continue;
            }
            String path = probe.path().contains("?") ? probe.path().substring(0, probe.path().indexOf('?'))
                    : probe.path();
            if (!path.equals(response.text("instance"))) {
                failures.add("instance: " + what);
            }
            String requestId = response.header("X-Request-Id");
            if (requestId == null || !requestId.equals(response.text("request_id"))) {
                failures.add("request_id: " + what + " header " + requestId);
            }
        }
        assertThat(failures).isEmpty();
    }
}
