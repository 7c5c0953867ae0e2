package de.henk.hub.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the end-to-end tests: the whole hub on a random port, talking over real HTTP to a real Pipedrive
 * simulator, on H2 or PostgreSQL. All subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class HubTest {

    public static final String ADMIN_EMAIL = "admin@henk.test";
    public static final String ADMIN_PASSWORD = "Admin-Pass-2026!";
    public static final String PASSWORD = "SecurePass123!";
    public static final String TEAM_EMAIL = "team@henk.test";
    public static final String WEBHOOK_USER = "pipedrive";
    public static final String WEBHOOK_PASSWORD = "webhook-secret-for-tests";
    public static final String JWT_SECRET = "test-only-hmac-key-of-at-least-32-bytes!";

    protected static final PipedriveSimulator PIPEDRIVE = SharedSimulator.get();

    @LocalServerPort
    protected int port;

    protected Api api;

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = Files.createTempDirectory("henk-test-data");
        registry.add("henk.data-dir", dataDir::toString);
        registry.add("spring.datasource.url", TestDatabase::url);
        registry.add("spring.datasource.username", TestDatabase::username);
        registry.add("henk.pipedrive.base-url", PIPEDRIVE::baseUrl);
        registry.add("henk.pipedrive.api-token", PIPEDRIVE::apiToken);
        registry.add("henk.pipedrive.timeout-ms", () -> "2000");
        registry.add("henk.pipedrive.connect-timeout-ms", () -> "1000");
        registry.add("henk.crm.outbox.poll-interval-ms", () -> "200");
        registry.add("henk.crm.outbox.base-backoff-ms", () -> "200");
        registry.add("henk.crm.outbox.max-backoff-ms", () -> "1000");
        registry.add("henk.crm.outbox.claim-ttl-ms", () -> "10000");
        registry.add("henk.pipedrive.limits.circuit-open-for", () -> "1s");
        // a refused token or account pauses every Pipedrive call this long: seconds, not the shipped minutes
        registry.add("henk.pipedrive.account-pause", () -> "2s");
        // tests run back to back: the client-side budget is tested on its own, not by accident
        registry.add("henk.pipedrive.limits.requests-per-window", () -> "100000");
        registry.add("henk.jwt.secret", () -> JWT_SECRET);
        registry.add("henk.pipedrive.webhook.username", () -> WEBHOOK_USER);
        registry.add("henk.pipedrive.webhook.password", () -> WEBHOOK_PASSWORD);
        // production-like channels: a real Kafka broker and a real SMTP server
        registry.add("henk.events.uri", SharedKafka::producerUri);
        registry.add("henk.events.consumer-uri", SharedKafka::notificationConsumerUri);
        registry.add("henk.events.poll-interval-ms", () -> "100");
        registry.add("henk.mail.host", () -> "127.0.0.1");
        registry.add("henk.mail.port", () -> String.valueOf(SharedMail.port()));
        registry.add("henk.mail.team", () -> TEAM_EMAIL);
        registry.add("henk.mail.poll-interval-ms", () -> "200");
        registry.add("henk.pipedrive.app-url", () -> "https://henk-test.pipedrive.com");
        registry.add("henk.admin.email", () -> ADMIN_EMAIL);
        registry.add("henk.admin.password", () -> ADMIN_PASSWORD);
        // every test client is 127.0.0.1: the per-address lockout is tested on the bean, not over HTTP
        registry.add("henk.auth.login-throttle.max-failures-per-address", () -> "100000");
        registry.add("henk.auth.registration.max-per-address", () -> "100000");
        // the chat's per-address count is shared by every hub on the test database, and every test client is
        // 127.0.0.1: the limit is tested in ChatRateLimitTest with addresses of its own
        registry.add("henk.chat.rate-limit.anonymous-per-address", () -> "100000");
        // (a test's account may chat more than a visitor would; the per-account limit is tested in ChatRateLimitTest)
        registry.add("henk.chat.rate-limit.per-account", () -> "100000");
        // tests book many appointments for one customer; the hoarding limits are tested on a hub of their own
        registry.add("henk.appointments.limits.max-per-type-per-day", () -> "1000");
        registry.add("henk.appointments.limits.max-upcoming-per-customer", () -> "1000");
    }

    @Autowired
    private de.henk.hub.crm.PipedriveGuard pipedriveGuard;

    @BeforeEach
    void connect() {
        api = new Api("http://localhost:" + port);
        PIPEDRIVE.reset();
        // a test that made Pipedrive fail or rate-limit leaves the guard paused or its circuit open for a moment;
        // the next test starts with Pipedrive reachable (inline sync → 201), as a fresh hub would
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> pipedriveGuard.state().equals("closed") || pipedriveGuard.state().equals("half_open"));
    }

    protected static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    protected Account register(String email) {
        Api.Response response = api.post("/api/auth/register",
                Map.of("email", email, "username", "Max Mustermann", "password", PASSWORD), null);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return Account.of(response.json());
    }

    protected Account login(String email, String password, Boolean betaUser) {
        Map<String, Object> body = betaUser == null ? Map.of("email", email, "password", password)
                : Map.of("email", email, "password", password, "is_beta_user", betaUser);
        Api.Response response = api.post("/api/auth/login", body, null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return Account.of(response.json());
    }

    protected Account admin() {
        return login(ADMIN_EMAIL, ADMIN_PASSWORD, null);
    }

    /** A sales-team member: registered, granted BETA by the admin, logged in as beta user. */
    protected Account salesPerson() {
        String email = uniqueEmail("sales");
        Account account = register(email);
        Api.Response granted = api.put("/api/admin/users/" + account.userId() + "/roles",
                Map.of("roles", List.of("BETA")), admin().accessToken());
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        return login(email, PASSWORD, true);
    }

    /** Delivers a Pipedrive webhook event to the hub with Pipedrive's credentials (henk.pipedrive.webhook.*). */
    protected Api.Response deliverWebhook(String event) {
        return api.send("POST", "/api/crm/webhooks/pipedrive", event,
                Map.of("Authorization", webhookAuthorization(WEBHOOK_USER, WEBHOOK_PASSWORD)));
    }

    /** The Authorization header of a webhook sent with these credentials (HTTP Basic, as Pipedrive sends them). */
    protected static String webhookAuthorization(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A {@code POST /api/crm/lead} body (no phone). */
    protected static Map<String, Object> leadBody(String name, String email, String title, int value) {
        Map<String, Object> lead = new java.util.LinkedHashMap<>();
        lead.put("name", name);
        lead.put("email", email);
        lead.put("deal_title", title);
        lead.put("deal_value", value);
        return lead;
    }

    public record Account(String userId, String email, String accessToken, String refreshToken) {
        static Account of(JsonNode json) {
            return new Account(json.path("user_id").asText(), json.path("email").asText(),
                    json.path("access_token").asText(), json.path("refresh_token").asText());
        }
    }
}
