package de.henk.hub.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the hub answers is what {@code /api/openapi.json} says it answers: for real requests, the status is one the
 * operation documents, the media type one that status documents, and the body validates against its schema — with
 * a JSON Schema 2020-12 validator (OpenAPI 3.1's dialect), formats asserted. OpenApiContractTest checks the document
 * against the routes; this checks it against the answers, as a client generated from the document would meet them.
 */
class ResponsesFollowTheOpenApiSchemasTest extends HubTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true).build()));

    private JsonNode document;

    @BeforeEach
    void readTheServedDocument() throws Exception {
        document = JSON.readTree(api.get("/api/openapi.json", null).body());
    }

    @Test
    void fabricSearchHitsAreDocumentedFabricsWithTheirScoreAndReasons() {
        conforms("GET", "/api/fabrics/search", api.get("/api/fabrics/search?q=navy&limit=3", null));
        conforms("GET", "/api/fabrics/search", api.get("/api/fabrics/search?limit=2&lang=en", null));
    }

    @Test
    void aChatTurnWithRecommendationsAndALeadThatJoinsTheOpenDeal() {
        Api.Response first = api.post("/api/chat", Map.of("message",
                "Ich brauche einen Anzug für eine Hochzeit, Budget 2000 Euro, klassisch in Dunkelblau"), null);
        conforms("POST", "/api/chat", first);
        Api.Response turn = api.post("/api/chat", Map.of("message", "Die Hochzeit ist im Juni",
                "session_id", first.text("session_id")), null);
        conforms("POST", "/api/chat", turn);
        assertThat(turn.json().path("recommendations")).as(turn.toString()).isNotEmpty();

        Account customer = register(uniqueEmail("schema"));
        Map<String, Object> lead = leadBody("Max Mustermann", customer.email(), "Hochzeitsanzug", 2000);
        conforms("POST", "/api/crm/lead", api.post("/api/crm/lead", lead, customer.accessToken()));
        Api.Response joined = api.post("/api/crm/lead", lead, customer.accessToken());
        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        assertThat(joined.text("status")).isEqualTo("joined");
        conforms("POST", "/api/crm/lead", joined);
    }

    @Test
    void aPersonAnsweringInAHandedOverChat() {
        String session = api.post("/api/chat", Map.of("message", "Hallo"), null).text("session_id");
        conforms("POST", "/api/chat/sessions/{id}/handoff",
                api.post("/api/chat/sessions/" + session + "/handoff", Map.of("reason", "Frage"), null));
        Account sales = salesPerson();
        conforms("GET", "/api/handoffs", api.get("/api/handoffs", sales.accessToken()));
        conforms("POST", "/api/chat/sessions/{id}/messages", api.post("/api/chat/sessions/" + session + "/messages",
                Map.of("content", "Guten Tag, hier ist Anna aus dem Atelier."), sales.accessToken()));
        conforms("POST", "/api/chat/sessions/{id}/release",
                api.post("/api/chat/sessions/" + session + "/release", null, sales.accessToken()));
    }

    @Test
    void anAnswerWithoutContentHasNoContentType() {
        Account customer = register(uniqueEmail("logout"));
        conforms("POST", "/api/auth/logout", api.post("/api/auth/logout",
                Map.of("refresh_token", customer.refreshToken()), customer.accessToken()));
    }

    @Test
    void refusedMediaTypesAreDocumentedProblems() {
        conforms("POST", "/api/chat", api.send("POST", "/api/chat", "message=Hallo",
                Map.of("Content-Type", "text/plain")));
        conforms("GET", "/api/fabrics/search", api.send("GET", "/api/fabrics/search?limit=1", null,
                Map.of("Accept", "application/xml")));
    }

    @Test
    void theCheckNoticesAnUndocumentedField() {
        Api.Response hits = api.get("/api/fabrics/search?limit=1", null);
        ((ObjectNode) hits.json().path("fabrics").get(0)).put("surprise", 1);
        assertThat(violations("GET", "/api/fabrics/search", hits)).isNotEmpty();
    }

    private void conforms(String method, String pathTemplate, Api.Response response) {
        assertThat(violations(method, pathTemplate, response)).as(method + " " + pathTemplate + " → " + response)
                .isEmpty();
    }

    private List<String> violations(String method, String pathTemplate, Api.Response response) {
        JsonNode operation = document.path("paths").path(pathTemplate).path(method.toLowerCase());
        assertThat(operation.isMissingNode()).as(method + " " + pathTemplate + " in the document").isFalse();
        JsonNode declared = resolve(operation.path("responses").path(String.valueOf(response.status())));
        if (declared.isMissingNode()) {
            return List.of("status " + response.status() + " is not documented");
        }
        String mediaType = response.header("Content-Type") == null ? null
                : response.header("Content-Type").split(";")[0].trim();
        if (!declared.has("content")) {
            return response.body().isEmpty() && mediaType == null ? List.of()
                    : List.of("a body or Content-Type (" + mediaType + ") where the document says there is none");
        }
        JsonNode content = declared.path("content").path(mediaType == null ? "" : mediaType);
        if (content.isMissingNode()) {
            return List.of("media type " + mediaType + " is not documented for " + response.status());
        }
        ObjectNode schema = ((ObjectNode) content.path("schema")).deepCopy();
        schema.set("components", document.path("components"));
        List<Error> errors = SCHEMAS.getSchema(schema).validate(response.json());
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    /** A response or a {@code $ref} to one in {@code #/components/responses}. */
    private JsonNode resolve(JsonNode response) {
        JsonNode resolved = response;
        for (Iterator<Integer> guard = List.of(1, 2, 3).iterator(); resolved.has("$ref") && guard.hasNext(); guard.next()) {
            resolved = document.at(resolved.path("$ref").asText().substring(1));
        }
        return resolved;
    }
}
