package de.henk.hub.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's configuration table and the jar's application.yml say the same: every property the table lists is a key
 * of application.yml (a {@code <DAY>} / {@code <type>} row: a map there), every {@code henk.*} key of application.yml
 * is named in the table, and a default the table gives as {@code `value`} is the one application.yml holds.
 */
class ReadmeConfigurationTableTest {

    /** Properties the README documents that application.yml does not set: chosen at start (system/RouteLocation). */
    private static final Set<String> NOT_IN_APPLICATION_YML = Set.of("camel.main.routes-include-pattern");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern PROPERTY = Pattern.compile("`([a-z][a-z0-9-]*(?:\\.[a-z0-9<>A-Z-]+)+)`");
    private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([^}:]+)}$");

    private record Row(List<String> properties, List<String> defaults, String text) { }

    @Test
    void everyPropertyTheReadmeListsIsInApplicationYml() throws IOException {
        Map<String, Object> yml = applicationYml();
        List<String> missing = new ArrayList<>();
        for (Row row : table()) {
            for (String property : row.properties()) {
                if (!NOT_IN_APPLICATION_YML.contains(property) && !inYml(yml, property)) {
                    missing.add(property);
                }
            }
        }
        assertThat(missing).as("README's configuration table lists these, src/main/resources/application.yml has not")
                .isEmpty();
    }

    @Test
    void everyHenkPropertyOfApplicationYmlIsInTheReadme() throws IOException {
        List<Row> table = table();
        List<String> documented = table.stream().flatMap(row -> row.properties().stream()).toList();
        List<String> named = table.stream().flatMap(row -> names(row.text()).stream()).toList();
        List<String> missing = applicationYml().keySet().stream().filter(key -> key.startsWith("henk."))
                .filter(key -> documented.stream().noneMatch(property -> covers(property, key)))
                .filter(key -> !named.contains(key))
                .toList();
        assertThat(missing).as("application.yml sets these, README's configuration table does not name them").isEmpty();
    }

    @Test
    void theDefaultsTheReadmeGivesAreApplicationYmls() throws IOException {
        Map<String, Object> yml = applicationYml();
        List<String> wrong = new ArrayList<>();
        for (Row row : table()) {
            if (row.defaults().size() != row.properties().size()) {
                continue;
            }
            for (int i = 0; i < row.properties().size(); i++) {
                String property = row.properties().get(i);
                String documented = row.defaults().get(i);
                Matcher single = Pattern.compile("^`([^`]*)`$").matcher(documented);
                if (!yml.containsKey(property) || !(single.matches() || documented.equals("empty"))) {
                    continue;
                }
                String expected = single.matches() ? single.group(1) : "";
                String actual = resolve(yml, property);
                if (!expected.equals(actual)) {
                    wrong.add(property + ": README " + documented + ", application.yml '" + actual + "'");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** The rows of the table under "## Configuration", each property written out ({@code .x} / {@code -x} are short). */
    private static List<Row> table() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n## Configuration");
        assertThat(start).as("README has a Configuration section").isPositive();
        int end = readme.indexOf("\n### ", start);
        List<Row> rows = new ArrayList<>();
        for (String line : readme.substring(start, end < 0 ? readme.length() : end).split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.substring(1).split(" \\| ");
            List<String> properties = new ArrayList<>();
            String full = null;
            Matcher code = CODE.matcher(cells[0]);
            while (code.find()) {
                String name = code.group(1);
                if (name.startsWith(".")) {
                    name = full.substring(0, full.lastIndexOf('.')) + name;
                } else if (name.startsWith("-")) {
                    String word = name.substring(0, name.indexOf('-', 1));
                    name = full.substring(0, full.lastIndexOf(word)) + name;
                } else {
                    full = name;
                }
                properties.add(name);
            }
            List<String> defaults = List.of(cells[2].trim().split(" / "));
            rows.add(new Row(properties, defaults, line));
        }
        assertThat(rows).as("the configuration table's rows").hasSizeGreaterThan(50);
        return rows;
    }

    private static List<String> names(String text) {
        List<String> names = new ArrayList<>();
        Matcher property = PROPERTY.matcher(text);
        while (property.find()) {
            names.add(property.group(1));
        }
        return names;
    }

    /** {@code henk.appointments.opening-hours.<DAY>} covers {@code henk.appointments.opening-hours.MONDAY}. */
    private static boolean covers(String property, String key) {
        int open = property.indexOf(".<");
        return open < 0 ? property.equals(key) : key.startsWith(property.substring(0, open + 1));
    }

    private static boolean inYml(Map<String, Object> yml, String property) {
        return yml.keySet().stream().anyMatch(key -> covers(property, key));
    }

    private static String resolve(Map<String, Object> yml, String key) {
        String value = String.valueOf(yml.get(key));
        Matcher placeholder = PLACEHOLDER.matcher(value);
        return placeholder.matches() && yml.containsKey(placeholder.group(1)) ? resolve(yml, placeholder.group(1)) : value;
    }

    private static Map<String, Object> applicationYml() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.yml"))) {
            Map<String, Object> flat = new TreeMap<>();
            flatten("", new Yaml().load(reader), flat);
            return flat;
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object value, Map<String, Object> flat) {
        if (value instanceof Map<?, ?> map) {
            ((Map<Object, Object>) map).forEach((key, inner) ->
                    flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, inner, flat));
        } else {
            flat.put(prefix, value == null ? "" : value);
        }
    }
}
