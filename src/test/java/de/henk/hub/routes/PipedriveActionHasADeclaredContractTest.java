package de.henk.hub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import de.henk.hub.crm.PipedriveMethod;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kamelet.KameletComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The pipedrive-action kamelet is the one way the routes call Pipedrive, and its contract is what its spec declares:
 * method (one of {@link PipedriveMethod}) and path are required, query, idempotencyKey and inline are optional, and
 * nothing else of the caller's exchange is sent. A call site that breaks the contract stops Camel at start-up.
 */
class PipedriveActionHasADeclaredContractTest {

    private static final Path KAMELET = Path.of("routes/pipedrive-action.kamelet.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode kamelet() throws Exception {
        return JSON.valueToTree(new Load(LoadSettings.builder().build()).loadFromString(Files.readString(KAMELET)));
    }

    @Test
    void theDeclaredMethodsAreThoseTheKameletAccepts() throws Exception {
        JsonNode definition = kamelet().path("spec").path("definition");
        List<String> declared = new ArrayList<>();
        definition.path("properties").path("method").path("enum").forEach(method -> declared.add(method.asText()));
        assertThat(declared).containsExactlyElementsOf(Arrays.stream(PipedriveMethod.values()).map(Enum::name).toList());
        List<String> required = new ArrayList<>();
        definition.path("required").forEach(name -> required.add(name.asText()));
        assertThat(required).containsExactlyInAnyOrder("method", "path");
    }

    @Test
    void theTemplateUsesOnlyDeclaredParametersAndNoVariables() throws Exception {
        JsonNode spec = kamelet().path("spec");
        String template = spec.path("template").toString();
        TreeSet<String> used = new TreeSet<>();
        Matcher placeholder = Pattern.compile("\\{\\{([^}]+)}}").matcher(template);
        while (placeholder.find()) {
            used.add(placeholder.group(1));
        }
        TreeSet<String> declared = new TreeSet<>();
        spec.path("definition").path("properties").fieldNames().forEachRemaining(declared::add);
        assertThat(used).isEqualTo(declared);
        assertThat(template).as("the kamelet reads no caller variable or exchange property")
                .doesNotContain("${variable.").doesNotContain("${exchangeProperty.");
    }

    @Test
    void theTemplateIsARouteOfTheYamlDslWithAnIdOnEveryStep() throws Exception {
        JsonNode from = kamelet().path("spec").path("template").path("from");
        JsonNode asRoute = JSON.valueToTree(List.of(Map.of("route", Map.of("id", "pipedrive-action", "from", from))));
        try (InputStream in = org.apache.camel.dsl.yaml.YamlRoutesBuilderLoader.class.getClassLoader()
                .getResourceAsStream("schema/camelYamlDsl.json")) {
            var schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(JSON.readTree(in));
            assertThat(schema.validate(asRoute)).isEmpty();
        }
        List<String> withoutId = new ArrayList<>();
        from.path("steps").forEach(step -> step.fields().forEachRemaining(eip -> {
            if (!eip.getValue().has("id")) {
                withoutId.add(eip.getKey());
            }
        }));
        assertThat(withoutId).isEmpty();
    }

    @Test
    void aCallPreparesExactlyWhatItsParametersSay() throws Exception {
        try (CamelContext camel = camelWith("""
                - route:
                    id: caller
                    from:
                      uri: direct:caller
                      steps:
                        - to:
                            id: patch-a-deal
                            uri: kamelet:pipedrive-action
                            parameters:
                              method: PATCH
                              path: /api/v2/deals/${variable.dealId}
                              query: RAW(a=1&b=${variable.dealId})
                              idempotencyKey: henk-outbox-${variable.dealId}
                              inline: ${variable.waiting}
                - route:
                    id: reader
                    from:
                      uri: direct:reader
                      steps:
                        - to:
                            id: read-stages
                            uri: kamelet:pipedrive-action
                            parameters:
                              method: GET
                              path: /api/v2/stages
                """)) {
            Exchange patch = new DefaultExchange(camel);
            patch.setVariable("dealId", 42);
            patch.setVariable("waiting", "true");
            patch.getMessage().setHeader("Authorization", "Bearer the-customers-token");
            patch.getMessage().setHeader("Cookie", "session=1");
            patch.getMessage().setBody("{\"value\":2800}");
            Map<String, Object> sent = camel.createProducerTemplate().send("direct:caller", patch).getMessage()
                    .getBody(Map.class);
            assertThat(sent).containsEntry("CamelHttpMethod", PipedriveMethod.PATCH).containsEntry("CamelHttpPath", "/api/v2/deals/42")
                    .containsEntry("CamelHttpQuery", "a=1&b=42").containsEntry("Idempotency-Key", "henk-outbox-42")
                    .containsEntry("HenkPipedriveInline", "true").containsEntry("body", "{\"value\":2800}")
                    .doesNotContainKeys("Authorization", "Cookie");

            Exchange get = new DefaultExchange(camel);
            get.getMessage().setHeader("Authorization", "Bearer the-customers-token");
            get.getMessage().setBody("left over from an earlier step");
            Map<String, Object> read = camel.createProducerTemplate().send("direct:reader", get).getMessage()
                    .getBody(Map.class);
            assertThat(read).containsEntry("CamelHttpMethod", PipedriveMethod.GET).containsEntry("CamelHttpPath", "/api/v2/stages")
                    .containsEntry("HenkPipedriveInline", "false").containsEntry("body", null)
                    .doesNotContainKeys("CamelHttpQuery", "Idempotency-Key", "Authorization");
        }
    }

    @Test
    void aCallWithAnUnknownMethodStopsTheStart() {
        assertThatThrownBy(() -> camelWith(caller("method: PUT\n              path: /api/v2/deals")).close())
                .hasStackTraceContaining("PipedriveMethod").hasStackTraceContaining("PUT");
    }

    @Test
    void aCallWithoutAPathStopsTheStart() {
        assertThatThrownBy(() -> camelWith(caller("method: GET")).close())
                .hasStackTraceContaining("mandatory parameters must be provided: path");
    }

    private static String caller(String parameters) {
        return """
                - route:
                    id: caller
                    from:
                      uri: direct:caller
                      steps:
                        - to:
                            id: call
                            uri: kamelet:pipedrive-action
                            parameters:
                              %s
                """.formatted(parameters);
    }

    /** The kamelet from routes/, the given routes, and a pipedrive-call that answers with what it was given. */
    private static CamelContext camelWith(String routes) throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext();
        KameletComponent kamelets = new KameletComponent();
        kamelets.setLocation("file:" + KAMELET.toAbsolutePath().getParent());
        camel.addComponent("kamelet", kamelets);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:pipedrive-call").routeId("pipedrive-call").process(exchange -> {
                    Map<String, Object> seen = new HashMap<>(exchange.getMessage().getHeaders());
                    seen.put("body", exchange.getMessage().getBody());
                    exchange.getMessage().setBody(seen);
                });
            }
        });
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString("calls.camel.yaml", routes));
        try {
            camel.start();
        } catch (RuntimeException failed) {
            camel.close();
            throw failed;
        }
        return camel;
    }
}
