package de.henk.hub.web;

import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request refused before Spring Security's header writer or the request id filter ran — by a filter in front
 * (unknown address, wrong media type, bad query, refused origin), by the firewall (//), or by the servlet container
 * on its error dispatch (TRACE, /WEB-INF/…) — carries the same X-Request-Id and security headers as every other
 * answer: they came without nosniff, frame and cache headers and CSP, and the last ones without a request id.
 */
class EveryRefusalCarriesItsIdAndSecurityHeadersTest extends HubTest {

    private record Probe(String method, String path, String body, Map<String, String> headers) { }

    @Test
    void everyEarlyRefusalCarriesTheRequestIdAndTheSecurityHeaders() {
        List<Probe> probes = List.of(
                new Probe("TRACE", "/api/chat", null, Map.of()),
                new Probe("TRACE", "/", null, Map.of()),
                new Probe("GET", "/WEB-INF/web.xml", null, Map.of()),
                new Probe("GET", "/META-INF/MANIFEST.MF", null, Map.of()),
                new Probe("GET", "/.env", null, Map.of()),
                new Probe("GET", "/api//chat/sessions", null, Map.of()),
                new Probe("GET", "/api/fabrics/search?q=%C3%28", null, Map.of()),
                new Probe("POST", "/api/chat", "x", Map.of("Content-Type", "text/plain")),
                new Probe("GET", "/api/fabrics/search?q=blau", null, Map.of("Origin", "https://evil.example")));
        List<String> failures = new ArrayList<>();
        for (Probe probe : probes) {
            Api.Response response = api.send(probe.method(), probe.path(), probe.body(), probe.headers());
            String what = probe.method() + " " + probe.path() + " -> " + response.status() + " " + response.headers().map();
            if (response.status() < 400 || !response.header("Content-Type").startsWith("application/problem+json")) {
                failures.add("not a problem: " + what);
                continue;
            }
            String requestId = response.header("X-Request-Id");
            if (requestId == null || !requestId.equals(response.text("request_id"))) {
                failures.add("request id: " + what + " body " + response.body());
            }
            for (String header : List.of("X-Content-Type-Options", "X-Frame-Options", "Cache-Control",
                    "Content-Security-Policy")) {
                if (response.headers().allValues(header).size() != 1) {
                    failures.add(header + " not once: " + what);
                }
            }
            if (!"nosniff".equals(response.header("X-Content-Type-Options"))) {
                failures.add("nosniff: " + what);
            }
        }
        assertThat(failures).isEmpty();
        // the container's error dispatch names the address asked for, not its own /error
        assertThat(api.get("/WEB-INF/web.xml", null).text("instance")).isEqualTo("/WEB-INF/web.xml");
        Api.Response ownId = api.send("TRACE", "/api/chat", null, Map.of("X-Request-Id", "trace-probe-1"));
        assertThat(ownId.header("X-Request-Id")).isEqualTo("trace-probe-1");
    }

    @Test
    void anOrdinaryAnswerKeepsItsHeadersOnce() {
        Api.Response refused = api.get("/api/crm/deals", null);
        assertThat(refused.status()).isEqualTo(401);
        for (String header : List.of("X-Request-Id", "X-Content-Type-Options", "X-Frame-Options", "Cache-Control",
                "Content-Security-Policy")) {
            assertThat(refused.headers().allValues(header)).as(header).hasSize(1);
        }
        assertThat(refused.header("X-Request-Id")).isEqualTo(refused.text("request_id"));
    }
}
