package de.henk.hub.pages;

import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages said {@code X-Frame-Options: DENY} beside {@code frame-ancestors 'self'}: a browser that knows only the
 * older header refused what the CSP allows. Every answer's X-Frame-Options now says what its frame-ancestors says —
 * SAMEORIGIN for 'self', DENY for 'none'.
 */
class FrameOptionsAgreeWithTheCspTest extends HubTest {

    @Test
    void xFrameOptionsSaysWhatFrameAncestorsSays() {
        List<String[]> probes = List.of(new String[] {"GET", "/"}, new String[] {"GET", "/dashboard"},
                new String[] {"GET", "/index.html"}, new String[] {"GET", "/widget.js"}, new String[] {"PUT", "/"},
                new String[] {"GET", "/api/openapi.json"}, new String[] {"GET", "/api/auth/me"},
                new String[] {"GET", "/api/nothing"}, new String[] {"TRACE", "/"}, new String[] {"GET", "/nothing"});
        List<String> failures = new ArrayList<>();
        for (String[] probe : probes) {
            Api.Response response = api.send(probe[0], probe[1], null, Map.of());
            String csp = String.valueOf(response.header("Content-Security-Policy"));
            List<String> frame = response.headers().allValues("X-Frame-Options");
            String expected = csp.contains("frame-ancestors 'self'") ? "SAMEORIGIN"
                    : csp.contains("frame-ancestors 'none'") ? "DENY" : null;
            if (expected == null || !List.of(expected).equals(frame)) {
                failures.add(probe[0] + " " + probe[1] + " -> " + response.status() + " CSP " + csp + " X-Frame-Options "
                        + frame);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(api.get("/", null).header("X-Frame-Options")).isEqualTo("SAMEORIGIN");
        assertThat(api.get("/api/openapi.json", null).header("X-Frame-Options")).isEqualTo("DENY");
    }
}
