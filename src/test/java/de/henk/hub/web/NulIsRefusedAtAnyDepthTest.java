package de.henk.hub.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * U+0000 is refused in every text of a request body, not only in its top-level fields (the API's bodies are flat
 * today; a nested one must not slip a NUL past the check to PostgreSQL).
 */
class NulIsRefusedAtAnyDepthTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private final RequestValidator requests = new RequestValidator(FACTORY.getValidator(), new ObjectMapper());

    record Street(String streetName, List<String> lines) { }

    record Order(String title, Street shipTo, List<Street> stops, Map<String, Street> byName,
                 Map<String, String> labels, String[] tags) { }

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void aNulIsNamedByItsPathWhereverItIs() {
        Order order = new Order("Anzug\u0000", new Street("Haupt\u0000straße", List.of("a", "b\u0000")),
                List.of(new Street("ok", List.of()), new Street("x\u0000", List.of())),
                Map.of("home", new Street("y\u0000", List.of())), Map.of("k\u0000", "v"),
                new String[] {"z\u0000", "w\u0000"});
        assertThat(fields(order)).containsExactly("by_name[home].street_name", "labels", "ship_to.lines",
                "ship_to.street_name", "stops[1].street_name", "tags", "title");
    }

    @Test
    void aBodyWithoutNulPasses() {
        Order order = new Order("Anzug", new Street("Hauptstraße", List.of("a")), List.of(), Map.of(),
                Map.of("k", "v"), new String[] {"z"});
        assertThat(requests.validate(order)).isSameAs(order);
    }

    @Test
    void halfASurrogatePairIsNoTextEither() {
        Order order = new Order("\ud800x", new Street("Haupt\udfffstraße", List.of("a")), List.of(), Map.of(),
                Map.of("k", "v"), new String[] {"z"});
        try {
            requests.validate(order);
            throw new AssertionError("a lone surrogate passed");
        } catch (ApiException e) {
            assertThat(e.code()).isEqualTo("validation_failed");
            assertThat(e.errors()).extracting(ApiException.FieldError::field)
                    .containsExactlyInAnyOrder("title", "ship_to.street_name");
            assertThat(e.errors()).allSatisfy(error -> assertThat(error.message()).contains("valid Unicode"));
        }
        // a whole pair (an emoji) is text
        Order emoji = new Order("Anzug \ud83e\udd35", new Street("Hauptstraße", List.of("a")), List.of(), Map.of(),
                Map.of("k", "v"), new String[] {"z"});
        assertThat(requests.validate(emoji)).isSameAs(emoji);
    }

    private List<String> fields(Object body) {
        try {
            requests.validate(body);
        } catch (ApiException e) {
            assertThat(e.code()).isEqualTo("validation_failed");
            assertThat(e.errors()).allSatisfy(error -> assertThat(error.message())
                    .isEqualTo("must not contain the NUL character (U+0000)"));
            return e.errors().stream().map(ApiException.FieldError::field).toList();
        }
        throw new AssertionError("no NUL found in " + body);
    }
}
