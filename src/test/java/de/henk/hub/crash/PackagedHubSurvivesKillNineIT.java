package de.henk.hub.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.henk.hub.support.Api;
import de.henk.hub.support.AtelierDays;
import de.henk.hub.support.ChildHub;
import de.henk.hub.support.PipedriveSimulator;
import de.henk.hub.support.TestDatabase;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar, killed with SIGKILL at the moments that lose data in a naive hub, then started again on the
 * same data (the embedded H2 file database, or PostgreSQL with -Ppostgres): every lead, appointment, deal update and
 * webhook it acknowledged exists exactly once afterwards — in the hub and in the Pipedrive simulator.
 * Kill points: right after the 2xx answers; while Pipedrive hangs; between Pipedrive's answer and the local commit;
 * while chat turns of many conversations are being stored together.
 */
class PackagedHubSurvivesKillNineIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "crash-admin@henk.test";
    private static final String ADMIN_PASSWORD = "Crash-Admin-Pass-2026";
    private static final String PASSWORD = "SecurePass123!";
    private static final String WEBHOOK_USER = "pipedrive";
    private static final String WEBHOOK_PASSWORD = "crash-webhook-secret";

    private static PipedriveSimulator pipedrive;
    private static Path home;
    private static String databaseUrl;

    @BeforeAll
    static void setUp() throws Exception {
        pipedrive = PipedriveSimulator.start("crash-test-token");
        home = Files.createTempDirectory("henk-crash");
        databaseUrl = TestDatabase.postgres() ? freshPostgresDatabase("henk_crash") : null;
    }

    @AfterAll
    static void tearDown() {
        pipedrive.close();
    }

    @Test
    void everythingAcknowledgedExistsExactlyOnceAfterKillNineAndRestart() throws Exception {
        // kill point 1: right after the 2xx answers (Pipedrive healthy, inline sync on)
        ChildHub hub = start(true);
        Api api = hub.api();
        String admin = login(api, ADMIN, ADMIN_PASSWORD);
        String customerEmail = "crash-kunde-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        Api.Response registered = api.post("/api/auth/register",
                Map.of("email", customerEmail, "username", "Karl Kunde", "password", PASSWORD), null);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String customer = registered.text("access_token");
        String customerId = registered.text("user_id");

        List<String> acknowledged = new ArrayList<>();
        Api.Response customerLead = api.post("/api/crm/lead", lead("Karl Kunde", customerEmail, 2500), customer);
        assertThat(customerLead.status()).as(customerLead.toString()).isIn(201, 202);
        acknowledged.add(customerEmail);
        long dealId = customerLead.json().path("deal").path("id").asLong();
        for (int i = 0; i < 6; i++) {
            String email = "crash-1-" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
            Api.Response lead = api.post("/api/crm/lead", lead("Kunde " + i, email, 1800 + i), admin);
            assertThat(lead.status()).as(lead.toString()).isIn(201, 202);
            acknowledged.add(email);
        }
        String day = AtelierDays.nextOpenWeekday().toString();
        Api.Response appointment = api.post("/api/appointments",
                Map.of("customer_id", customerId, "date", day, "time", "11:00", "type", "measurement"), customer);
        assertThat(appointment.status()).as(appointment.toString()).isEqualTo(201);
        Api.Response update = api.put("/api/crm/deal/" + dealId, Map.of("value", 2800), admin);
        assertThat(update.status()).as(update.toString()).isIn(200, 202);
        long pipedriveDealId = awaitPipedriveDeal(customerEmail);
        // someone wins the deal in Pipedrive; its webhook reaches the hub, and the hub dies right after answering
        JsonNode won = changeInPipedrive(pipedriveDealId, Map.of("status", "won"));
        Api.Response webhook = api.send("POST", "/api/crm/webhooks/pipedrive", webhook(won),
                Map.of("Authorization", basic()));
        assertThat(webhook.status()).as(webhook.toString()).isEqualTo(200);
        hub.kill();

        hub = start(true).awaitReady(Duration.ofSeconds(180));
        api = hub.api();
        admin = login(api, ADMIN, ADMIN_PASSWORD);
        awaitOutboxDrained(api, admin);
        assertExactlyOnce(api, admin, acknowledged);
        String adminToken = admin;
        Api hubApi = api;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode deal = hubApi.get("/api/crm/deal/" + dealId, adminToken).json();
            assertThat(deal.path("status").asText()).isEqualTo("won");
            assertThat(pipedrive.deal(pipedriveDealId).orElseThrow().path("value").asInt()).isEqualTo(2800);
            assertThat(hubApi.get("/api/orders/customer/" + customerId, adminToken).json().path("orders").size())
                    .isEqualTo(1);
        });
        JsonNode appointments = api.get("/api/appointments?customer_id=" + customerId, admin).json();
        assertThat(appointments.path("appointments").size()).as(appointments.toString()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> pipedrive.activities().size() == 1);

        // kill point 2: Pipedrive hangs; the leads are answered 202 and wait in the outbox when the hub dies
        pipedrive.hangNext(1000);
        List<String> duringHang = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String email = "crash-2-" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
            Api.Response lead = api.post("/api/crm/lead", lead("Hang " + i, email, 2000), admin);
            assertThat(lead.status()).as(lead.toString()).isIn(201, 202);
            duringHang.add(email);
        }
        Thread.sleep(1500); // the outbox is now waiting on a hanging Pipedrive call
        hub.kill();
        pipedrive.clearFaults();
        acknowledged.addAll(duringHang);

        // kill point 3: Pipedrive has created the deal, the hub dies before it commits the answer
        hub = start(false).awaitReady(Duration.ofSeconds(180));
        api = hub.api();
        admin = login(api, ADMIN, ADMIN_PASSWORD);
        awaitOutboxDrained(api, admin);
        ChildHub dying = hub;
        pipedrive.afterNextDealCreated(() -> {
            try {
                dying.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        String lastEmail = "crash-3-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        Api.Response last = api.post("/api/crm/lead", lead("Letzter Kunde", lastEmail, 3100), admin);
        assertThat(last.status()).as(last.toString()).isEqualTo(202);
        acknowledged.add(lastEmail);
        await().atMost(Duration.ofSeconds(60)).until(() -> !dying.alive());
        assertThat(pipedrive.persons().stream().filter(p -> emails(p).contains(lastEmail)).count()).isEqualTo(1);

        hub = start(false).awaitReady(Duration.ofSeconds(180));
        api = hub.api();
        admin = login(api, ADMIN, ADMIN_PASSWORD);
        awaitOutboxDrained(api, admin);
        assertExactlyOnce(api, admin, acknowledged);
        assertThat(hub.logText()).doesNotContain("recycled");

        // kill point 4: chat turns of many conversations in flight at once (they share commits): every turn the hub
        // answered is stored after the restart, customer message and HENK's reply, and no turn is half-stored
        Map<String, List<String>> answered = chatUntilKilled(hub, 8, Duration.ofSeconds(4));
        assertThat(answered.values().stream().mapToInt(List::size).sum()).as("turns answered before the kill")
                .isGreaterThan(20);
        hub = start(false).awaitReady(Duration.ofSeconds(180));
        api = hub.api();
        admin = login(api, ADMIN, ADMIN_PASSWORD);
        for (Map.Entry<String, List<String>> conversation : answered.entrySet()) {
            assertTurnsStored(api, admin, conversation.getKey(), conversation.getValue());
        }
        hub.kill();
    }

    /**
     * {@code threads} visitors chat at the same time, three turns per conversation, until the hub is killed after
     * {@code chatFor}; returns, per session, the messages the hub answered with 200.
     */
    private static Map<String, List<String>> chatUntilKilled(ChildHub hub, int threads, Duration chatFor)
            throws Exception {
        Map<String, List<String>> answered = new ConcurrentHashMap<>();
        AtomicInteger messages = new AtomicInteger();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> visitors = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Api api = hub.api();
            Thread visitor = new Thread(() -> {
                try {
                    while (true) {
                        String session = null;
                        for (int turn = 0; turn < 3; turn++) {
                            String message = "Ich suche einen Anzug für eine Hochzeit im Juni, Nachricht "
                                    + messages.incrementAndGet();
                            Map<String, Object> body = new LinkedHashMap<>();
                            body.put("message", message);
                            if (session != null) {
                                body.put("session_id", session);
                            }
                            Api.Response answer = api.post("/api/chat", body, null);
                            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
                            session = answer.text("session_id");
                            answered.computeIfAbsent(session, id -> new CopyOnWriteArrayList<>())
                                    .add(message);
                        }
                    }
                } catch (UncheckedIOException killed) {
                    // the hub is gone: this visitor's last turn was not answered
                } catch (RuntimeException | AssertionError failed) {
                    failures.add(failed);
                }
            });
            visitor.start();
            visitors.add(visitor);
        }
        Thread.sleep(chatFor.toMillis());
        hub.kill();
        for (Thread visitor : visitors) {
            visitor.join(Duration.ofSeconds(60).toMillis());
        }
        assertThat(failures).as("turns answered with something else than 200").isEmpty();
        return answered;
    }

    /** The answered turns are stored in order, each as the customer's message and HENK's reply; nothing else is. */
    private static void assertTurnsStored(Api api, String admin, String sessionId, List<String> answered) {
        Api.Response session = api.get("/api/chat/sessions/" + sessionId, admin);
        assertThat(session.status()).as(session.toString()).isEqualTo(200);
        List<String> authors = new ArrayList<>();
        List<String> customerSaid = new ArrayList<>();
        session.json().path("messages").forEach(m -> {
            authors.add(m.path("author").asText());
            if ("customer".equals(m.path("author").asText())) {
                customerSaid.add(m.path("content").asText());
            }
        });
        // the turn in flight at the kill may be stored (whole) or not at all
        assertThat(customerSaid.size()).as(sessionId + ": " + authors).isIn(answered.size(), answered.size() + 1);
        assertThat(customerSaid.subList(0, answered.size())).as(sessionId).isEqualTo(answered);
        for (int i = 0; i < authors.size(); i++) {
            assertThat(authors.get(i)).as(sessionId + " message " + i + ": " + authors)
                    .isEqualTo(i % 2 == 0 ? "customer" : "henk");
        }
        assertThat(authors.size() % 2).as(sessionId + ": every turn whole, " + authors).isZero();
    }

    // ---- the hub as an operator runs it

    private static ChildHub start(boolean inlineSync) throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("henk.data-dir", home.resolve("data").toString());
        settings.put("henk.pipedrive.base-url", pipedrive.baseUrl());
        settings.put("henk.pipedrive.api-token", pipedrive.apiToken());
        settings.put("henk.pipedrive.timeout-ms", "2000");
        settings.put("henk.pipedrive.connect-timeout-ms", "1000");
        settings.put("henk.pipedrive.limits.circuit-open-for", "1s");
        settings.put("henk.crm.inline-sync", String.valueOf(inlineSync));
        settings.put("henk.crm.outbox.poll-interval-ms", "200");
        settings.put("henk.crm.outbox.base-backoff-ms", "200");
        settings.put("henk.crm.outbox.max-backoff-ms", "1000");
        settings.put("henk.crm.outbox.claim-ttl-ms", "5000");
        settings.put("henk.crm.outbox.inline-grace-ms", "500");
        settings.put("henk.admin.email", ADMIN);
        settings.put("henk.admin.password", ADMIN_PASSWORD);
        settings.put("henk.pipedrive.webhook.username", WEBHOOK_USER);
        settings.put("henk.pipedrive.webhook.password", WEBHOOK_PASSWORD);
        settings.put("henk.events.poll-interval-ms", "200");
        settings.put("henk.mail.poll-interval-ms", "200");
        settings.put("henk.chat.rate-limit.anonymous-per-address", "100000");
        if (databaseUrl != null) {
            settings.put("spring.datasource.url", databaseUrl);
            settings.put("spring.datasource.username", "postgres");
        }
        ChildHub hub = ChildHub.start(home.resolve("work"), settings);
        return inlineSync ? hub.awaitReady(Duration.ofSeconds(180)) : hub;
    }

    private static String login(Api api, String email, String password) {
        Api.Response login = api.post("/api/auth/login", Map.of("email", email, "password", password), null);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login.text("access_token");
    }

    private static void awaitOutboxDrained(Api api, String admin) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String status : List.of("pending", "dead")) {
                JsonNode entries = api.get("/api/admin/crm/outbox?status=" + status, admin).json();
                assertThat(entries.path("entries").size()).as(status + ": " + entries).isZero();
            }
        });
    }

    private static void assertExactlyOnce(Api api, String admin, List<String> emails) {
        for (String email : emails) {
            JsonNode deals = api.get("/api/crm/deals?email=" + email, admin).json().path("deals");
            assertThat(deals.size()).as("hub deals of " + email).isEqualTo(1);
            List<ObjectNode> persons = pipedrive.persons().stream().filter(p -> emails(p).contains(email)).toList();
            assertThat(persons).as("Pipedrive persons with " + email).hasSize(1);
            long personId = persons.get(0).path("id").asLong();
            long pipedriveDeals = pipedrive.deals().stream().filter(d -> d.path("person_id").asLong() == personId)
                    .count();
            assertThat(pipedriveDeals).as("Pipedrive deals of " + email).isEqualTo(1);
            assertThat(deals.get(0).path("pipedrive_deal_id").asLong()).as("synced: " + deals.get(0)).isPositive();
        }
    }

    private static long awaitPipedriveDeal(String email) {
        await().atMost(Duration.ofSeconds(30)).until(() -> pipedrive.persons().stream()
                .anyMatch(p -> emails(p).contains(email)));
        long personId = pipedrive.persons().stream().filter(p -> emails(p).contains(email)).findFirst().orElseThrow()
                .path("id").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> pipedrive.deals().stream()
                .anyMatch(d -> d.path("person_id").asLong() == personId));
        return pipedrive.deals().stream().filter(d -> d.path("person_id").asLong() == personId).findFirst()
                .orElseThrow().path("id").asLong();
    }

    private static List<String> emails(JsonNode person) {
        List<String> emails = new ArrayList<>();
        person.path("emails").forEach(e -> emails.add(e.path("value").asText()));
        return emails;
    }

    private static Map<String, Object> lead(String name, String email, int value) {
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("name", name);
        lead.put("email", email);
        lead.put("deal_title", "Maßanzug " + name);
        lead.put("deal_value", value);
        return lead;
    }

    private static JsonNode changeInPipedrive(long dealId, Map<String, Object> change) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(pipedrive.baseUrl() + "/api/v2/deals/" + dealId))
                .header("x-api-token", pipedrive.apiToken()).header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(change)))
                .build();
        var response = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("data");
    }

    private static String webhook(JsonNode deal) throws Exception {
        ObjectNode event = JSON.createObjectNode();
        ObjectNode meta = event.putObject("meta");
        meta.put("id", UUID.randomUUID().toString());
        meta.put("action", "change");
        meta.put("entity", "deal");
        meta.put("entity_id", deal.path("id").asText());
        meta.put("version", "2.0");
        meta.put("timestamp", System.currentTimeMillis() / 1000);
        meta.put("attempt", 1);
        event.set("data", deal);
        event.set("previous", JSON.valueToTree(Map.of("status", "open")));
        return JSON.writeValueAsString(event);
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((WEBHOOK_USER + ":" + WEBHOOK_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A database of its own on the CI PostgreSQL server, so the crash runs never meet the suite's rows. */
    static String freshPostgresDatabase(String name) throws Exception {
        String suiteUrl = TestDatabase.url();
        String serverUrl = suiteUrl.substring(0, suiteUrl.lastIndexOf('/') + 1);
        try (Connection connection = DriverManager.getConnection(serverUrl + "postgres", "postgres", "");
             Statement sql = connection.createStatement()) {
            sql.execute("drop database if exists " + name + " with (force)");
            sql.execute("create database " + name);
        }
        return serverUrl + name;
    }
}
