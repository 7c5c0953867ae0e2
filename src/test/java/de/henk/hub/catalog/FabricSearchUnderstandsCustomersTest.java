package de.henk.hub.catalog;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What customers type — German first, English too, inflected and compounded — finds the cloth a tailor would show
 * them, and every hit says why.
 */
class FabricSearchUnderstandsCustomersTest {

    private static final FabricSearch SEARCH = new FabricSearch(new FabricCatalogue());

    @Test
    void aLightFabricForASummerWeddingIsLightSummerClothForWeddings() {
        List<FabricHit> hits = text("leichter Stoff für eine Sommerhochzeit", 10).fabrics();

        assertThat(hits).hasSize(10);
        assertThat(hits.subList(0, 5)).allSatisfy(hit -> {
            Fabric f = hit.fabric();
            assertThat(f.weightGramsPerMetre()).as(f.code()).isLessThanOrEqualTo(290);
            assertThat(f.wornIn(Season.SUMMER)).as(f.code()).isTrue();
            assertThat(f.suits(Occasion.WEDDING)).as(f.code()).isTrue();
        });
        assertThat(hits).noneSatisfy(hit -> assertThat(hit.fabric().weave()).isIn("Tweed", "Flanell"));
        assertThat(hits).allSatisfy(hit -> assertThat(hit.fabric().seasons()).doesNotContain("winter"));
        assertThat(hits.get(0).reasons()).contains("Saison: Sommer", "passt zu: Hochzeit")
                .anySatisfy(reason -> assertThat(reason).startsWith("leicht: "));
    }

    @Test
    void pinstripesForTheOfficeComeFirst() {
        long pinstripeSuits = new FabricCatalogue().all().stream()
                .filter(f -> f.makes(Garment.SUIT) && f.pattern().equals("Nadelstreifen")).count();
        List<FabricHit> hits = text("Nadelstreifen für das Büro", 20).fabrics();

        assertThat(pinstripeSuits).isGreaterThanOrEqualTo(5);
        assertThat(hits.subList(0, (int) pinstripeSuits)).allSatisfy(hit -> {
            assertThat(hit.fabric().pattern()).isEqualTo("Nadelstreifen");
            assertThat(hit.reasons()).contains("Muster: Nadelstreifen", "passt zu: Business");
        });
    }

