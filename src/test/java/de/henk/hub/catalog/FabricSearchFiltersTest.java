package de.henk.hub.catalog;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Filters exclude, always and in every combination; the ranking only orders what is left. */
class FabricSearchFiltersTest {

    private static final FabricCatalogue CATALOGUE = new FabricCatalogue();
    private static final FabricSearch SEARCH = new FabricSearch(CATALOGUE);

    @Test
    void summerUnderTwoThousandRespectsBoth() {
        FabricResults results = search(null, null, "summer", null, null, null, "2000", null, null);

        long expected = CATALOGUE.all().stream().filter(f -> f.makes(Garment.SUIT)
                && (f.wornIn(Season.SUMMER) || f.wornIn(Season.ALL_SEASON)) && f.suitPriceEur() <= 2000).count();
        assertThat(results.total()).isEqualTo(expected);
        assertThat(results.fabrics()).isNotEmpty().allSatisfy(hit -> {
            Fabric f = hit.fabric();
            assertThat(f.wornIn(Season.SUMMER) || f.wornIn(Season.ALL_SEASON)).as(f.code()).isTrue();
            assertThat(f.suitPriceEur()).as(f.code()).isLessThanOrEqualTo(2000);
            assertThat(hit.reasons()).containsAnyOf("Saison: Sommer", "Saison: ganzjährig");
            assertThat(hit.reasons()).containsAnyOf("unter 2.000 €", "bis 2.000 €");
        });
    }

    @Test
    void clothMadeForTheSeasonComesBeforeAllSeasonCloth() {
        List<FabricHit> hits = search(null, null, "summer", null, "christening", null, null, null, null).fabrics();

        assertThat(hits.size()).isLessThan(50);
        int firstAllSeason = indexOf(hits, h -> h.fabric().wornIn(Season.ALL_SEASON));
        assertThat(firstAllSeason).isPositive();
        assertThat(hits.subList(firstAllSeason, hits.size()))
                .allSatisfy(h -> assertThat(h.fabric().wornIn(Season.ALL_SEASON)).isTrue());
    }

    @Test
    void aSuitSearchNeverOffersCoatClothOrShirting() {
        FabricResults everything = search(null, null, null, null, null, null, null, null, null);
        long suitings = CATALOGUE.all().stream().filter(f -> f.makes(Garment.SUIT)).count();

        assertThat(everything.total()).isEqualTo(suitings);
        for (String q : List.of("Kaschmir", "Baumwolle", "Mantelstoff oder Hemdenstoff für den Anzug", "cashmere",
                "Popeline", "Melton")) {
            assertThat(search(q, null, null, null, null, "suit", null, null, null).fabrics()).as(q)
                    .allSatisfy(hit -> assertThat(hit.fabric().garments()).doesNotContain("coat", "shirt")
                            .contains("suit"));
        }
        assertThat(search("Kaschmir", null, null, null, null, null, null, null, null).fabrics())
                .isNotEmpty().allSatisfy(hit -> assertThat(hit.fabric().makes(Garment.SUIT)).isTrue());
    }

    @Test
    void shirtsAreOnlyShirting() {
        FabricResults shirts = search(null, null, null, null, null, "shirt", null, null, null);

        assertThat(shirts.total()).isEqualTo(CATALOGUE.all().stream().filter(f -> f.makes(Garment.SHIRT)).count());
        assertThat(shirts.fabrics()).allSatisfy(hit -> assertThat(hit.fabric().garments()).containsExactly("shirt"));
        List<FabricHit> linenShirts = search("Leinen", null, "summer", null, null, "Hemd", null, null, null).fabrics();
        assertThat(linenShirts).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(hit -> assertThat(hit.fabric().garments()).containsExactly("shirt"));
        assertThat(linenShirts.subList(0, 2))
                .allSatisfy(hit -> assertThat(hit.fabric().composition()).contains("Leinen"));
    }

    @Test
    void coatsAreOnlyCoatCloth() {
        assertThat(search(null, null, "winter", null, null, "coat", null, null, null).fabrics()).hasSizeGreaterThan(5)
                .allSatisfy(hit -> assertThat(hit.fabric().garments()).containsExactly("coat"));
    }

    @Test
    void blauFindsEveryBlueAndNavyOnlyNavy() {
        Set<String> blues = colours(search(null, null, null, "blau", null, null, null, null, null));
        assertThat(blues).contains("marineblau", "mitternachtsblau", "hellblau")
                .isSubsetOf("marineblau", "mitternachtsblau", "hellblau", "blau");
        assertThat(colours(search(null, null, null, "blue", null, null, null, null, null))).isEqualTo(blues);
        assertThat(colours(search(null, null, null, "navy", null, null, null, null, null)))
                .containsExactly("marineblau");
        assertThat(colours(search(null, null, null, "Marineblau", null, null, null, null, null)))
                .containsExactly("marineblau");
        assertThat(colours(search(null, null, null, "grau", null, null, null, null, null)))
                .contains("anthrazit", "mittelgrau", "hellgrau").doesNotContain("marineblau", "schwarz");
        assertThat(colours(search(null, null, null, "dunkelblau", null, null, null, null, null)))
                .containsExactlyInAnyOrder("marineblau", "mitternachtsblau");
        assertThat(search(null, null, null, "blau", null, null, null, null, null).fabrics())
                .allSatisfy(hit -> assertThat(hit.reasons()).contains("Farbe: " + hit.fabric().colour()));
    }

