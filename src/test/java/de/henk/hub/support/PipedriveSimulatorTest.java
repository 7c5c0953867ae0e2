package de.henk.hub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PipedriveSimulatorTest {

    private static final String TOKEN = "sim-token-123";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISO_SECONDS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";

    private static PipedriveSimulator sim;
    private static HttpClient client;

    @BeforeAll
    static void startSimulator() {
        sim = PipedriveSimulator.start(TOKEN);
        client = newClient();
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void resetSimulator() {
        sim.reset();
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static HttpRequest.Builder request(String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .header("x-api-token", TOKEN)
                .header("Accept", "application/json");
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return b;
    }

    private static HttpResponse<String> call(String method, String path, String json) {
        return send(request(method, path, json).build());
    }

    private static HttpResponse<String> get(String path) {
        return call("GET", path, null);
    }

    private static HttpResponse<String> send(HttpRequest r) {
        try {
            return client.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + r, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonNode body(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    private static JsonNode ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        JsonNode b = body(r);
        assertThat(b.path("success").asBoolean()).as(r.body()).isTrue();
        return b.get("data");
    }

    private static JsonNode error(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode b = body(r);
        assertThat(b.path("success").asBoolean(true)).isFalse();
        return b;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static long createPerson(String name, String email) {
        JsonNode p = ok(call("POST", "/api/v2/persons", """
                {"name":"%s","emails":[{"value":"%s","primary":true,"label":"work"}]}""".formatted(name, email)));
        return p.get("id").asLong();
    }

    private static JsonNode createDeal(String json) {
        return ok(call("POST", "/api/v2/deals", json));
    }

    // ------------------------------------------------------------------------------------------ auth

    @Nested
    class Authentication {

        @Test
        void missingTokenIs401WithPipedriveBody() {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/v2/stages")).GET().build());
            JsonNode b = error(r, 401);
            assertThat(b.path("error").asText()).isEqualTo("unauthorized access");
            assertThat(b.path("errorCode").asInt()).isEqualTo(401);
            assertThat(b.path("error_info").asText()).isEqualTo("Please check developers.pipedrive.com");
        }

        @Test
        void wrongTokenIs401() {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/v2/deals"))
                    .header("x-api-token", "nope").GET().build());
            error(r, 401);
            assertThat(sim.requests()).singleElement().satisfies(rr -> assertThat(rr.responseStatus()).isEqualTo(401));
        }

        @Test
        void aRevokedTokenIs401WithPipedrivesErrorBodyUntilItWorksAgain() {
            sim.setTokenRevoked(true);
            JsonNode b = error(get("/api/v2/deals"), 401);
            assertThat(b.path("error").asText()).isEqualTo("unauthorized access");
            assertThat(b.path("error_info").asText()).isEqualTo("Please check developers.pipedrive.com");
            assertThat(b.has("data")).isTrue();
            assertThat(b.path("data").isNull()).isTrue();
            assertThat(b.path("additional_data").isNull()).isTrue();
            assertThat(call("POST", "/api/v2/deals", "{\"title\":\"x\"}").statusCode()).isEqualTo(401);
            assertThat(sim.deals()).isEmpty();
            sim.setTokenRevoked(false);
            ok(get("/api/v2/deals"));
        }

        @Test
        void aClosedAccountIs402ToEveryAuthenticatedRequest() {
            sim.setAccountClosed(true);
            JsonNode b = error(get("/api/v2/stages"), 402);
            assertThat(b.path("error").asText()).isEqualTo("Company account is not open");
            assertThat(b.path("data").isNull()).isTrue();
            assertThat(call("POST", "/api/v2/deals", "{\"title\":\"x\"}").statusCode()).isEqualTo(402);
            assertThat(sim.deals()).isEmpty();
            HttpResponse<String> stranger = send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/v2/deals"))
                    .header("x-api-token", "nope").GET().build());
            error(stranger, 401);
            sim.reset();
            ok(get("/api/v2/stages"));
        }

        @Test
        void queryTokenWorksButIsRecorded() {
            HttpResponse<String> r = send(HttpRequest.newBuilder(
                    URI.create(sim.baseUrl() + "/api/v2/stages?api_token=" + TOKEN)).GET().build());
            ok(r);
            get("/api/v2/stages");
            List<RecordedRequest> log = sim.requests();
            assertThat(log).hasSize(2);
            assertThat(log.get(0).usedQueryToken()).isTrue();
            assertThat(log.get(0).query()).containsEntry("api_token", TOKEN);
            assertThat(log.get(1).usedQueryToken()).isFalse();
            assertThat(log.get(1).header("X-API-Token")).isEqualTo(TOKEN);
            assertThat(log.get(1).headers()).containsKey("x-api-token");
        }
    }

    // ------------------------------------------------------------------------------------------ persons

    @Test
    void createPersonThenExactEmailSearchIsCaseInsensitive() {
        JsonNode p = ok(call("POST", "/api/v2/persons", """
                {"name":"Anna Maria Schneider",
                 "emails":[{"value":"Anna.Schneider@Example.com","primary":true,"label":"work"}],
                 "phones":[{"value":"+49 170 1234567","label":"mobile"}],
                 "visible_to":3}"""));
        assertThat(p.get("id").asLong()).isPositive();
        assertThat(p.get("name").asText()).isEqualTo("Anna Maria Schneider");
        assertThat(p.get("first_name").asText()).isEqualTo("Anna");
        assertThat(p.get("last_name").asText()).isEqualTo("Maria Schneider");
        assertThat(p.get("owner_id").asLong()).isEqualTo(PipedriveSimulator.USER_ID);
        assertThat(p.get("emails").get(0).get("value").asText()).isEqualTo("Anna.Schneider@Example.com");
        assertThat(p.get("phones").get(0).get("primary").asBoolean()).isTrue();
        assertThat(p.get("add_time").asText()).matches(ISO_SECONDS);
        assertThat(p.fieldNames()).toIterable().contains("id", "name", "first_name", "last_name", "owner_id", "org_id",
                "add_time", "update_time", "emails", "phones", "is_deleted", "visible_to", "label_ids", "picture_id",
                "custom_fields");
        assertThat(sim.persons()).hasSize(1);

        JsonNode found = ok(get("/api/v2/persons/search?term=" + enc("anna.schneider@EXAMPLE.com")
                + "&fields=email&exact_match=true"));
        assertThat(found.get("items")).hasSize(1);
        JsonNode hit = found.get("items").get(0);
        assertThat(hit.get("result_score").isNumber()).isTrue();
        JsonNode item = hit.get("item");
        assertThat(item.get("id").asLong()).isEqualTo(p.get("id").asLong());
        assertThat(item.get("type").asText()).isEqualTo("person");
        assertThat(item.get("emails").get(0).isTextual()).isTrue();
        assertThat(item.get("emails").get(0).asText()).isEqualTo("Anna.Schneider@Example.com");
        assertThat(item.get("phones").get(0).asText()).isEqualTo("+49 170 1234567");
        assertThat(item.get("owner").get("id").asLong()).isEqualTo(1);
        assertThat(item.get("organization").isNull()).isTrue();
        assertThat(item.get("custom_fields").isArray()).isTrue();
        assertThat(item.get("notes").isArray()).isTrue();
        assertThat(body(get("/api/v2/persons/search?term=x%40y.de&fields=email&exact_match=true"))
                .path("additional_data").has("next_cursor")).isTrue();

        JsonNode other = ok(get("/api/v2/persons/search?term=" + enc("someone.else@example.com")
                + "&fields=email&exact_match=true"));
        assertThat(other.get("items")).isEmpty();
        JsonNode partial = ok(get("/api/v2/persons/search?term=anna&fields=email&exact_match=true"));
        assertThat(partial.get("items")).isEmpty();
        JsonNode fuzzy = ok(get("/api/v2/persons/search?term=anna&fields=email"));
        assertThat(fuzzy.get("items")).hasSize(1);

        error(get("/api/v2/persons/search?term=a&fields=email"), 400);
        error(get("/api/v2/persons/search?fields=email"), 400);
        error(get("/api/v2/persons/search?term=anna&fields=mail"), 400);
    }

    @Test
    void getAndPatchPerson() {
        long id = createPerson("Max", "max@example.com");
        JsonNode p = ok(get("/api/v2/persons/" + id));
        assertThat(p.get("last_name").isNull()).isTrue();
        JsonNode patched = ok(call("PATCH", "/api/v2/persons/" + id, """
                {"name":"Max Mustermann","phones":[{"value":"0301234","primary":true,"label":"work"}]}"""));
        assertThat(patched.get("last_name").asText()).isEqualTo("Mustermann");
        assertThat(patched.get("emails").get(0).get("value").asText()).isEqualTo("max@example.com");
        assertThat(patched.get("phones")).hasSize(1);
        assertThat(sim.person(id)).hasValueSatisfying(n -> assertThat(n.get("name").asText()).isEqualTo("Max Mustermann"));
        error(get("/api/v2/persons/999999"), 404);
        error(call("PATCH", "/api/v2/persons/" + id, "{\"add_time\":\"2026-01-01T00:00:00Z\"}"), 400);
    }

    // ------------------------------------------------------------------------------------------ deals

    @Test
    void createDealWithStageAndCurrency() {
        long personId = createPerson("Jonas Weber", "jonas@example.com");
        JsonNode d = createDeal("""
                {"title":"Made-to-measure suit – Jonas Weber","value":2500,"currency":"EUR",
                 "person_id":%d,"stage_id":3,"expected_close_date":"2026-12-15","visible_to":3}""".formatted(personId));
        assertThat(d.get("id").asLong()).isPositive();
        assertThat(d.get("title").asText()).isEqualTo("Made-to-measure suit – Jonas Weber");
        assertThat(d.get("value").asInt()).isEqualTo(2500);
        assertThat(d.get("value").isNumber()).isTrue();
        assertThat(d.get("currency").asText()).isEqualTo("EUR");
        assertThat(d.get("person_id").asLong()).isEqualTo(personId);
        assertThat(d.get("stage_id").asLong()).isEqualTo(3);
        assertThat(d.get("pipeline_id").asLong()).isEqualTo(1);
        assertThat(d.get("status").asText()).isEqualTo("open");
        assertThat(d.get("is_deleted").asBoolean()).isFalse();
        assertThat(d.get("expected_close_date").asText()).isEqualTo("2026-12-15");
        assertThat(d.get("add_time").asText()).matches(ISO_SECONDS);
        assertThat(d.get("won_time").isNull()).isTrue();
        assertThat(d.get("origin").asText()).isEqualTo("API");
        assertThat(d.fieldNames()).toIterable().contains("id", "title", "creator_user_id", "owner_id", "value",
                "person_id", "org_id", "stage_id", "pipeline_id", "currency", "add_time", "update_time",
                "stage_change_time", "is_deleted", "is_archived", "status", "probability", "lost_reason",
                "visible_to", "close_time", "won_time", "lost_time", "expected_close_date", "label_ids", "origin_id",
                "channel", "channel_id", "custom_fields");
        assertThat(sim.deal(d.get("id").asLong()).orElseThrow().toString()).isEqualTo(d.toString());

        JsonNode defaults = createDeal("{\"title\":\"Defaults\"}");
        assertThat(defaults.get("stage_id").asLong()).isEqualTo(1);
        assertThat(defaults.get("currency").asText()).isEqualTo("EUR");
        assertThat(defaults.get("value").asInt()).isZero();

        assertThat(error(call("POST", "/api/v2/deals", "{\"title\":\"x\",\"stage_id\":99}"), 400)
                .path("error").asText()).contains("Stage");
        sim.removeStage("Measurement");
        error(call("POST", "/api/v2/deals", "{\"title\":\"x\",\"stage_id\":3}"), 400);
        assertThat(sim.stages()).extracting(s -> s.get("name").asText()).doesNotContain("Measurement");
        error(call("POST", "/api/v2/deals", "{\"title\":\"x\",\"person_id\":424242}"), 400);
        assertThat(sim.count("POST", "/api/v2/deals")).isEqualTo(5);
    }

    @Test
    void patchDealStatusAndStage() {
        long id = createDeal("{\"title\":\"Tuxedo\",\"value\":1800.5}").get("id").asLong();
        JsonNode staged = ok(call("PATCH", "/api/v2/deals/" + id, "{\"stage_id\":2}"));
        assertThat(staged.get("stage_id").asLong()).isEqualTo(2);
        assertThat(staged.get("stage_change_time").asText()).matches(ISO_SECONDS);

        JsonNode won = ok(call("PATCH", "/api/v2/deals/" + id, "{\"status\":\"won\"}"));
        assertThat(won.get("status").asText()).isEqualTo("won");
        assertThat(won.get("won_time").asText()).matches(ISO_SECONDS);
        assertThat(won.get("close_time").asText()).isEqualTo(won.get("won_time").asText());
        assertThat(won.get("lost_time").isNull()).isTrue();
        assertThat(Instant.parse(won.get("update_time").asText()))
                .isAfterOrEqualTo(Instant.parse(staged.get("update_time").asText()));
        assertThat(sim.deal(id)).hasValueSatisfying(d -> assertThat(d.get("status").asText()).isEqualTo("won"));

        JsonNode lost = ok(call("PATCH", "/api/v2/deals/" + id, "{\"status\":\"lost\",\"lost_reason\":\"Too expensive\"}"));
        assertThat(lost.get("lost_time").asText()).matches(ISO_SECONDS);
        assertThat(lost.get("won_time").isNull()).isTrue();
        assertThat(lost.get("lost_reason").asText()).isEqualTo("Too expensive");

        JsonNode reopened = ok(call("PATCH", "/api/v2/deals/" + id, "{\"status\":\"open\"}"));
        assertThat(reopened.get("close_time").isNull()).isTrue();
        assertThat(reopened.get("lost_reason").isNull()).isTrue();

        error(call("PATCH", "/api/v2/deals/" + id, "{\"lost_reason\":\"x\"}"), 400); // only when lost
        error(call("PATCH", "/api/v2/deals/" + id, "{\"stage_id\":77}"), 400);

        JsonNode deleted = ok(call("DELETE", "/api/v2/deals/" + id, null));
        assertThat(deleted.get("id").asLong()).isEqualTo(id);
        assertThat(sim.deal(id)).hasValueSatisfying(d -> assertThat(d.get("is_deleted").asBoolean()).isTrue());
        assertThat(ok(get("/api/v2/deals"))).isEmpty();
        assertThat(ok(get("/api/v2/deals?status=deleted"))).hasSize(1);
        error(call("PATCH", "/api/v2/deals/" + id, "{\"title\":\"y\"}"), 404);

        JsonNode missing = error(get("/api/v2/deals/987654"), 404);
        assertThat(missing.path("error").asText()).isEqualTo("Deal not found");
    }

    @Test
    void strictValidationLikeV2() {
        JsonNode unknown = error(call("POST", "/api/v2/deals", "{\"title\":\"x\",\"foo\":1}"), 400);
        assertThat(unknown.path("error").asText()).isEqualTo("Unknown field(s): foo");
        assertThat(unknown.path("code").asText()).isEqualTo("ERR_SCHEMA_VALIDATION_FAILED");
        assertThat(unknown.path("error_info").asText()).isNotEmpty();

        assertThat(error(call("POST", "/api/v2/deals", "{\"title\":\"x\",\"value\":\"2500\"}"), 400)
                .path("error").asText()).contains("value");
        error(call("POST", "/api/v2/deals", "{\"title\":\"x\",\"stage_id\":\"3\"}"), 400);
        error(call("POST", "/api/v2/deals", "{\"title\":\"x\",\"stage_id\":3.0}"), 400);
        error(call("POST", "/api/v2/deals", "{\"title\":\"x\",\"is_archived\":\"true\"}"), 400);
        error(call("POST", "/api/v2/deals", "{\"title\":\"x\",\"expected_close_date\":\"2026-13-01\"}"), 400);
        error(call("POST", "/api/v2/deals", "{\"title\":\"x\",\"expected_close_date\":\"15.12.2026\"}"), 400);
        error(call("POST", "/api/v2/deals", "{\"title\":\"x\",\"status\":\"closed\"}"), 400);
        error(call("POST", "/api/v2/deals", "{\"title\":\"x\",\"visible_to\":2}"), 400);
        error(call("POST", "/api/v2/deals", "{\"title\":\"x\",\"lost_reason\":\"no\"}"), 400);
        error(call("POST", "/api/v2/deals", "{\"title\":\"x\",\"custom_fields\":{\"size\":\"52\"}}"), 400);
        error(call("POST", "/api/v2/deals", "{\"value\":1}"), 400);
        error(call("POST", "/api/v2/deals", "{\"title\":\"   \"}"), 400);
        error(call("POST", "/api/v2/deals", "{\"title\":\"x\""), 400);
        error(call("POST", "/api/v2/deals", "[{\"title\":\"x\"}]"), 400);
        error(call("POST", "/api/v2/deals", "{\"title\":\"x\",\"title\":\"y\"}"), 400);
        error(call("POST", "/api/v2/persons", "{\"name\":\"A\",\"emails\":[\"a@example.com\"]}"), 400);
        assertThat(error(call("POST", "/api/v2/persons",
                "{\"name\":\"A\",\"emails\":[{\"value\":\"a@example.com\",\"kind\":\"x\"}]}"), 400)
                .path("error").asText()).isEqualTo("Unknown field(s): emails[0].kind");
        error(get("/api/v2/deals?updated_since=2026-01-01T10:00:00.000Z"), 400);
        error(get("/api/v2/deals?person_id=abc"), 400);

        HttpResponse<String> textPlain = send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/v2/deals"))
                .header("x-api-token", TOKEN).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"x\"}")).build());
        error(textPlain, 415);

        assertThat(sim.deals()).isEmpty();
        assertThat(sim.persons()).isEmpty();
        // well-formed custom field hash is accepted
        createDeal("{\"title\":\"x\",\"custom_fields\":{\"" + "a".repeat(40) + "\":\"52\"}}");
    }

    @Test
    void routingErrorsAreJson() {
        JsonNode nf = error(get("/api/v2/unicorns"), 404);
        assertThat(nf.path("error").asText()).isNotEmpty();
        HttpResponse<String> wrongMethod = call("PUT", "/api/v2/deals/1", "{}");
        error(wrongMethod, 405);
        assertThat(wrongMethod.headers().firstValue("allow")).isPresent();
        error(get("/api/v2/deals/abc"), 400);
        error(get("/somewhere-else"), 404);
    }

    // ------------------------------------------------------------------------------------------ lists

    @Test
    void cursorPaginationOverStages() {
        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpResponse<String> r = get("/api/v2/stages?pipeline_id=1&limit=2" + (cursor == null ? "" : "&cursor=" + enc(cursor)));
            JsonNode b = body(r);
            ok(r).forEach(s -> names.add(s.get("name").asText()));
            assertThat(b.path("additional_data").has("next_cursor")).isTrue();
            cursor = b.path("additional_data").path("next_cursor").isNull() ? null : b.path("additional_data").path("next_cursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(names).containsExactlyElementsOf(PipedriveSimulator.SEEDED_STAGES);

        JsonNode stage = ok(get("/api/v2/stages")).get(0);
        assertThat(stage.fieldNames()).toIterable().containsExactly("id", "order_nr", "name", "is_deleted",
                "deal_probability", "pipeline_id", "is_deal_rot_enabled", "days_to_rotten", "add_time", "update_time");
        assertThat(ok(get("/api/v2/stages?pipeline_id=2"))).isEmpty();
        error(get("/api/v2/stages?limit=0"), 400);
        error(get("/api/v2/stages?limit=501"), 400);
        error(get("/api/v2/stages?cursor=not-a-cursor"), 400);
    }

    @Test
    void aPageSizeCapSplitsListsAndSearchesIntoPagesWhateverTheLimit() {
        sim.pageSizeAtMost(2);
        for (int i = 0; i < 5; i++) {
            createPerson("Cap " + i, "cap" + i + "@example.com");
        }
        List<String> emails = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpResponse<String> r = get("/api/v2/persons/search?term=" + enc("@example.com")
                    + "&fields=email&limit=500" + (cursor == null ? "" : "&cursor=" + enc(cursor)));
            JsonNode items = ok(r).get("items");
            assertThat(items.size()).isBetween(1, 2);
            items.forEach(hit -> emails.add(hit.path("item").path("emails").get(0).asText()));
            JsonNode next = body(r).path("additional_data").path("next_cursor");
            cursor = next.isNull() ? null : next.asText();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(emails).containsExactlyInAnyOrder("cap0@example.com", "cap1@example.com", "cap2@example.com",
                "cap3@example.com", "cap4@example.com");

        HttpResponse<String> firstStages = get("/api/v2/stages?limit=500");
        assertThat(ok(firstStages)).hasSize(2);
        assertThat(body(firstStages).path("additional_data").path("next_cursor").isTextual()).isTrue();
        // a smaller limit still counts, and limit is validated as before
        assertThat(ok(get("/api/v2/stages?limit=1"))).hasSize(1);
        error(get("/api/v2/stages?limit=501"), 400);

        sim.reset();
        assertThat(ok(get("/api/v2/stages?limit=500"))).hasSize(PipedriveSimulator.SEEDED_STAGES.size());
    }

    @Test
    void pipelinesEachWithTheirStagesAndTheLowestOrderNrIsTheDefault() {
        JsonNode seeded = ok(get("/api/v2/pipelines"));
        assertThat(seeded).hasSize(1);
        assertThat(seeded.get(0).fieldNames()).toIterable().containsExactly("id", "name", "order_nr", "is_deleted",
                "is_deal_probability_enabled", "add_time", "update_time");
        assertThat(seeded.get(0).get("name").asText()).isEqualTo(PipedriveSimulator.SEEDED_PIPELINE);

        long alterations = sim.addPipeline("Änderungen", 2, "Initial Contact", "Anprobe");
        long weddings = sim.addPipeline("Hochzeiten", 0, "Erstgespräch", "Initial Contact");
        assertThat(ok(get("/api/v2/pipelines?sort_by=id&sort_direction=desc")).get(0).get("id").asLong())
                .isEqualTo(weddings);
        assertThat(ok(get("/api/v2/pipelines/" + alterations)).get("name").asText()).isEqualTo("Änderungen");
        error(get("/api/v2/pipelines/999999"), 404);
        sim.pageSizeAtMost(2);
        HttpResponse<String> first = get("/api/v2/pipelines?limit=500");
        assertThat(ok(first)).hasSize(2);
        assertThat(ok(get("/api/v2/pipelines?limit=500&cursor="
                + enc(body(first).path("additional_data").path("next_cursor").asText())))).hasSize(1);

        JsonNode alterationStages = ok(get("/api/v2/stages?pipeline_id=" + alterations));
        assertThat(alterationStages).extracting(st -> st.get("name").asText())
                .containsExactly("Initial Contact", "Anprobe");
        assertThat(alterationStages.get(0).get("id").asLong()).isGreaterThan(PipedriveSimulator.SEEDED_STAGES.size());
        // a deal without stage goes to the first stage of the default pipeline; with a pipeline, to that one's
        assertThat(createDeal("{\"title\":\"Frack\"}").get("pipeline_id").asLong()).isEqualTo(weddings);
        JsonNode altered = createDeal("{\"title\":\"Saum\",\"pipeline_id\":" + alterations + "}");
        assertThat(altered.get("stage_id").asLong()).isEqualTo(alterationStages.get(0).get("id").asLong());
        error(call("POST", "/api/v2/deals", "{\"title\":\"X\",\"pipeline_id\":" + alterations + ",\"stage_id\":1}"),
                400);

        sim.reset();
        assertThat(ok(get("/api/v2/pipelines"))).hasSize(1);
        assertThat(createDeal("{\"title\":\"Frack\"}").get("pipeline_id").asLong())
                .isEqualTo(PipedriveSimulator.PIPELINE_ID);
    }

    @Test
    void dealListFiltersSortingAndPagination() throws Exception {
        long anna = createPerson("Anna", "anna@example.com");
        long ben = createPerson("Ben", "ben@example.com");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(createDeal("{\"title\":\"Deal %d\",\"person_id\":%d,\"stage_id\":%d}"
                    .formatted(i, i % 2 == 0 ? anna : ben, i % 2 == 0 ? 1 : 4)).get("id").asLong());
        }
        ok(call("PATCH", "/api/v2/deals/" + ids.get(4), "{\"status\":\"won\"}"));

        List<Long> paged = new ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> r = get("/api/v2/deals?limit=2" + (cursor == null ? "" : "&cursor=" + enc(cursor)));
            ok(r).forEach(d -> paged.add(d.get("id").asLong()));
            JsonNode next = body(r).path("additional_data").path("next_cursor");
            cursor = next.isNull() ? null : next.asText();
        } while (cursor != null);
        assertThat(paged).containsExactlyElementsOf(ids);

        assertThat(ok(get("/api/v2/deals?person_id=" + anna))).hasSize(3);
        assertThat(ok(get("/api/v2/deals?stage_id=4"))).hasSize(2);
        assertThat(ok(get("/api/v2/deals?status=won"))).hasSize(1);
        assertThat(ok(get("/api/v2/deals?status=open,won"))).hasSize(5);
        JsonNode desc = ok(get("/api/v2/deals?sort_by=id&sort_direction=desc"));
        assertThat(desc.get(0).get("id").asLong()).isEqualTo(ids.get(4));
        assertThat(ok(get("/api/v2/deals?updated_since=2000-01-01T00:00:00Z"))).hasSize(5);
        assertThat(ok(get("/api/v2/deals?updated_since=2999-01-01T00:00:00Z"))).isEmpty();
        assertThat(ok(get("/api/v2/deals?updated_since=" + enc("2000-01-01T02:00:00+02:00")))).hasSize(5);
        error(get("/api/v2/deals?sort_by=title"), 400);
        error(get("/api/v2/deals?status=archived"), 400);
    }

    // ------------------------------------------------------------------------------------------ activities, v1

    @Test
    void activities() {
        long personId = createPerson("Clara", "clara@example.com");
        long dealId = createDeal("{\"title\":\"Coat\",\"person_id\":" + personId + "}").get("id").asLong();
        JsonNode a = ok(call("POST", "/api/v2/activities", """
                {"subject":"Measurement appointment","type":"meeting","due_date":"2026-12-01","due_time":"10:30",
                 "duration":"01:00","deal_id":%d,"person_id":%d,"note":"Bring fabric samples","done":false}"""
                .formatted(dealId, personId)));
        assertThat(a.get("subject").asText()).isEqualTo("Measurement appointment");
        assertThat(a.get("participants").get(0).get("person_id").asLong()).isEqualTo(personId);
        assertThat(a.fieldNames()).toIterable().contains("id", "subject", "type", "owner_id", "creator_user_id",
                "is_deleted", "add_time", "update_time", "deal_id", "lead_id", "person_id", "org_id", "project_id",
                "due_date", "due_time", "duration", "busy", "done", "marked_as_done_time", "location",
                "participants", "attendees", "public_description", "priority", "note");
        JsonNode fetched = ok(get("/api/v2/activities/" + a.get("id").asLong()));
        assertThat(fetched).isEqualTo(a);
        assertThat(sim.activities()).hasSize(1);
        assertThat(ok(get("/api/v2/activities?deal_id=" + dealId))).hasSize(1);
        error(call("POST", "/api/v2/activities", "{\"subject\":\"x\",\"type\":\"fitting\"}"), 400);
        error(call("POST", "/api/v2/activities", "{\"subject\":\"x\",\"due_time\":\"10:30:00\"}"), 400);
        error(call("POST", "/api/v2/activities", "{\"subject\":\"x\",\"deal_id\":999999}"), 400);
        error(get("/api/v2/activities/999999"), 404);
    }

    @Test
    void v1NotesAndAlias() {
        long dealId = createDeal("{\"title\":\"Shirt\"}").get("id").asLong();
        HttpResponse<String> created = call("POST", "/v1/notes",
                "{\"content\":\"<p>Prefers slim fit</p>\",\"deal_id\":" + dealId + ",\"pinned_to_deal_flag\":1}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode n = ok(created);
        assertThat(n.get("content").asText()).isEqualTo("<p>Prefers slim fit</p>");
        assertThat(n.get("deal_id").asLong()).isEqualTo(dealId);
        assertThat(n.get("deal").get("title").asText()).isEqualTo("Shirt");
        assertThat(n.get("active_flag").asBoolean()).isTrue();
        assertThat(n.get("pinned_to_deal_flag").asBoolean()).isTrue();
        assertThat(n.get("add_time").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

        ok(call("POST", "/api/v1/notes", "{\"content\":\"second\",\"deal_id\":" + dealId + "}"));
        HttpResponse<String> list = get("/v1/notes?deal_id=" + dealId + "&limit=1");
        assertThat(ok(list)).hasSize(1);
        JsonNode pagination = body(list).path("additional_data").path("pagination");
        assertThat(pagination.path("more_items_in_collection").asBoolean()).isTrue();
        assertThat(pagination.path("next_start").asInt()).isEqualTo(1);
        assertThat(ok(get("/api/v1/notes?deal_id=" + dealId))).hasSize(2);
        assertThat(sim.notes()).hasSize(2);

        error(call("POST", "/v1/notes", "{\"deal_id\":" + dealId + "}"), 400);
        error(call("POST", "/v1/notes", "{\"content\":\"orphan\"}"), 400);
        error(call("POST", "/v1/notes", "{\"content\":\"x\",\"deal_id\":999999}"), 400);
    }

    @Test
    void v1Webhooks() {
        HttpResponse<String> created = call("POST", "/v1/webhooks", """
                {"subscription_url":"https://hub.example.com/webhooks/pipedrive","event_action":"*",
                 "event_object":"deal","name":"HENK hub","http_auth_user":"hub","http_auth_password":"secret",
                 "version":"2.0"}""");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode w = ok(created);
        assertThat(w.get("id").asLong()).isPositive();
        assertThat(w.get("event_object").asText()).isEqualTo("deal");
        assertThat(w.get("http_auth_user").asText()).isEqualTo("hub");
        assertThat(w.get("is_active").asInt()).isEqualTo(1);
        assertThat(w.get("version").asText()).isEqualTo("2.0");
        assertThat(ok(get("/v1/webhooks"))).hasSize(1);
        assertThat(sim.webhooks()).hasSize(1);

        JsonNode bad = error(call("POST", "/v1/webhooks",
                "{\"subscription_url\":\"not a url\",\"event_action\":\"*\",\"event_object\":\"deal\"}"), 400);
        assertThat(bad.path("errors").has("subscription_url")).isTrue();
        assertThat(bad.path("errors").has("name")).isTrue();
    }

    // ------------------------------------------------------------------------------------------ faults

    @Test
    void failNextGives5xxThenRecovers() {
        sim.failNext(2, 503);
        JsonNode b = error(get("/api/v2/stages"), 503);
        assertThat(b.path("error").asText()).isNotEmpty();
        error(get("/api/v2/stages"), 503);
        ok(get("/api/v2/stages"));
        assertThat(sim.requests()).extracting(RecordedRequest::responseStatus).containsExactly(503, 503, 200);
    }

    @Test
    void faultsApplyInFifoOrder() {
        sim.failNext(1, 502);
        sim.rateLimitNext(1, 7);
        sim.failNext(1, 500);
        assertThat(get("/api/v2/stages").statusCode()).isEqualTo(502);
        assertThat(get("/api/v2/stages").statusCode()).isEqualTo(429);
        assertThat(call("POST", "/api/v2/deals", "{\"title\":\"x\"}").statusCode()).isEqualTo(500);
        assertThat(sim.deals()).isEmpty();
        ok(get("/api/v2/stages"));
    }

    @Test
    void rateLimitNextSends429WithHeaders() {
        sim.rateLimitNext(1, 7);
        HttpResponse<String> r = get("/api/v2/deals");
        JsonNode b = error(r, 429);
        assertThat(b.path("errorCode").asInt()).isEqualTo(429);
        assertThat(r.headers().firstValue("retry-after")).hasValue("7");
        assertThat(r.headers().firstValue("x-ratelimit-remaining")).hasValue("0");
        assertThat(r.headers().firstValue("x-ratelimit-reset")).hasValue("7");
        assertThat(r.headers().firstValue("x-ratelimit-limit")).isPresent();
        assertThat(sim.rateLimited()).isEqualTo(1);
        HttpResponse<String> next = get("/api/v2/deals");
        ok(next);
        assertThat(next.headers().firstValue("x-ratelimit-limit")).isPresent();
        assertThat(next.headers().firstValue("x-ratelimit-remaining")).isPresent();
        assertThat(next.headers().firstValue("x-ratelimit-reset")).isPresent();
    }

    @Test
    void theDailyBudgetOfWritesIsReportedAndSpentWritesAre429() {
        assertThat(get("/api/v2/deals").headers().firstValue("x-daily-requests-left")).as("none reported").isEmpty();
        sim.setDailyRequestsLeft(2);
        HttpResponse<String> read = get("/api/v2/deals");
        ok(read);
        assertThat(read.headers().firstValue("x-daily-requests-left")).as("a read spends none").hasValue("2");
        HttpResponse<String> first = call("POST", "/api/v2/deals", "{\"title\":\"Eins\"}");
        ok(first);
        assertThat(first.headers().firstValue("x-daily-requests-left")).hasValue("1");
        HttpResponse<String> last = call("PATCH", "/api/v2/deals/" + body(first).path("data").path("id").asLong(),
                "{\"title\":\"Zwei\"}");
        ok(last);
        assertThat(last.headers().firstValue("x-daily-requests-left")).hasValue("0");
        HttpResponse<String> refused = call("POST", "/api/v2/deals", "{\"title\":\"Drei\"}");
        error(refused, 429);
        assertThat(refused.headers().firstValue("x-daily-requests-left")).hasValue("0");
        assertThat(refused.headers().firstValue("retry-after")).isEmpty();
        assertThat(sim.deals()).hasSize(1);
        assertThat(sim.rateLimited()).isEqualTo(1);
        ok(get("/api/v2/deals"));
    }

    @Test
    void slowNextAnswersCorrectlyAfterDelay() {
        sim.slowNext(1, Duration.ofMillis(400));
        long t0 = System.nanoTime();
        JsonNode d = createDeal("{\"title\":\"Slow\"}");
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(elapsedMs).isGreaterThanOrEqualTo(400);
        assertThat(d.get("title").asText()).isEqualTo("Slow");
        long t1 = System.nanoTime();
        ok(get("/api/v2/stages"));
        assertThat((System.nanoTime() - t1) / 1_000_000).isLessThan(400);
    }

    @Test
    void hangNextMakesTheClientTimeOut() {
        sim.hangNext(1);
        HttpRequest r = request("GET", "/api/v2/deals", null).timeout(Duration.ofMillis(500)).build();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> client.send(r, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(450);
        assertThat(sim.requests()).singleElement().satisfies(rr -> {
            assertThat(rr.path()).isEqualTo("/api/v2/deals");
            assertThat(rr.responseStatus()).isZero();
        });
        ok(get("/api/v2/deals")); // fault consumed
    }

    @Test
    void hangIsReleasedByReset() throws Exception {
        sim.hangNext(1);
        HttpClient fresh = newClient();
        CompletableFuture<HttpResponse<String>> pending = fresh.sendAsync(
                request("POST", "/api/v2/deals", "{\"title\":\"hung\"}").build(), HttpResponse.BodyHandlers.ofString());
        waitUntil(() -> sim.requests().size() == 1);
        assertThat(pending).isNotDone();
        sim.reset();
        assertThatThrownBy(() -> pending.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void resetNextResetsTheConnection() {
        sim.resetNext(1);
        HttpClient fresh = newClient();
        assertThatThrownBy(() -> fresh.send(request("POST", "/api/v2/deals", "{\"title\":\"reset\"}").build(),
                HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        assertThat(sim.requests()).singleElement().satisfies(rr -> assertThat(rr.responseStatus()).isZero());
        assertThat(sim.deals()).isEmpty();
        ok(get("/api/v2/stages"));
    }

    @Test
    void resetNextIsARealTcpReset() throws Exception {
        sim.resetNext(1);
        try (Socket s = new Socket("127.0.0.1", sim.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(("GET /api/v2/stages HTTP/1.1\r\nHost: x\r\nx-api-token: " + TOKEN + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            assertThatThrownBy(() -> {
                InputStream in = s.getInputStream();
                while (in.read() >= 0) {
                    // drain until reset
                }
                throw new AssertionError("expected a connection reset, got an orderly close");
            }).isInstanceOf(SocketException.class).hasMessageContaining("reset");
        }
    }

    @Test
    void downMeans503ForEverything() {
        sim.setDown(true);
        error(get("/api/v2/stages"), 503);
        error(call("POST", "/v1/notes", "{\"content\":\"x\",\"deal_id\":1}"), 503);
        sim.setDown(false);
        ok(get("/api/v2/stages"));
    }

    @Test
    void rollingRateLimit() throws Exception {
        sim.setRateLimit(3, Duration.ofSeconds(1));
        List<String> remaining = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = get("/api/v2/stages");
            ok(r);
            assertThat(r.headers().firstValue("x-ratelimit-limit")).hasValue("3");
            remaining.add(r.headers().firstValue("x-ratelimit-remaining").orElseThrow());
            assertThat(Integer.parseInt(r.headers().firstValue("x-ratelimit-reset").orElseThrow())).isBetween(1, 1);
        }
        assertThat(remaining).containsExactly("2", "1", "0");
        HttpResponse<String> limited = get("/api/v2/stages");
        error(limited, 429);
        assertThat(limited.headers().firstValue("retry-after")).isPresent();
        assertThat(limited.headers().firstValue("x-ratelimit-remaining")).hasValue("0");
        assertThat(sim.rateLimited()).isEqualTo(1);
        Thread.sleep(1100);
        ok(get("/api/v2/stages"));
        sim.clearRateLimit();
        for (int i = 0; i < 5; i++) {
            ok(get("/api/v2/stages"));
        }
        assertThat(sim.rateLimited()).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------------ transport

    @Test
    void keepAliveReusesOneConnection() throws Exception {
        HttpClient fresh = newClient();
        long before = sim.connectionsAccepted();
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> r = fresh.send(request("GET", "/api/v2/stages", null).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            if (i % 10 == 0) {
                fresh.send(request("POST", "/api/v2/deals", "{\"title\":\"ka " + i + "\"}").build(),
                        HttpResponse.BodyHandlers.ofString());
            }
        }
        assertThat(sim.connectionsAccepted() - before).isEqualTo(1);
    }

    @Test
    void concurrentClientsAreServed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                int n = i;
                results.add(pool.submit(() -> call("POST", "/api/v2/deals", "{\"title\":\"c" + n + "\"}").statusCode()));
            }
            for (Future<Integer> f : results) {
                assertThat(f.get(20, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sim.deals()).hasSize(64);
        assertThat(sim.deals()).extracting(d -> d.get("id").asLong()).doesNotHaveDuplicates();
    }

    @Test
    void chunkedRequestBodyFromJdkClient() {
        byte[] json = "{\"title\":\"Chunked\",\"value\":99}".getBytes(StandardCharsets.UTF_8);
        HttpRequest r = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/v2/deals"))
                .header("x-api-token", TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json))).build();
        JsonNode d = ok(send(r));
        assertThat(d.get("title").asText()).isEqualTo("Chunked");
        RecordedRequest recorded = sim.requests().get(0);
        assertThat(recorded.header("transfer-encoding")).isEqualToIgnoringCase("chunked");
        assertThat(recorded.body()).isEqualTo(new String(json, StandardCharsets.UTF_8));
    }

    @Test
    void rawSocketPipelinedKeepAliveWithChunkedAndContentLength() throws Exception {
        String body = "{\"title\":\"Raw\"}";
        String first = "POST /api/v2/deals HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-token: " + TOKEN
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\n{\"tit\r\n" + Integer.toHexString(body.length() - 5) + ";ext=1\r\n" + body.substring(5)
                + "\r\n0\r\nX-Trailer: yes\r\n\r\n";
        String second = "GET /api/v2/deals HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-token: " + TOKEN + "\r\n\r\n";
        String third = "PATCH /api/v2/deals/%d HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-token: " + TOKEN
                + "\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s";
        try (Socket s = new Socket("127.0.0.1", sim.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write((first + second).getBytes(StandardCharsets.UTF_8)); // pipelined
            out.flush();
            RawResponse r1 = RawResponse.read(in);
            RawResponse r2 = RawResponse.read(in);
            assertThat(r1.status).isEqualTo(200);
            long id = JSON.readTree(r1.body).path("data").path("id").asLong();
            assertThat(JSON.readTree(r1.body).path("data").path("title").asText()).isEqualTo("Raw");
            assertThat(r2.status).isEqualTo(200);
            assertThat(JSON.readTree(r2.body).path("data")).hasSize(1);
            assertThat(r2.headers).containsKey("content-length");

            String patch = "{\"status\":\"won\"}";
            out.write(third.formatted(id, patch.length(), patch).getBytes(StandardCharsets.UTF_8));
            out.flush();
            RawResponse r3 = RawResponse.read(in);
            assertThat(r3.status).isEqualTo(200);
            assertThat(r3.headers.get("connection")).isEqualToIgnoringCase("close");
            assertThat(in.read()).isEqualTo(-1); // server closed as asked
        }
        assertThat(sim.deals()).singleElement().satisfies(d -> assertThat(d.get("status").asText()).isEqualTo("won"));
    }

    @Test
    void h2cUpgradeIsIgnoredAndExpectContinueIsHonoured() throws Exception {
        HttpClient defaults = HttpClient.newHttpClient(); // prefers HTTP/2: sends "Upgrade: h2c" on cleartext
        HttpResponse<String> r = defaults.send(request("GET", "/api/v2/stages", null).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        HttpResponse<String> created = defaults.send(request("POST", "/api/v2/deals", "{\"title\":\"Expect\"}")
                .expectContinue(true).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok(created).get("title").asText()).isEqualTo("Expect");
        assertThat(sim.requests().get(1).header("expect")).isEqualToIgnoringCase("100-continue");
    }

    @Test
    void malformedHttpGets400() throws Exception {
        try (Socket s = new Socket("127.0.0.1", sim.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write("GARBAGE\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(RawResponse.read(s.getInputStream()).status).isEqualTo(400);
        }
    }

    // ------------------------------------------------------------------------------------------ hooks, reset

    @Test
    void afterNextDealCreatedRunsBeforeTheResponse() {
        AtomicReference<List<ObjectNode>> seenInHook = new AtomicReference<>();
        AtomicLong hookFinished = new AtomicLong();
        sim.afterNextDealCreated(() -> {
            seenInHook.set(sim.deals());
            sleep(300);
            hookFinished.set(System.nanoTime());
        });
        JsonNode d = createDeal("{\"title\":\"Hooked\"}");
        long received = System.nanoTime();
        assertThat(seenInHook.get()).singleElement()
                .satisfies(s -> assertThat(s.get("id").asLong()).isEqualTo(d.get("id").asLong()));
        assertThat(hookFinished.get()).isPositive().isLessThan(received);
        // one-shot
        seenInHook.set(null);
        createDeal("{\"title\":\"Not hooked\"}");
        assertThat(seenInHook.get()).isNull();
    }

    @Test
    void resetClearsStateButIdsKeepGrowing() {
        long first = createPerson("Old", "old@example.com");
        long firstDeal = createDeal("{\"title\":\"old\"}").get("id").asLong();
        sim.removeStage("Proposal Made");
        sim.failNext(3, 500);
        sim.reset();
        assertThat(sim.persons()).isEmpty();
        assertThat(sim.deals()).isEmpty();
        assertThat(sim.requests()).isEmpty();
        assertThat(sim.stages()).hasSize(5);
        long second = createPerson("New", "new@example.com");
        assertThat(second).isGreaterThan(first);
        assertThat(createDeal("{\"title\":\"new\"}").get("id").asLong()).isGreaterThan(firstDeal);
        error(get("/api/v2/deals/" + firstDeal), 404);
        assertThat(sim.count("POST", "/api/v2/")).isEqualTo(2);
        assertThat(sim.count(null, "/api/v2/deals")).isEqualTo(2);
    }

    // ------------------------------------------------------------------------------------------ utilities

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in time");
            }
            sleep(20);
        }
    }

    /** Minimal HTTP/1.1 response reader for raw-socket tests (Content-Length bodies only). */
    private record RawResponse(int status, Map<String, String> headers, String body) {
        static RawResponse read(InputStream in) throws IOException {
            String statusLine = line(in);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            String l;
            while (!(l = line(in)).isEmpty()) {
                int c = l.indexOf(':');
                headers.put(l.substring(0, c).trim().toLowerCase(Locale.ROOT), l.substring(c + 1).trim());
            }
            int len = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            return new RawResponse(status, headers, new String(in.readNBytes(len), StandardCharsets.UTF_8));
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                if (c != '\r') {
                    b.write(c);
                }
            }
            return b.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
