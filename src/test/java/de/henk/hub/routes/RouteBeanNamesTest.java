package de.henk.hub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A reader of a route finds the bean it calls: every {@code ref:} in routes/*.camel.yaml names exactly one bean class,
 * and a bean whose name is not its class's (leads → LeadIntake) is in the README's table under "How it is built" —
 * which names no bean that is not so.
 */
class RouteBeanNamesTest {

    private static final Path SOURCES = Path.of("src/main/java/de/henk/hub");
    private static final Pattern BEAN = Pattern.compile(
            "@(?:Component|Service|Repository)(?:\\(\"(\\w+)\"\\))?\\s+public\\s+(?:final\\s+)?class\\s+(\\w+)");
    private static final Pattern REF = Pattern.compile("\\bref: (\\w+)");
    private static final Pattern ROW = Pattern.compile("\\| `(\\w+)` \\| `([\\w/]+)` \\|");

    @Test
    void everyBeanARouteCallsIsItsClassOrInTheReadmesTable() throws IOException {
        Map<String, List<String>> beans = beans();
        Map<String, String> table = readmeTable();
        List<String> problems = new ArrayList<>();
        for (String ref : refs()) {
            List<String> classes = beans.getOrDefault(ref, List.of());
            if (classes.size() != 1) {
                problems.add(ref + ": declared by " + classes);
                continue;
            }
            String type = classes.get(0);
            boolean namedAfterClass = ref.equals(decapitalize(type.substring(type.lastIndexOf('/') + 1)));
            if (!namedAfterClass && !type.equals(table.get(ref))) {
                problems.add(ref + " is " + type + ": add `| `" + ref + "` | `" + type + "` |` to README.md");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theReadmesTableIsTrue() throws IOException {
        Map<String, List<String>> beans = beans();
        Map<String, String> table = readmeTable();
        assertThat(table).as("the README's bean table").isNotEmpty();
        table.forEach((name, type) -> {
            assertThat(beans.get(name)).as("README: bean " + name).containsExactly(type);
            assertThat(refs()).as("README: " + name + " is called by a route").contains(name);
        });
    }

    /** Bean name → the classes declaring it, as package/Class. */
    private static Map<String, List<String>> beans() throws IOException {
        Map<String, List<String>> beans = new HashMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher bean = BEAN.matcher(Files.readString(file));
                while (bean.find()) {
                    String type = SOURCES.relativize(file.getParent()) + "/" + bean.group(2);
                    String name = bean.group(1) != null ? bean.group(1) : decapitalize(bean.group(2));
                    beans.computeIfAbsent(name, n -> new ArrayList<>()).add(type);
                }
            }
        }
        return beans;
    }

    private static List<String> refs() {
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            List<String> refs = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".camel.yaml")).sorted().toList()) {
                Matcher ref = REF.matcher(Files.readString(file));
                while (ref.find()) {
                    if (!refs.contains(ref.group(1))) {
                        refs.add(ref.group(1));
                    }
                }
            }
            return refs;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, String> readmeTable() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String built = readme.substring(readme.indexOf("## How it is built"));
        Map<String, String> table = new TreeMap<>();
        Matcher row = ROW.matcher(built);
        while (row.find()) {
            table.put(row.group(1), row.group(2));
        }
        return table;
    }

    private static String decapitalize(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
