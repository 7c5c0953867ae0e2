package de.henk.hub.catalog;

import de.henk.hub.web.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped catalogue is a made-to-measure tailor's real range: sizes, weights, prices and words that fit. */
class FabricCatalogueIsRealisticTest {

    private static final FabricCatalogue CATALOGUE = new FabricCatalogue();
    private static final List<Fabric> FABRICS = CATALOGUE.all();

    @Test
    void atLeastOneHundredFiftyFabricsWithUniqueCodes() {
        assertThat(FABRICS).hasSizeGreaterThanOrEqualTo(150);
        assertThat(FABRICS.stream().map(Fabric::code).collect(Collectors.toSet())).hasSize(FABRICS.size());
        assertThat(FABRICS).allSatisfy(f -> assertThat(f.code()).matches("[A-Z]{2,4}-\\d{4}"));
    }

    @Test
    void everyEntryPassesTheCatalogueCheck() {
        assertThat(FABRICS).allSatisfy(f -> assertThat(FabricCatalogue.problems(f)).as(f.code()).isEmpty());
    }

    @Test
    void everyFabricIsDescribedInTwoGermanSentences() {
        Set<String> germanWords = Set.of("und", "der", "die", "das", "für", "mit", "ein", "eine", "den", "aus", "im");
        assertThat(FABRICS).allSatisfy(f -> {
            String description = f.descriptionDe();
            assertThat(description.split("(?<=[.!?])\\s+")).as(f.code()).hasSize(2);
            assertThat(description).as(f.code()).endsWith(".");
            assertThat(description.toLowerCase().split("[^\\p{L}]+")).as(f.code())
                    .anyMatch(germanWords::contains);
        });
    }

    @Test
    void seasonsOccasionsStylesAndGarmentsComeFromTheVocabulary() {
        Set<String> seasons = ids(Season.values());
        Set<String> occasions = ids(Occasion.values());
        Set<String> garments = ids(Garment.values());
        Set<String> styles = Set.of("classic", "modern", "casual", "extravagant");
        assertThat(FABRICS).allSatisfy(f -> {
            assertThat(seasons).as(f.code()).containsAll(f.seasons());
            assertThat(occasions).as(f.code()).containsAll(f.occasions());
            assertThat(styles).as(f.code()).containsAll(f.styles());
            assertThat(garments).as(f.code()).containsAll(f.garments());
            assertThat(f.seasons()).isNotEmpty();
            assertThat(f.occasions()).isNotEmpty();
            assertThat(f.styles()).isNotEmpty();
            assertThat(f.garments()).isNotEmpty();
            assertThat(Set.of("essential", "premium", "luxury")).contains(f.priceTier());
        });
    }

    @Test
    void coatClothAndShirtingAreForNothingElse() {
        assertThat(FABRICS).filteredOn(f -> f.makes(Garment.COAT) || f.makes(Garment.SHIRT))
                .allSatisfy(f -> assertThat(f.garments()).as(f.code()).hasSize(1));
    }

    @Test
    void weightsFitTheKindOfClothAndTheSeason() {
        assertThat(FABRICS).allSatisfy(f -> {
            int weight = f.weightGramsPerMetre();
            if (f.makes(Garment.SHIRT)) {
                assertThat(weight).as(f.code()).isBetween(80, 230);
            } else if (f.makes(Garment.COAT)) {
                assertThat(weight).as(f.code()).isBetween(450, 800);
            } else {
                assertThat(weight).as(f.code()).isBetween(200, 500);
                if (Set.of("autumn", "winter").containsAll(f.seasons())) {
                    assertThat(weight).as(f.code() + " winter cloth").isGreaterThanOrEqualTo(320);
                }
                if (Set.of("spring", "summer").containsAll(f.seasons())) {
                    // heavy Irish linen is still summer cloth
                    assertThat(weight).as(f.code() + " summer cloth").isLessThanOrEqualTo(340);
                }
                if (f.wornIn(Season.ALL_SEASON)) {
                    assertThat(weight).as(f.code() + " all-season cloth").isBetween(240, 340);
                }
            }
        });
    }

    @Test
    void pricesArePlausibleForTheGarmentAndTheTier() {
        assertThat(FABRICS).allSatisfy(f -> {
            int price = f.suitPriceEur();
            if (f.makes(Garment.SHIRT)) {
                assertThat(price).as(f.code()).isBetween(149, 390);
            } else if (f.makes(Garment.COAT) || f.makes(Garment.SUIT) || f.makes(Garment.TUXEDO)) {
                assertThat(price).as(f.code()).isBetween(1_190, 6_500);
            } else {
                assertThat(price).as(f.code() + " jacket or trousers").isBetween(390, 3_500);
            }
        });
        List<Fabric> suitings = FABRICS.stream().filter(f -> f.makes(Garment.SUIT)).toList();
        assertThat(suitings).filteredOn(f -> f.priceTier().equals("essential"))
                .allSatisfy(f -> assertThat(f.suitPriceEur()).as(f.code()).isLessThanOrEqualTo(1_890));
        assertThat(suitings).filteredOn(f -> f.priceTier().equals("luxury"))
                .allSatisfy(f -> assertThat(f.suitPriceEur()).as(f.code()).isGreaterThanOrEqualTo(2_900));
    }