    @Test
    void leinenFindsLinenAndOnlyLinen() {
        FabricResults results = text("Leinen", 50);

        assertThat(results.total()).isGreaterThanOrEqualTo(10);
        assertThat(results.fabrics()).allSatisfy(hit -> {
            assertThat(hit.fabric().composition()).contains("Leinen");
            assertThat(hit.reasons()).contains("Stoff: Leinen");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sommerleinen", "Leinenmischung", "Leinenanzug", "leinener Anzug", "Leinen-Sakko"})
    void compoundsAndInflectionsOfLeinenFindLinen(String query) {
        List<FabricHit> hits = text(query, 10).fabrics();

        assertThat(hits).hasSize(10)
                .allSatisfy(hit -> assertThat(hit.fabric().composition()).as(query).contains("Leinen"));
    }

    @Test
    void englishLinenFindsTheSameFabricsAsGermanLeinen() {
        assertThat(codes(text("linen", 50))).isEqualTo(codes(text("Leinen", 50)));
    }

    @Test
    void leinwandIsAWeaveNotLinen() {
        List<FabricHit> hits = text("Leinwandbindung", 50).fabrics();

        assertThat(hits).isNotEmpty().allSatisfy(hit -> {
            assertThat(hit.fabric().weave().equals("Leinwand") || hit.fabric().descriptionDe().contains("Leinwand"))
                    .as(hit.fabric().code()).isTrue();
            assertThat(hit.reasons()).doesNotContain("Stoff: Leinen");
        });
        assertThat(hits.get(0).fabric().weave()).isEqualTo("Leinwand");
        assertThat(hits).anySatisfy(hit -> assertThat(hit.fabric().composition()).doesNotContain("Leinen"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Kaschmir", "cashmere", "Kaschmiranteil"})
    void cashmereInEitherLanguage(String query) {
        List<FabricHit> hits = text(query, 5).fabrics();

        assertThat(hits).isNotEmpty().allSatisfy(hit -> {
            assertThat(hit.fabric().composition()).contains("Kaschmir");
            assertThat(hit.reasons()).contains("Stoff: Kaschmir");
        });
    }

    @Test
    void tweedIsTweedAndNeverCoatCloth() {
        List<FabricHit> hits = text("tweed", 50).fabrics();

        assertThat(hits).hasSizeGreaterThanOrEqualTo(5).allSatisfy(hit -> {
            assertThat(hit.fabric().weave()).isEqualTo("Tweed");
            assertThat(hit.fabric().makes(Garment.SUIT)).isTrue();
        });
    }

    @Test
    void baumwolleIsCottonNotWool() {
        assertThat(text("Baumwolle", 50).fabrics()).isNotEmpty()
                .allSatisfy(hit -> assertThat(hit.fabric().composition()).contains("Baumwolle"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"knitterarm", "knitterarmer Reiseanzug", "crease resistant"})
    void creaseResistantMeansFrescoHopsackOrHighTwist(String query) {
        List<FabricHit> hits = text(query, 5).fabrics();

        assertThat(hits).hasSize(5).allSatisfy(hit -> assertThat(hit.reasons()).as(query).contains("knitterarm"));
        assertThat(hits).anySatisfy(hit -> assertThat(hit.fabric().weave()).isIn("Fresco", "Hopsack"));
    }

    @Test
    void aBlueSuitFindsEveryShadeOfBlue() {
        List<FabricHit> hits = text("blauer Anzug", 30).fabrics();

        assertThat(hits).isNotEmpty().allSatisfy(hit -> assertThat(hit.fabric().colour())
                .isIn("marineblau", "mitternachtsblau", "hellblau", "blau"));
        assertThat(hits.stream().map(h -> h.fabric().colour()).collect(Collectors.toSet()))
                .contains("marineblau", "mitternachtsblau", "hellblau");
    }

    @Test
    void theGarmentANamesDecidesWhatIsShown() {
        assertThat(text("Wintermantel aus Kaschmir", 10).fabrics()).isNotEmpty().allSatisfy(hit -> {
            assertThat(hit.fabric().garments()).containsExactly("coat");
            assertThat(hit.reasons()).contains("geeignet für: Mantel");
        });
        assertThat(text("Wintermantel aus Kaschmir", 1).fabrics().get(0).fabric().composition()).contains("Kaschmir");
        assertThat(text("Smoking für den Opernball", 20).fabrics()).isNotEmpty()
                .allSatisfy(hit -> assertThat(hit.fabric().makes(Garment.TUXEDO)).isTrue());
        assertThat(text("ein weißes Hemd zum Anzug", 5).fabrics()).isNotEmpty().allSatisfy(hit -> {
            assertThat(hit.fabric().garments()).containsExactly("shirt");
            assertThat(hit.fabric().colour()).isIn("weiß", "creme");
        });
    }

    @Test
    void aPriceInTheTextIsALimit() {
        FabricResults results = text("Anzug für die Hochzeit unter 2.000 Euro", 50);

        assertThat(results.fabrics()).isNotEmpty().allSatisfy(hit -> {
            assertThat(hit.fabric().suitPriceEur()).isLessThanOrEqualTo(2_000);
            assertThat(hit.reasons()).containsAnyOf("unter 2.000 €", "bis 2.000 €");
        });
    }

    @Test
    void anArticleCodeFindsThatFabricFirst() {
        FabricHit first = text("Haben Sie VBC-2311 noch?", 5).fabrics().get(0);

        assertThat(first.fabric().code()).isEqualTo("VBC-2311");
        assertThat(first.reasons()).contains("Artikel: VBC-2311");
    }

    @Test
    void knowingIsNotWhite() {
        assertThat(text("Ich weiß nicht genau, vielleicht etwas Leichtes", 10).fabrics()).isNotEmpty()
                .allSatisfy(hit -> {
                    assertThat(hit.reasons()).doesNotContain("Farbe: weiß");
                    assertThat(hit.fabric().weightGramsPerMetre()).isLessThanOrEqualTo(290);
                });
    }

    @Test
    void reasonsExplainEveryPartOfTheRequest() {
        FabricResults results = SEARCH.search("Leinen für eine Hochzeit", null, "summer", null, null, null, "2500",
                null, null, "5", null);

        assertThat(results.fabrics()).isNotEmpty().allSatisfy(hit -> assertThat(hit.reasons())
                .containsExactly("Saison: Sommer", "Stoff: Leinen", "passt zu: Hochzeit", "unter 2.500 €"));
    }

    @Test
    void reasonsComeInEnglishWhenAskedFor() {
        FabricResults results = SEARCH.search("linen for a wedding", null, "summer",
                null, null, "jacket", "2500", null, "300", "5", "en");

        assertThat(results.fabrics()).isNotEmpty().allSatisfy(hit -> {
            assertThat(hit.reasons()).contains("Season: summer", "Cloth: linen", "made as: jacket",
                    "Weight: " + hit.fabric().weightGramsPerMetre() + " g/m").anyMatch(r -> r.matches("(under|up to) €2,500"));
            assertThat(String.join(" ", hit.reasons()))
                    .doesNotContainPattern("Saison|Stoff|Farbe|Muster|Bindung|passt zu|geeignet|Gewicht|unter|bis |Sommer");
        });
        FabricResults german = SEARCH.search("Leinen für eine Hochzeit", null, "summer", null, null, null, "2500",
                null, null, "5", "de");
        assertThat(german).isEqualTo(SEARCH.search("Leinen für eine Hochzeit", null, "summer", null, null, null,
                "2500", null, null, "5", null));
    }

    @Test
    void aFabricNamesItsPatternWeaveAndFibresInEnglishToo() {
        Fabric fabric = new FabricCatalogue().all().stream()
                .filter(f -> f.composition().equals("80% Schurwolle 20% Seide")).findFirst().orElseThrow();

        assertThat(fabric.compositionEn()).isEqualTo("80% virgin wool 20% silk");
        assertThat(new FabricCatalogue().all()).allSatisfy(f -> {
            assertThat(f.compositionEn()).doesNotContainPattern("(?i)wolle|leinen|seide|kaschmir|alpaka|kamel|elasthan");
            assertThat(f.patternEn()).doesNotContainPattern("(?i)^(uni|streifen|nadelstreifen|karo|fischgrat)$");
        });
        assertThat(FabricVocabulary.englishPattern("Nadelstreifen")).isEqualTo("pinstripe");
        assertThat(FabricVocabulary.englishPattern("uni")).isEqualTo("plain");
        assertThat(FabricVocabulary.englishWeave("Leinwand")).isEqualTo("plain weave");
        assertThat(FabricVocabulary.englishComposition("55% Leinen 45% Schurwolle, Baumwolle/Wolle"))
                .isEqualTo("55% linen 45% virgin wool, cotton/wool");
    }

    @Test
    void wordsWithoutAMeaningStillFindTheirFabric() {
        List<FabricHit> hits = text("Loro Piana", 50).fabrics();

        assertThat(hits).isNotEmpty().allSatisfy(hit -> {
            assertThat(hit.fabric().mill()).isEqualTo("Loro Piana");
            assertThat(hit.reasons()).contains("Suchbegriff: Loro Piana");
        });
    }

    @Test
    void wordsThatMatchNothingFindNothing() {
        FabricResults results = text("Xylophon", 10);

        assertThat(results.total()).isZero();
        assertThat(results.fabrics()).isEmpty();
    }

    @Test
    void searchSyntaxIsJustText() {
        assertThat(text("Leinen AND (Sommer OR \"Hochzeit\") ${header.q} *:* ~2", 5).fabrics()).isNotEmpty()
                .allSatisfy(hit -> assertThat(hit.fabric().composition()).contains("Leinen"));
    }

    private static FabricResults text(String q, int limit) {
        return SEARCH.recommend(FabricQuery.builder().text(q).limit(limit).build());
    }

    private static Set<String> codes(FabricResults results) {
        return results.fabrics().stream().map(h -> h.fabric().code()).collect(Collectors.toSet());
    }
}
