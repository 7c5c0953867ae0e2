package de.henk.hub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every route file is what the Camel YAML DSL (and so Kaoto) reads: it validates against the JSON schema that
 * ships inside camel-yaml-dsl ({@code schema/camelYamlDsl.json}), and every step has an {@code id}, so that route
 * metrics, logs and interceptors can name it.
 */
class RouteFilesFollowTheYamlDslTest {

    private static final Path ROUTES = Path.of("routes");
    /** Route files the tests add at start-up (an integration engineer's extension): the same rules. */
    private static final Path EXTENSIONS = Path.of("src/test/resources/route-extensions");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Keys that hold steps: each element of such a list is one EIP. */
    private static final Set<String> STEP_LISTS = Set.of("steps");
    /** Keys whose value is itself a step (or a list of branches that are steps). */
    private static final Set<String> BRANCHES = Set.of("when", "otherwise", "doCatch", "doFinally", "onException",
            "onCompletion", "intercept", "interceptFrom", "interceptSendToEndpoint");

    static Stream<Path> routeFiles() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.list(ROUTES), Files.list(EXTENSIONS))) {
            List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(".camel.yaml")).sorted().toList();
            assertThat(found).as("route files in routes/").isNotEmpty();
            return found.stream();
        }
    }

    private static JsonNode read(Path file) throws IOException {
        Object yaml = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        return JSON.valueToTree(yaml);
    }

    private static Schema schema() throws IOException {
        try (InputStream in = org.apache.camel.dsl.yaml.YamlRoutesBuilderLoader.class.getClassLoader()
                .getResourceAsStream("schema/camelYamlDsl.json")) {
            assertThat(in).as("schema/camelYamlDsl.json inside camel-yaml-dsl").isNotNull();
            JsonNode schema = JSON.readTree(in);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routeFiles")
    void validatesAgainstTheCamelYamlDslSchema(Path file) throws IOException {
        List<Error> errors = schema().validate(read(file));
        assertThat(errors).as(file + " against camelYamlDsl.json").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routeFiles")
    void everyStepHasAnId(Path file) throws IOException {
        List<String> missing = new ArrayList<>();
        for (JsonNode element : read(file)) {
            element.fields().forEachRemaining(top -> collect(top.getValue(), top.getKey(), missing, false));
        }
        assertThat(missing).as(file + ": steps without an id").isEmpty();
    }

    /** Camel refuses to start when a step's id repeats another step's or a route's, in any file. */
    @Test
    void idsAreUniqueAcrossAllRouteFiles() throws IOException {
        Map<String, String> seen = new java.util.HashMap<>();
        List<String> repeated = new ArrayList<>();
        for (Path file : routeFiles().toList()) {
            for (JsonNode element : read(file)) {
                if (element.has("rest")) {
                    continue; // a rest verb's id names the route it becomes: it is that route's id
                }
                element.findValues("id").stream().filter(JsonNode::isTextual).map(JsonNode::asText)
                        .forEach(id -> {
                            if (seen.putIfAbsent(id, file.toString()) != null) {
                                repeated.add(id + " (" + seen.get(id) + ", " + file + ")");
                            }
                        });
            }
        }
        assertThat(repeated).isEmpty();
    }

    @Test
    void theSchemaCheckRejectsAnUnknownStep() throws IOException {
        JsonNode broken = JSON.valueToTree(List.of(Map.of("route", Map.of("id", "r", "from",
                Map.of("uri", "direct:r", "steps", List.of(Map.of("sendToTheMoon", Map.of("id", "x"))))))));
        assertThat(schema().validate(broken)).isNotEmpty();
    }

    @Test
    void theIdCheckFindsANestedStepWithoutId() throws IOException {
        JsonNode route = JSON.valueToTree(Map.of("id", "r", "from", Map.of("uri", "direct:r", "steps", List.of(
                Map.of("choice", Map.of("id", "c", "when", List.of(Map.of("id", "w", "steps",
                        List.of(Map.of("log", Map.of("message", "no id")))))))))));
        List<String> missing = new ArrayList<>();
        collect(route, "route", missing, false);
        assertThat(missing).containsExactly("route/from/steps/choice/when/steps/log");
    }

    /** Walks the tree; {@code isStep}: the node is the body of one EIP (it needs an id). */
    private static void collect(JsonNode node, String path, List<String> missing, boolean isStep) {
        if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, path, missing, isStep);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        boolean wrapper = node.size() == 1 && BRANCHES.contains(node.fieldNames().next());
        if (isStep && !wrapper && !node.has("id")) {
            missing.add(path);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (STEP_LISTS.contains(key) && value.isArray()) {
                for (JsonNode step : value) {
                    step.fields().forEachRemaining(eip -> collect(eip.getValue(), path + "/" + key + "/" + eip.getKey(),
                            missing, true));
                }
            } else if (BRANCHES.contains(key)) {
                collect(value, path + "/" + key, missing, true);
            } else if (value.isContainerNode()) {
                collect(value, path + "/" + key, missing, false);
            }
        }
    }
}