    @Test
    void formalMeansClassicClothForGalaOrBusiness() {
        FabricResults results = search(null, "formal", "summer", null, null, null, null, null, null);

        assertThat(results.fabrics()).isNotEmpty().allSatisfy(hit -> {
            Fabric f = hit.fabric();
            assertThat(f.styles()).contains("classic");
            assertThat(f.suits(Occasion.GALA) || f.suits(Occasion.BUSINESS)).as(f.code()).isTrue();
            assertThat(f.wornIn(Season.SUMMER) || f.wornIn(Season.ALL_SEASON)).as(f.code()).isTrue();
            assertThat(hit.reasons()).contains("Stil: formell");
        });
        assertThat(results.fabrics().get(0).fabric().wornIn(Season.SUMMER)).isTrue();
    }

    @Test
    void styleOccasionAndWeightFilterTogether() {
        FabricResults results = search("Flanell", "classic", "winter", null, "business", null, null, "330", "400");

        assertThat(results.fabrics()).isNotEmpty().allSatisfy(hit -> {
            Fabric f = hit.fabric();
            assertThat(f.styles()).contains("classic");
            assertThat(f.occasions()).contains("business");
            assertThat(f.weightGramsPerMetre()).isBetween(330, 400);
            assertThat(f.wornIn(Season.WINTER) || f.wornIn(Season.ALL_SEASON)).isTrue();
            assertThat(hit.reasons()).contains("Gewicht: " + f.weightGramsPerMetre() + " g/m", "Stil: klassisch",
                    "passt zu: Business");
        });
        assertThat(results.fabrics().get(0).fabric().weave()).isEqualTo("Flanell");
    }

    @Test
    void allSeasonMeansClothTaggedAllSeason() {
        assertThat(search(null, null, "all-season", null, null, null, null, null, null).fabrics()).isNotEmpty()
                .allSatisfy(hit -> assertThat(hit.fabric().seasons()).containsExactly("all-season"));
    }

    @Test
    void limitCutsTheListButNotTheTotal() {
        FabricResults three = SEARCH.search("Hochzeit", null, null, null, null, null, null, null, null, "3", null);
        FabricResults ten = SEARCH.search("Hochzeit", null, null, null, null, null, null, null, null, null, null);

        assertThat(three.fabrics()).hasSize(3);
        assertThat(ten.fabrics()).hasSize(FabricQuery.DEFAULT_LIMIT);
        assertThat(three.total()).isEqualTo(ten.total()).isGreaterThan(10);
        assertThat(three.fabrics()).isEqualTo(ten.fabrics().subList(0, 3));
    }

    @Test
    void theTypedQueryForTheConversationGivesTheSameAnswer() {
        FabricResults typed = SEARCH.recommend(FabricQuery.builder().text("Hochzeit").season(Season.SUMMER)
                .maxPriceEur(2500).colour("hellgrau").limit(5).build());
        FabricResults parameters = SEARCH.search("Hochzeit", null, "summer", "hellgrau", null, null, "2500", null,
                null, "5", null);

        assertThat(typed).isEqualTo(parameters);
        assertThat(typed.fabrics()).isNotEmpty();
    }

    private static FabricResults search(String q, String style, String season, String color, String occasion,
                                        String garment, String maxPrice, String minWeight, String maxWeight) {
        return SEARCH.search(q, style, season, color, occasion, garment, maxPrice, minWeight, maxWeight, "50", null);
    }

    private static Set<String> colours(FabricResults results) {
        return results.fabrics().stream().map(h -> h.fabric().colour()).collect(Collectors.toSet());
    }

    private static int indexOf(List<FabricHit> hits, java.util.function.Predicate<FabricHit> test) {
        for (int i = 0; i < hits.size(); i++) {
            if (test.test(hits.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = Occasion.class, names = {"WEDDING", "BUSINESS", "GALA"})
    void withoutAStyleAskedADressedUpOccasionGetsClassicOrModernClothFirst(Occasion occasion) {
        for (Season season : List.of(Season.SUMMER, Season.WINTER)) {
            List<FabricHit> hits = SEARCH.recommend(FabricQuery.builder().occasion(occasion).season(season).limit(3)
                    .build()).fabrics();
            assertThat(hits).as(occasion + " " + season).isNotEmpty();
            assertThat(hits.get(0).fabric().hasStyle(Style.CASUAL)).as(occasion + " " + season + ": "
                    + hits.get(0).fabric().code()).isFalse();
        }
        // asked for casual, casual it is
        List<FabricHit> casual = SEARCH.recommend(FabricQuery.builder().occasion(Occasion.WEDDING)
                .season(Season.SUMMER).style(Style.CASUAL).limit(3).build()).fabrics();
        assertThat(casual).isNotEmpty().allMatch(hit -> hit.fabric().hasStyle(Style.CASUAL));
    }
}
