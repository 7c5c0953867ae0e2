package de.henk.hub.pages;

import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API contract {@code /api/openapi.json} (hand-maintained, {@code src/main/resources/static/api}) against the
 * REST routes the running CamelContext actually has (routes/*.camel.yaml {@code rest:} blocks): every route is in the
 * document with its operation id and every documented operation is a route. The document must be valid OpenAPI 3.1,
 * every error response a problem document, and its security must match what the hub does with a caller who sends no
 * token: a bearer-only operation answers 401, a public one does not.
 */
class OpenApiContractTest extends HubTest {

    @Autowired
    private CamelContext camel;

    private OpenAPI document;

    @BeforeEach
    void readTheServedDocument() {
        Api.Response served = api.get("/api/openapi.json", null);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).startsWith("application/json");
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(served.body(), null, options);
        assertThat(parsed.getMessages()).as("OpenAPI parser messages").isEmpty();
        document = parsed.getOpenAPI();
        assertThat(document.getOpenapi()).isEqualTo("3.1.0");
    }

    @Test
    void everyRestRouteIsDocumentedAndEveryDocumentedOperationIsARoute() {
        Map<String, String> routes = new TreeMap<>();
        for (RestDefinition rest : camel.getCamelContextExtension().getContextPlugin(Model.class).getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                String path = (rest.getPath() + (verb.getPath() == null ? "" : verb.getPath())).replaceAll("//+", "/");
                routes.put(verb.asVerb().toUpperCase() + " " + path, verb.getId());
            }
        }
        Map<String, String> documented = new TreeMap<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                documented.put(method.name() + " " + path, operation.getOperationId())));

        assertThat(routes).as("REST routes of the CamelContext").hasSizeGreaterThan(30);
        assertThat(documented.keySet()).as("documented, but no such REST route")
                .containsAll(routes.keySet()).as("REST routes missing from /api/openapi.json");
        assertThat(routes.keySet()).as("documented in /api/openapi.json, but no such REST route")
                .containsAll(documented.keySet());
        assertThat(documented).as("operationId = the rest verb's id").isEqualTo(routes);
    }

    @Test
    void everyOperationAnswersWithSchemasAndErrorsAreProblemDocuments() {
        forEachOperation((key, operation) -> {
            assertThat(operation.getResponses().keySet()).as(key + " has a success response")
                    .anyMatch(code -> code.startsWith("2"));
            operation.getResponses().forEach((code, declared) -> {
                io.swagger.v3.oas.models.responses.ApiResponse response = declared.get$ref() == null ? declared
                        : document.getComponents().getResponses().get(declared.get$ref().substring(
                                declared.get$ref().lastIndexOf('/') + 1));
                assertThat(response).as(key + " " + code + " " + declared.get$ref()).isNotNull();
                if (code.startsWith("2") && !code.equals("204")) {
                    assertThat(response.getContent()).as(key + " " + code + " content").isNotNull();
                    response.getContent().forEach((type, media) ->
                            assertThat(media.getSchema()).as(key + " " + code + " " + type + " schema").isNotNull());
                }
                if (code.startsWith("4")) {
                    assertThat(response.getContent()).as(key + " " + code).containsOnlyKeys("application/problem+json");
                }
            });
        });
    }

    /** Every tag an operation is grouped under says what it groups (OpenAPI linters ask for it, readers need it). */
    @Test
    void everyTagIsDescribed() {
        assertThat(document.getTags()).isNotEmpty().allSatisfy(tag ->
                assertThat(tag.getDescription()).as("description of tag " + tag.getName()).isNotBlank());
    }

    @Test
    void theDocumentedSecurityIsWhatTheHubDoesWithoutAToken() {
        forEachOperation((key, operation) -> {
            List<SecurityRequirement> security = operation.getSecurity() != null ? operation.getSecurity()
                    : document.getSecurity();
            boolean anonymousAllowed = security.isEmpty() || security.stream().anyMatch(Map::isEmpty);
            String method = key.substring(0, key.indexOf(' '));
            String path = key.substring(key.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "1");
            Api.Response response = api.send(method, path, operation.getRequestBody() == null ? null : Map.of(),
                    Map.of("Content-Type", "application/json"));
            if (anonymousAllowed) {
                assertThat(response.status()).as(key + " is documented as open to anyone: " + response).isNotEqualTo(401);
            } else {
                assertThat(response.status()).as(key + " is documented as needing credentials: " + response).isEqualTo(401);
                assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            }
        });
    }

    @Test
    void theDocumentedValueListsAreTheHubsOwn() {
        assertThat(enumOf("ChatResponse", "phase")).as("phases").containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(de.henk.hub.chat.Phase.values()).map(p -> p.name().toLowerCase()).toList());
        assertThat(enumOf("Order", "status")).as("order stages").containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(de.henk.hub.orders.OrderStatus.values()).map(o -> o.id()).toList());
        assertThat(enumOf("AppointmentRequest", "type")).as("appointment types").containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(de.henk.hub.appointments.AppointmentType.values()).map(t -> t.id()).toList());
        assertThat(enumOf("ChatAppointment", "status")).as("chat appointment statuses").containsExactlyInAnyOrder(
                de.henk.hub.chat.ChatAppointment.OFFERED, de.henk.hub.chat.ChatAppointment.BOOKED,
                de.henk.hub.chat.ChatAppointment.TAKEN, de.henk.hub.chat.ChatAppointment.SIGN_IN_REQUIRED,
                de.henk.hub.chat.ChatAppointment.NONE_FREE);
    }

    @Test
    void aRealChatAnswerHasExactlyTheDocumentedFields() {
        Api.Response turn = api.post("/api/chat", Map.of("message", "Ich suche einen Anzug für eine Hochzeit"), null);
        assertThat(turn.status()).isEqualTo(200);
        io.swagger.v3.oas.models.media.Schema<?> schema = document.getComponents().getSchemas().get("ChatResponse");
        List<String> fields = new java.util.ArrayList<>();
        turn.json().fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrderElementsOf(schema.getProperties().keySet());
        assertThat(schema.getRequired()).containsExactlyInAnyOrderElementsOf(fields);
    }

    private List<String> enumOf(String schema, String property) {
        io.swagger.v3.oas.models.media.Schema<?> field = (io.swagger.v3.oas.models.media.Schema<?>)
                document.getComponents().getSchemas().get(schema).getProperties().get(property);
        return field.getEnum().stream().map(String::valueOf).toList();
    }

    private void forEachOperation(java.util.function.BiConsumer<String, Operation> check) {
        for (Map.Entry<String, PathItem> path : document.getPaths().entrySet()) {
            path.getValue().readOperationsMap().forEach((method, operation) ->
                    check.accept(method.name() + " " + path.getKey(), operation));
        }
    }
}
