package de.henk.hub.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The fabric API over real HTTP: public, ranked, explained, and a clean problem document for bad input. */
class FabricApiTest extends HubTest {

    @Test
    void theSeedsFormalSummerSearchAnswersAnonymously() {
        for (String token : new String[] {null, ""}) {
            Api.Response response = api.get("/api/fabrics/search?style=formal&season=summer", token);

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.header("Content-Type")).startsWith("application/json");
            JsonNode fabrics = response.json().path("fabrics");
            assertThat(fabrics.size()).isEqualTo(FabricQuery.DEFAULT_LIMIT);
            assertThat(response.json().path("total").asInt()).isGreaterThanOrEqualTo(fabrics.size());
            for (JsonNode fabric : fabrics) {
                assertThat(fabric.path("code").asText()).isNotBlank();
                assertThat(fabric.path("weight_g_m").asInt()).isPositive();
                assertThat(fabric.path("suit_price_eur").asInt()).isPositive();
                assertThat(fabric.path("description_de").asText()).isNotBlank();
                assertThat(fabric.path("styles").toString()).contains("classic");
                assertThat(fabric.path("garments").toString()).contains("suit");
                assertThat(fabric.path("reasons").toString()).contains("Stil: formell").contains("Saison: ");
                assertThat(fabric.path("score").isNumber()).isTrue();
            }
            assertThat(fabrics.get(0).path("seasons").toString()).contains("summer");
        }
    }

    @Test
    void freeGermanTextWithUmlautsIsUnderstood() {
        Api.Response response = api.get("/api/fabrics/search?q="
                + URLEncoder.encode("leichter Stoff für eine Sommerhochzeit", StandardCharsets.UTF_8) + "&limit=3",
                null);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("fabrics").size()).isEqualTo(3);
        JsonNode first = response.json().path("fabrics").get(0);
        assertThat(first.path("seasons").toString()).contains("summer");
        assertThat(first.path("reasons").toString()).contains("passt zu: Hochzeit");
    }

    @Test
    void textThatLooksLikeAnExpressionIsOnlyText() {
        String q = "Leinen, \"Sommer\" (leicht) ${header.limit} #{x} 'quoted'";
        Api.Response response = api.get("/api/fabrics/search?limit=4&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8),
                null);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("fabrics").size()).isEqualTo(4);
        assertThat(response.json().path("fabrics").get(0).path("composition").asText()).contains("Leinen");
    }

    @Test
    void aBadParameterIsAProblemDocument() {
        Api.Response price = api.get("/api/fabrics/search?season=summer&max_price=cheap", null);
        assertProblem(price, 400, "invalid_parameter");
        assertThat(price.json().path("detail").asText()).contains("max_price");

        Api.Response season = api.get("/api/fabrics/search?season=monsoon", null);
        assertProblem(season, 400, "invalid_parameter");
        assertThat(season.json().path("detail").asText()).contains("summer, winter, spring, autumn, all-season");

        assertProblem(api.get("/api/fabrics/search?season=summer&season=winter", null), 400, "invalid_parameter");
        assertProblem(api.get("/api/fabrics/search?limit=500", null), 400, "invalid_parameter");
    }

    @Test
    void oneFabricByItsCode() {
        Api.Response found = api.get("/api/fabrics/VBC-2311", null);
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().path("code").asText()).isEqualTo("VBC-2311");
        assertThat(found.json().path("mill").asText()).isEqualTo("Vitale Barberis Canonico");
        assertThat(found.json().path("colour_en").asText()).isEqualTo("navy");

        assertProblem(api.get("/api/fabrics/XYZ-0000", null), 404, "fabric_not_found");
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.json().path("code").asText()).isEqualTo(code);
        assertThat(response.body()).doesNotContain("Exception");
    }
}