    @Test
    void theRangeCoversEveryOccasionAndSeason() {
        assertThat(count(f -> f.composition().contains("Leinen"))).as("linen and linen blends")
                .isGreaterThanOrEqualTo(10);
        assertThat(count(f -> f.makes(Garment.COAT))).as("coat cloths").isGreaterThanOrEqualTo(10);
        assertThat(count(f -> f.makes(Garment.SHIRT))).as("shirtings").isGreaterThanOrEqualTo(10);
        assertThat(count(f -> f.makes(Garment.TUXEDO))).as("evening cloths").isGreaterThanOrEqualTo(5);
        assertThat(count(f -> f.weave().equals("Barathea") && f.makes(Garment.TUXEDO))).isGreaterThanOrEqualTo(2);
        assertThat(count(f -> f.weave().equals("Seersucker"))).isGreaterThanOrEqualTo(2);
        assertThat(count(f -> f.weave().equals("Flanell"))).isGreaterThanOrEqualTo(5);
        assertThat(count(f -> f.weave().equals("Tweed") && f.makes(Garment.SUIT))).isGreaterThanOrEqualTo(5);
        assertThat(count(f -> f.weave().equals("Fresco") || f.weave().equals("Hopsack"))).isGreaterThanOrEqualTo(5);
        assertThat(count(f -> f.pattern().equals("Nadelstreifen") && f.suits(Occasion.BUSINESS)))
                .isGreaterThanOrEqualTo(5);
        for (Occasion occasion : Occasion.values()) {
            assertThat(count(f -> f.makes(Garment.SUIT) && f.suits(occasion))).as(occasion.id())
                    .isGreaterThanOrEqualTo(5);
        }
        for (Season season : Season.values()) {
            assertThat(count(f -> f.makes(Garment.SUIT) && f.wornIn(season))).as(season.id())
                    .isGreaterThanOrEqualTo(5);
        }
        assertThat(FABRICS.stream().map(Fabric::mill).collect(Collectors.toSet())).contains(
                "Vitale Barberis Canonico", "Loro Piana", "Holland & Sherry", "Dormeuil", "Scabal", "Reda", "Drago",
                "Marzotto", "Ermenegildo Zegna", "Harrisons of Edinburgh", "Fox Brothers", "Lovat Mill", "Hield",
                "Dugdale Bros", "Caccioppoli", "Thomas Mason", "Albini", "Baird McNutt", "Solbiati", "Spence Bryson");
    }

    @Test
    void aFabricIsFoundByItsCodeInAnyCase() {
        assertThat(CATALOGUE.get("vbc-2311").name()).isEqualTo("Perennial");
        assertThat(CATALOGUE.get(" VBC-2311 ").code()).isEqualTo("VBC-2311");
        assertThatThrownBy(() -> CATALOGUE.get("XYZ-0000")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.code()).isEqualTo("fabric_not_found");
        });
    }

    @Test
    void aBrokenCatalogueStopsTheStartInsteadOfAnsweringWrongly() {
        Fabric good = CATALOGUE.get("VBC-2311");
        assertThatThrownBy(() -> new FabricCatalogue(List.of(good, good)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("duplicate code");
        Fabric badSeason = copy(good, List.of("monsoon"), good.garments(), "marineblau");
        Fabric coatForSuits = copy(good, good.seasons(), List.of("coat", "suit"), "marineblau");
        Fabric unknownColour = copy(good, good.seasons(), good.garments(), "lila");
        assertThatThrownBy(() -> new FabricCatalogue(List.of(badSeason, coatForSuits, unknownColour)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unknown season monsoon")
                .hasMessageContaining("coat cloth and shirting are for nothing else")
                .hasMessageContaining("unknown colour lila");
    }

    private static Fabric copy(Fabric f, List<String> seasons, List<String> garments, String colour) {
        return new Fabric(f.code(), f.mill(), f.name(), f.composition(), f.weightGramsPerMetre(), f.weave(),
                f.pattern(), colour, f.colourEn(), seasons, f.occasions(), f.styles(), garments, f.priceTier(),
                f.suitPriceEur(), f.descriptionDe());
    }

    private static long count(Predicate<Fabric> test) {
        return FABRICS.stream().filter(test).count();
    }

    private static Set<String> ids(CatalogueTerm[] terms) {
        List<String> ids = new ArrayList<>();
        for (CatalogueTerm term : terms) {
            ids.add(term.id());
        }
        return Set.copyOf(ids);
    }
}
