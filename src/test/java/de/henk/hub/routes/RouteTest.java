package de.henk.hub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import de.henk.hub.HenkHubApplication;
import de.henk.hub.auth.Caller;
import de.henk.hub.auth.Role;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.AdviceWithRouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.apache.camel.util.function.ThrowingConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the route tests: the hub's real routes (routes/*.camel.yaml) and beans, advised by route and step id
 * before Camel starts ({@link UseAdviceWith}), then driven through their {@code direct:} entry points. Each test
 * class gets a hub of its own — advice changes routes, so no other test may share it ({@link DirtiesContext}) — on
 * its own in-memory database, with Pipedrive sync paused (no token), mail written as files, events in the JVM and
 * every timer set to an hour: nothing runs unless the test sends it.
 */
@CamelSpringBootTest
@UseAdviceWith
@DirtiesContext
@SpringBootTest(classes = HenkHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "henk.pipedrive.api-token=",
        "henk.jwt.secret=test-only-hmac-key-of-at-least-32-bytes!",
        "henk.mail.host=",
        "henk.mail.team=" + RouteTest.TEAM,
        "henk.events.uri=seda:route-test-events",
        "henk.crm.outbox.poll-interval=1h",
        "henk.events.poll-interval=1h",
        "henk.mail.poll-interval=1h",
        "henk.pipedrive.webhook.poll-interval=1h",
        "henk.pipedrive.reconciliation.initial-delay=1h"})
abstract class RouteTest {

    /** The sales team: two addresses, so that a team notice is seen to go to each. */
    static final String TEAM = "team@routes.test,atelier@routes.test";
    private static final String ADVISED = "routeTestAdvised";

    @Autowired
    protected CamelContext camel;

    @Autowired
    protected ProducerTemplate template;

    @Autowired
    protected JdbcClient db;

    @DynamicPropertySource
    static void ownDataAndDatabase(DynamicPropertyRegistry registry) throws Exception {
        String dataDir = Files.createTempDirectory("henk-route-test").toString();
        String database = "jdbc:h2:mem:route-test-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        registry.add("henk.data-dir", () -> dataDir);
        registry.add("spring.datasource.url", () -> database);
        registry.add("spring.datasource.username", () -> "sa");
    }

    /** Advises the test's routes once (Camel is not started before), then starts Camel. */
    @BeforeEach
    void adviseAndStart() throws Exception {
        if (!camel.isStarted()) {
            // advice cannot be applied twice: when it failed for the first test, the others say so
            assertThat(camel.getRegistry().lookupByName(ADVISED)).as("advice of an earlier test failed").isNull();
            camel.getRegistry().bind(ADVISED, Boolean.TRUE);
            advise();
            camel.start();
        }
        MockEndpoint.resetMocks(camel);
    }

    /** The advice of this test class, by route id ({@link #advise(String, ThrowingConsumer)}). */
    protected abstract void advise() throws Exception;

    protected void advise(String routeId, ThrowingConsumer<AdviceWithRouteBuilder, Exception> advice)
            throws Exception {
        AdviceWith.adviceWith(camel, routeId, advice);
    }

    protected MockEndpoint mock(String uri) {
        return camel.getEndpoint(uri, MockEndpoint.class);
    }

    /** A signed-up account with the given role (leads reference their account), as the caller of a route. */
    protected Caller account(String email, Role role) {
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        db.sql("""
                insert into app_user (id, email, username, password_hash, roles, created_at, updated_at)
                values (:id, :email, 'Route Test', 'not-a-hash', :roles, :now, :now)""")
                .param("id", id).param("email", email).param("roles", role.name()).param("now", now).update();
        return new Caller(id, email, Set.of(role), null, "203.0.113.7");
    }

    /**
     * Sends the exchange as {@code caller} would arrive over HTTP: a servlet request from the caller's address that
     * carries — when signed in — the verified bearer token in its security context, where Spring Security leaves it
     * and where the route's access level ({@code access-*} in routes/api.camel.yaml) reads it with
     * {@code callers.current}. The route checks the caller itself; no variable is set behind its back.
     */
    protected static void sentBy(Caller caller, Exchange exchange) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(caller.clientAddress());
        if (caller.authenticated()) {
            Jwt.Builder token = Jwt.withTokenValue("route-test").header("alg", "HS256").subject(caller.userId())
                    .claim("roles", caller.roles().stream().map(Role::name).sorted().toList());
            if (caller.email() != null) {
                token.claim("email", caller.email());
            }
            if (caller.sessionId() != null) {
                token.claim("sid", caller.sessionId());
            }
            JwtAuthenticationToken authentication = new JwtAuthenticationToken(token.build(),
                    caller.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
            request.setAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME,
                    new SecurityContextImpl(authentication));
        }
        exchange.getMessage().setHeader(Exchange.HTTP_SERVLET_REQUEST, request);
    }

    protected static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
