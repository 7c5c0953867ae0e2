package de.henk.hub.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/errors.md is the list of every problem {@code code} the hub answers, with its status: README's "Codes
 * include …" missed a third of them. Every code is a literal at an {@link ApiException} factory or constructor (the
 * one way the hub makes a problem document — Spring Security, the filters, the container's error valve and the Camel
 * routes all go through it), so the sources (src/main/java, routes/*.yaml) are scanned for them: a code produced but
 * not documented fails, and so does a documented code nothing produces any more, or a documented status that no
 * producer of the code uses.
 */
class ErrorCodesAreDocumentedTest {

    private static final Map<String, Integer> FACTORIES = Map.of("badRequest", 400, "unauthorized", 401,
            "forbidden", 403, "notFound", 404, "conflict", 409);
    private static final Pattern FACTORY = Pattern.compile(
            "ApiException\\.(badRequest|unauthorized|forbidden|notFound|conflict)\\(\\s*\"([a-z0-9_]+)\"");
    private static final Pattern CONSTRUCTOR = Pattern.compile("new ApiException\\(\\s*([^,()]+),\\s*\"([a-z0-9_]+)\"");
    private static final Pattern DOCUMENTED = Pattern.compile("^\\| `([a-z0-9_]+)` \\| (\\d{3}) \\|", Pattern.MULTILINE);

    @Test
    void everyCodeTheHubAnswersIsInDocsErrorsMdAndNothingElse() throws IOException {
        Map<String, Set<Integer>> produced = produced();
        Map<String, Integer> documented = new TreeMap<>();
        Matcher row = DOCUMENTED.matcher(Files.readString(Path.of("docs/errors.md")));
        while (row.find()) {
            documented.put(row.group(1), Integer.parseInt(row.group(2)));
        }
        assertThat(produced).as("codes found in the sources").hasSizeGreaterThan(50).containsKey("validation_failed");
        assertThat(new TreeSet<>(documented.keySet())).as("docs/errors.md lists exactly the codes the hub produces")
                .isEqualTo(new TreeSet<>(produced.keySet()));
        produced.forEach((code, statuses) -> {
            if (!statuses.isEmpty()) {
                assertThat(statuses).as("status of " + code + " in docs/errors.md").contains(documented.get(code));
            }
        });
    }

    @Test
    void theReadmeAndTheContractPointToTheList() throws IOException {
        assertThat(Files.readString(Path.of("README.md"))).contains("docs/errors.md");
        assertThat(Files.readString(Path.of("src/main/resources/static/api/openapi.json"))).contains("docs/errors.md");
    }

    /** Code → the literal statuses it is produced with (empty when only a computed status produces it). */
    private static Map<String, Set<Integer>> produced() throws IOException {
        Map<String, Set<Integer>> codes = new TreeMap<>();
        try (Stream<Path> java = Files.walk(Path.of("src/main/java")); Stream<Path> routes = Files.list(Path.of("routes"))) {
            Stream.concat(java.filter(p -> p.toString().endsWith(".java")),
                    routes.filter(p -> p.toString().endsWith(".yaml"))).forEach(file -> {
                String source;
                try {
                    source = Files.readString(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                Matcher factory = FACTORY.matcher(source);
                while (factory.find()) {
                    codes.computeIfAbsent(factory.group(2), c -> new TreeSet<>()).add(FACTORIES.get(factory.group(1)));
                }
                Matcher constructor = CONSTRUCTOR.matcher(source);
                while (constructor.find()) {
                    Set<Integer> statuses = codes.computeIfAbsent(constructor.group(2), c -> new TreeSet<>());
                    if (constructor.group(1).strip().matches("\\d{3}")) {
                        statuses.add(Integer.parseInt(constructor.group(1).strip()));
                    }
                }
            });
        }
        return codes;
    }
}
