package de.henk.hub.auth;

import static org.assertj.core.api.Assertions.assertThat;

import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import de.henk.hub.support.SecondHub;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.junit.jupiter.api.Test;

/**
 * Spring Security's path rules are the gate; a route's access level (routes/api.camel.yaml) is checked again by the
 * route. So an endpoint someone forgot to add to SecurityConfig is still closed to the wrong role: here a sales-team
 * route (src/test/resources/route-access) that no path rule names, on a hub of its own.
 */
class RouteRefusesAWrongRoleWithoutAPathRuleTest extends HubTest {

    private static final String PATH = "/api/route-access-test/sales-only";

    @Test
    void aCustomerIsRefusedByTheRouteItselfAndTheSalesTeamGetsIn() throws Exception {
        Account customer = register(uniqueEmail("no-path-rule"));
        Account sales = salesPerson();
        String routes = "file:" + Path.of("routes").toAbsolutePath() + "/*.camel.yaml,file:"
                + Path.of("src/test/resources/route-access").toAbsolutePath() + "/*.camel.yaml";
        try (SecondHub hub = SecondHub.start(Map.of("camel.main.routes-include-pattern", routes))) {
            ManagedRouteMBean route = hub.context().getBean(CamelContext.class).getCamelContextExtension()
                    .getContextPlugin(ManagedCamelContext.class).getManagedRoute("route-access-test-sales-only");
            assertThat(route).as("the test-only route is loaded").isNotNull();

            Api.Response refused = hub.api().get(PATH, customer.accessToken());
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.text("code")).isEqualTo("forbidden");
            // the route's words, not Spring Security's ("You are not allowed to do this"): no path rule stopped it
            assertThat(refused.text("detail")).isEqualTo("This needs the BETA role");
            assertThat(route.getExchangesTotal()).as("the customer's request reached the route").isEqualTo(1);

            Api.Response admitted = hub.api().get(PATH, sales.accessToken());
            assertThat(admitted.status()).as(admitted.toString()).isEqualTo(200);
            assertThat(admitted.json().asText()).as("the caller the access level identified").isEqualTo(sales.userId());

            // anonymous: Spring Security's catch-all rule for /api/** still answers first
            Api.Response anonymous = hub.api().get(PATH, null);
            assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
            assertThat(anonymous.text("code")).isEqualTo("authentication_required");
            assertThat(route.getExchangesTotal()).as("the anonymous request never reached the route").isEqualTo(2);
        }
    }
}
