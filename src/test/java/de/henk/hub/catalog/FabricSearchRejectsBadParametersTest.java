package de.henk.hub.catalog;

import de.henk.hub.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A parameter the search cannot read is a 400 that names it and says what it accepts — never a guess. */
class FabricSearchRejectsBadParametersTest {

    private static final FabricSearch SEARCH = new FabricSearch(new FabricCatalogue());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "max_price  | abc       | max_price must be an amount in euros",
            "max_price  | -5        | max_price must be an amount in euros",
            "max_price  | 0         | max_price must be between 1 and",
            "max_price  | 2.500,00  | max_price must be an amount in euros",
            "min_weight | heavy     | min_weight must be a whole number of grams per metre",
            "min_weight | 0         | min_weight must be between 1 and 2000",
            "max_weight | 280.5     | max_weight must be a whole number of grams per metre",
            "limit      | ten       | limit must be a whole number",
            "limit      | 0         | limit must be between 1 and 50",
            "limit      | 51        | limit must be between 1 and 50",
            "season     | monsoon   | season must be one of summer, winter, spring, autumn, all-season",
            "style      | punk      | style must be one of classic, modern, casual, extravagant, formal",
            "garment    | cape      | garment must be one of suit, jacket, trousers, vest, tuxedo, coat, shirt",
            "occasion   | funeral   | occasion must be one of wedding, business, gala, christening, prom, everyday",
            "color      | lila      | color must be a colour word: blau, grau",
            "lang       | fr        | lang must be one of de, en"})
    void aBadParameterIsNamedWithWhatItAccepts(String parameter, String value, String message) {
        assertThatThrownBy(() -> searchWith(parameter, value)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("invalid_parameter");
            assertThat(e.getMessage()).startsWith(message);
            assertThat(e.errors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo(parameter));
        });
    }

    @Test
    void minimumWeightAboveMaximumIsRejected() {
        assertThatThrownBy(() -> SEARCH.search(null, null, null, null, null, null, null, "400", "300", null, null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_parameter");
                    assertThat(e.getMessage()).contains("min_weight must not be above max_weight");
                });
    }

    @Test
    void anOverlongQueryIsRejected() {
        assertThatThrownBy(() -> SEARCH.search("Leinen ".repeat(100), null, null, null, null, null, null, null, null,
                null, null)).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors().get(0).field())
                .isEqualTo("q"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "season   | Sommer",
            "season   | ALL_SEASON",
            "season   | Frühjahr",
            "style    | klassisch",
            "style    | Formal",
            "garment  | Hemd",
            "garment  | Sakko",
            "occasion | Hochzeit",
            "occasion | Büro",
            "color    | Dunkelblau",
            "color    | tannengrün",
            "max_price | 2499.50",
            "max_price | 2500,5",
            "limit    | ' 7 '"})
    void germanWordsCaseAndSpacesAreAccepted(String parameter, String value) {
        assertThat(searchWith(parameter, value)).isNotNull();
    }

    @Test
    void blankParametersMeanAny() {
        FabricResults blank = SEARCH.search(" ", "", " ", "", "", "", "", " ", "", "", " ");
        FabricResults none = SEARCH.search(null, null, null, null, null, null, null, null, null, null, null);

        assertThat(blank).isEqualTo(none);
        assertThat(none.fabrics()).hasSize(FabricQuery.DEFAULT_LIMIT);
    }

    private static FabricResults searchWith(String parameter, String value) {
        return SEARCH.search(null,
                parameter.equals("style") ? value : null,
                parameter.equals("season") ? value : null,
                parameter.equals("color") ? value : null,
                parameter.equals("occasion") ? value : null,
                parameter.equals("garment") ? value : null,
                parameter.equals("max_price") ? value : null,
                parameter.equals("min_weight") ? value : null,
                parameter.equals("max_weight") ? value : null,
                parameter.equals("limit") ? value : null,
                parameter.equals("lang") ? value : null);
    }
}
