package de.henk.hub.web;

import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An address the hub does not serve is a 404 {@code not_found} for anyone, signed in or not, with or without a
 * token: {@code /foo}, {@code /.env} and {@code /wp-login.php} answered 401 ("sign in") or 403. What exists keeps
 * its rules: the API's protected endpoints and the actuator's still answer 401/403, the pages are still served.
 */
class UnknownAddressesAreNotFoundTest extends HubTest {

    private static final List<String> UNKNOWN = List.of("/foo", "/admin.php", "/.env", "/wp-login.php",
            "/wp-admin/setup-config.php", "/index.php", "/foo/bar.html", "/static/widget.js", "/nope.js",
            "/index.htm", "/dashboard/x", "/index.html/", "/WEB-INF/web.xml", "/META-INF/MANIFEST.MF",
            "/webjars/jquery/jquery.min.js", "/application.yml", "/db/migration/V1__walking_skeleton.sql",
            "/templates/mail/lead-created-team.de.txt", "/h2-console", "/apix", "/actuatorx",
            "/%61dmin.php");

    @Test
    void anUnknownAddressIsA404ForAnyone() {
        String customer = register(uniqueEmail("unknown")).accessToken();
        List<String> failures = new ArrayList<>();
        for (String path : UNKNOWN) {
            for (String method : List.of("GET", "POST", "PUT", "DELETE", "HEAD")) {
                for (String token : new String[] {null, "", "not-a-token", customer}) {
                    Api.Response response = api.send(method, path, method.equals("POST") ? "{}" : null,
                            Api.headers(token));
                    // (WEB-INF and META-INF Tomcat refuses itself, before the hub's filters: 404 not_found too)
                    boolean found = response.status() == 404
                            && (method.equals("HEAD") || "not_found".equals(response.text("code")));
                    if (!found) {
                        failures.add(method + " " + path + " (token " + token + "): " + response);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        Api.Response problem = api.get("/wp-login.php", null);
        assertThat(problem.header("Content-Type")).startsWith("application/problem+json");
        assertThat(problem.text("instance")).isEqualTo("/wp-login.php");
        assertThat(problem.header("X-Request-Id")).isEqualTo(problem.text("request_id")).isNotBlank();
    }

    @Test
    void protectedEndpointsThatExistStillNeedTheRightToken() {
        String customer = register(uniqueEmail("unknown-protected")).accessToken();
        String sales = salesPerson().accessToken();
        for (String path : List.of("/api/crm/deals", "/api/orders", "/api/analytics/summary", "/api/handoffs")) {
            status(api.get(path, null), 401, "authentication_required");
            status(api.get(path, "not-a-token"), 401, "invalid_token");
            status(api.get(path, customer), 403, "forbidden");
        }
        for (String path : List.of("/api/admin/users", "/api/admin/crm/outbox")) {
            status(api.get(path, null), 401, "authentication_required");
            status(api.get(path, sales), 403, "forbidden");
        }
        status(api.get("/api/auth/me", null), 401, "authentication_required");
        status(api.get("/api/auth/me", "not-a-token"), 401, "invalid_token");
        // an unknown API address does not tell strangers what the API has
        status(api.get("/api/no-such-endpoint", null), 401, "authentication_required");
        // the actuator: what is not public stays closed, whether it is exposed or not
        for (String path : List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/heapdump")) {
            status(api.get(path, null), 401, "authentication_required");
            status(api.get(path, customer), 403, "forbidden");
        }
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(200);
    }

    @Test
    void thePagesAreStillServedAndOtherMethodsOnThemAre405() {
        for (String path : List.of("/", "/index.html", "/dashboard", "/widget.js", "/api/openapi.json")) {
            Api.Response page = api.get(path, null);
            assertThat(page.status()).as(path).isEqualTo(200);
            Api.Response post = api.send("POST", path, "{}", Map.of());
            assertThat(post.status()).as("POST " + path + ": " + post).isEqualTo(405);
            assertThat(post.text("code")).isEqualTo("method_not_allowed");
        }
        status(api.get("/error", null), 404, "not_found");
    }

    private static void status(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.text("code")).as(response.toString()).isEqualTo(code);
    }
}
