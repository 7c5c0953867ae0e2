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
    /** A test-only REST route (a sales-team endpoint without a path rule in SecurityConfig): the same rules. */
    private static final Path ROUTE_ACCESS = Path.of("src/test/resources/route-access");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Keys that hold steps: each element of such a list is one EIP. */
    private static final Set<String> STEP_LISTS = Set.of("steps");
    /** Keys whose value is itself a step, or a list of steps (branches of a choice, catches, error handlers). */
    private static final Set<String> BRANCHES = Set.of("when", "otherwise", "doCatch", "doFinally", "onException",
            "onCompletion", "intercept", "interceptFrom", "interceptSendToEndpoint", "onFallback");
    /** Top-level elements that Camel names by their id (routes, REST services, route configurations, templates). */
    private static final Set<String> NAMED_ELEMENTS = Set.of("route", "rest", "routeConfiguration", "routeTemplate",
            "templatedRoute");
    /** A REST service's verbs: each becomes a route, named by the verb's id. */
    private static final Set<String> REST_VERBS = Set.of("get", "post", "put", "patch", "delete", "head");

    static Stream<Path> routeFiles() throws IOException {
        try (Stream<Path> files = Stream.of(ROUTES, EXTENSIONS, ROUTE_ACCESS).flatMap(folder -> {
            try {
                return Files.list(folder);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })) {
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
        assertThat(missingIds(read(file))).as(file + ": steps without an id").isEmpty();
    }

    /**
     * The check cannot be fooled by the files as they are: take away any single id from any route file and it
     * names the step that lost it. (An id the check did not ask for would survive this and fail here.)
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("routeFiles")
    void everyIdInTheFileIsOneTheCheckInsistsOn(Path file) throws IOException {
        JsonNode original = read(file);
        List<String> idPaths = new ArrayList<>();
        paths(original, "", idPaths);
        assertThat(idPaths).as(file + " has ids").isNotEmpty();
        List<String> unnoticed = new ArrayList<>();
        for (String idPath : idPaths) {
            JsonNode mutated = original.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) mutated.at(idPath)).remove("id");
            if (missingIds(mutated).isEmpty()) {
                unnoticed.add(idPath);
            }
        }
        assertThat(unnoticed).as(file + ": ids whose removal the check would not notice").isEmpty();
    }

    @Test
    void theIdCheckFindsEveryKindOfStepWithoutId() {
        assertThat(missingIds(yaml("""
                - route:
                    from:
                      uri: direct:a
                      steps:
                        - to:
                            id: fine
                            uri: direct:b
                """))).as("a route without id").containsExactly("route");
        assertThat(missingIds(yaml("""
                - route:
                    id: r
                    from:
                      uri: direct:a
                      steps:
                        - to: direct:b
                """))).as("a step in the compact form, which has no room for an id").hasSize(1);
        assertThat(missingIds(yaml("""
                - route:
                    id: r
                    from:
                      uri: direct:a
                      steps:
                        - doTry:
                            id: t
                            steps:
                              - loop:
                                  id: l
                                  expression: {constant: {expression: '1'}}
                                  steps:
                                    - split:
                                        id: s
                                        expression: {simple: {expression: '${body}'}}
                                        steps:
                                          - setBody: {expression: {constant: {expression: x}}}
                            doCatch:
                              - exception: [java.lang.Exception]
                                steps:
                                  - bean: {id: b, ref: x, method: y}
                            doFinally:
                              steps:
                                - log: {id: f, message: done}
                        - choice:
                            id: c
                            when:
                              - id: w
                                expression: {simple: {expression: 'true'}}
                                steps:
                                  - stop: {}
                            otherwise:
                              steps:
                                - log: {id: o, message: other}
                        - circuitBreaker:
                            id: cb
                            steps:
                              - to: {id: call, uri: direct:c}
                            onFallback:
                              steps:
                                - log: {id: fb, message: fallback}
                """))).as("nested steps, doCatch, doFinally, choice branches and onFallback").hasSize(6);
        assertThat(missingIds(yaml("""
                - rest:
                    id: api
                    path: /api
                    post:
                      - path: /x
                        to: {uri: direct:x}
                - routeConfiguration:
                    onException:
                      - onException:
                          exception: [java.lang.Exception]
                          steps:
                            - log: {id: l, message: failed}
                """))).as("a REST verb, a route configuration and its onException").hasSize(3);
    }

    /**
     * No timing, size or count is written into a route: such numbers are placeholders, so that they can be set per
     * installation (a timer's {@code period: '{{henk.mail.poll-interval}}'}). HTTP status codes are the API's
     * contract, not settings; {@code maximumRedeliveries: 0} says that Camel retries nothing (the outbox's rows are
     * the schedule), which no installation should change.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("routeFiles")
    void numbersArePlaceholders(Path file) throws IOException {
        List<String> literal = new ArrayList<>();
        numbers(read(file), "", literal);
        assertThat(literal).as(file + ": numbers written into the route (use a {{placeholder}})").isEmpty();
    }

    /** Every placeholder a route uses has its default in application.yml (the jar's defaults). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("routeFiles")
    void everyPlaceholderHasItsDefaultInApplicationYml(Path file) throws IOException {
        Set<String> defaults = new java.util.HashSet<>();
        flatten(new Load(LoadSettings.builder().build()).loadFromString(
                Files.readString(Path.of("src/main/resources/application.yml"))), "", defaults);
        java.util.regex.Matcher placeholders = java.util.regex.Pattern.compile("\\{\\{([^}:]+)(:[^}]*)?}}")
                .matcher(Files.readString(file));
        List<String> undefined = new ArrayList<>();
        while (placeholders.find()) {
            if (placeholders.group(2) == null && !defaults.contains(placeholders.group(1))) {
                undefined.add(placeholders.group(1));
            }
        }
        assertThat(undefined).as(file + ": placeholders without a default in application.yml").isEmpty();
    }

    @Test
    void theNumberCheckFindsATimerWrittenIntoTheRoute() {
        List<String> literal = new ArrayList<>();
        numbers(yaml("""
                - route:
                    id: r
                    from:
                      uri: timer:t?delay=5000
                      parameters:
                        period: '1000'
                      steps:
                        - setHeader:
                            id: created
                            name: CamelHttpResponseCode
                            expression: {constant: {expression: '201'}}
                """), "", literal);
        assertThat(literal).containsExactlyInAnyOrder("/0/route/from/uri", "/0/route/from/parameters/period");
    }

    private static void numbers(JsonNode node, String pointer, List<String> literal) {
        if (node.isObject() && "CamelHttpResponseCode".equals(node.path("name").asText())) {
            return;
        }
        if (pointer.endsWith("/maximumRedeliveries") && node.asText().equals("0")) {
            return;
        }
        if (node.isNumber() || (node.isTextual() && (node.asText().matches("\\d+")
                || node.asText().matches(".*[?&][A-Za-z]+=\\d+.*")))) {
            literal.add(pointer);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                numbers(node.get(i), pointer + "/" + i, literal);
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> numbers(field.getValue(), pointer + "/" + field.getKey(), literal));
        }
    }

    private static void flatten(Object yaml, String prefix, Set<String> keys) {
        if (yaml instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(value, prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key,
                    keys));
        } else {
            keys.add(prefix);
        }
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

    /** Where a route file lacks an id: named top-level elements, REST verbs, and every step at any depth. */
    static List<String> missingIds(JsonNode file) {
        List<String> missing = new ArrayList<>();
        for (JsonNode element : file) {
            element.fields().forEachRemaining(top -> {
                String kind = top.getKey();
                JsonNode body = top.getValue();
                collect(body, kind, missing, NAMED_ELEMENTS.contains(kind));
                if ("rest".equals(kind)) {
                    body.fields().forEachRemaining(verb -> {
                        if (REST_VERBS.contains(verb.getKey())) {
                            collect(verb.getValue(), "rest/" + verb.getKey(), missing, true);
                        }
                    });
                }
            });
        }
        return missing;
    }

    private static JsonNode yaml(String text) {
        return JSON.valueToTree(new Load(LoadSettings.builder().build()).loadFromString(text));
    }

    /** JSON pointers of every object in the tree that has an id. */
    private static void paths(JsonNode node, String pointer, List<String> found) {
        if (node.isObject() && node.has("id")) {
            found.add(pointer);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                paths(node.get(i), pointer + "/" + i, found);
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> paths(field.getValue(), pointer + "/"
                    + field.getKey().replace("~", "~0").replace("/", "~1"), found));
        }
    }

    /** Walks the tree; {@code isStep}: the node is the body of one EIP (it needs an id). */
    private static void collect(JsonNode node, String path, List<String> missing, boolean isStep) {
        if (isStep && node.isValueNode()) {
            missing.add(path); // the compact form (`- to: direct:x`, `- log: text`) has no room for an id
            return;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, path, missing, isStep);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (isStep && !node.has("id")) {
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
            } else if (BRANCHES.contains(key) && value.isArray()) {
                for (JsonNode branch : value) {
                    // a routeConfiguration lists its onException (intercept, …) each wrapped in its own key
                    boolean wrapped = branch.size() == 1 && branch.has(key) && branch.get(key).isObject();
                    collect(wrapped ? branch.get(key) : branch, path + "/" + key, missing, true);
                }
            } else if (BRANCHES.contains(key)) {
                collect(value, path + "/" + key, missing, true);
            } else if (value.isContainerNode()) {
                collect(value, path + "/" + key, missing, false);
            }
        }
    }
}
