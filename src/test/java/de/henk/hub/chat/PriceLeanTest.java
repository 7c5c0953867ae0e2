package de.henk.hub.chat;

import de.henk.hub.catalog.Fabric;
import de.henk.hub.catalog.FabricCatalogue;
import de.henk.hub.catalog.FabricHit;
import de.henk.hub.catalog.FabricSearch;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PriceLean}: "so günstig wie möglich" answers the budget question and starts the advice at the lowest price;
 * "etwas Edleres" and a raised budget show the finer cloth within the budget.
 */
class PriceLeanTest {

    private static final FabricCatalogue CATALOGUE = new FabricCatalogue();
    private static final FabricAdvisor ADVISOR = new FabricAdvisor(new FabricSearch(CATALOGUE));
    private final ProfileExtractor extractor =
            new ProfileExtractor(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));

    @ParameterizedTest
    @ValueSource(strings = {"so günstig wie möglich", "möglichst preiswert", "Es sollte möglichst günstig sein",
            "as cheap as possible", "I'm on a tight budget", "not too expensive please", "Ich habe kein großes Budget",
            "nichts allzu Teures", "something affordable", "I don't want anything too expensive"})
    void affordableIsReadAndAnswersTheBudgetQuestion(String message) {
        ConversationProfile p = extractor.extract(message, Phase.BUDGET);
        assertThat(p.fabricWishes()).as(message).containsExactly(PriceLean.AFFORDABLE);
        assertThat(p.budgetEur()).as(message).isNull();
        ConversationProfile known = ConversationProfile.builder().occasion("business").garment("suit")
                .timing(null, null, null, null, null, true).build().mergedWith(p);
        assertThat(Phase.next(known)).as(message).isEqualTo(Phase.STYLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Haben Sie etwas Edleres?", "was Hochwertigeres bitte", "etwas Feineres",
            "es darf auch etwas teurer sein", "something nicer?", "do you have anything finer", "better quality please"})
    void finerIsRead(String message) {
        assertThat(extractor.extract(message).fabricWishes()).as(message).containsExactly(PriceLean.FINER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nothing cheap please", "der Stoff soll nicht billig wirken", "ein günstiger Termin am Freitag",
            "Geld spielt keine Rolle"})
    void otherWordsLeanNowhere(String message) {
        assertThat(extractor.extract(message).fabricWishes()).as(message)
                .doesNotContain(PriceLean.AFFORDABLE, PriceLean.FINER);
    }

    @Test
    void theLaterLeanWinsAndABudgetMovesIt() {
        ConversationProfile cheap = extractor.extract("so günstig wie möglich");
        assertThat(cheap.mergedWith(extractor.extract("doch lieber etwas Edleres")).fabricWishes())
                .containsExactly(PriceLean.FINER);
        ConversationProfile budget = extractor.extract("bis 1500 Euro");
        ConversationProfile raised = budget.mergedWith(extractor.extract("ok, dann bis 2500 Euro"));
        assertThat(raised.fabricWishes()).containsExactly(PriceLean.FINER);
        assertThat(raised.mergedWith(extractor.extract("doch nur 2000 Euro")).fabricWishes()).isEmpty();
    }

    @Test
    void anOpenBudgetTakesTheLeanBack() {
        ConversationProfile cheap = extractor.extract("so günstig wie möglich");
        assertThat(cheap.mergedWith(extractor.extract("Geld spielt keine Rolle")).fabricWishes()).isEmpty();
    }

    @Test
    void affordableStartsAtTheLowestPriceThatFits() {
        ConversationProfile p = extractor.extract("Anzug fürs Büro, so günstig wie möglich, gern in Marineblau");
        List<FabricHit> hits = ADVISOR.recommend(p);
        int cheapest = CATALOGUE.all().stream().filter(f -> FabricFit.fits(f, p) && FabricFit.inColour(f, "marineblau"))
                .mapToInt(Fabric::suitPriceEur).min().orElseThrow();
        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).fabric().suitPriceEur()).isEqualTo(cheapest);
        assertThat(hits).extracting(h -> h.fabric().suitPriceEur()).isSorted();
    }

    @Test
    void finerShowsPricierClothWithinTheBudget() {
        ConversationProfile plain = extractor.extract("Anzug fürs Büro, bis 3000 Euro, gern in Marineblau");
        ConversationProfile finer = plain.mergedWith(extractor.extract("haben Sie etwas Edleres?"));
        List<FabricHit> before = ADVISOR.recommend(plain);
        List<FabricHit> after = ADVISOR.recommend(finer);
        int dearestBefore = before.stream().mapToInt(h -> h.fabric().suitPriceEur()).max().orElseThrow();
        assertThat(after).isNotEmpty().allSatisfy(h -> {
            assertThat(h.fabric().suitPriceEur()).isGreaterThan(dearestBefore).isLessThanOrEqualTo(3000);
            assertThat(FabricFit.fits(h.fabric(), finer)).isTrue();
        });
    }

    @Test
    void aRaisedBudgetShowsWhatItNowBuys() {
        ConversationProfile low = extractor.extract("Anzug fürs Büro, bis 1500 Euro");
        ConversationProfile raised = low.mergedWith(extractor.extract("ok, dann bis 2500 Euro"));
        int dearestBefore = ADVISOR.recommend(low).stream().mapToInt(h -> h.fabric().suitPriceEur()).max().orElseThrow();
        assertThat(ADVISOR.recommend(raised)).isNotEmpty().allSatisfy(h -> assertThat(h.fabric().suitPriceEur())
                .isGreaterThan(dearestBefore).isLessThanOrEqualTo(2500));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Anzug fürs Büro, gern in Marineblau | haben Sie etwas Edleres?",
            "a suit for the office, classic navy | do you have something nicer?",
            "Sakko für eine Geburtstagsfeier im Mai | was Hochwertigeres bitte"})
    void finerWithoutABudgetStepsUpFromWhatWasShownNotToTheTop(String messages) {
        String[] said = messages.split(" \\| ");
        ConversationProfile plain = extractor.extract(said[0]);
        ConversationProfile finer = plain.mergedWith(extractor.extract(said[1]));
        assertThat(finer.budgetEur()).isNull();
        List<FabricHit> before = ADVISOR.recommend(plain);
        List<FabricHit> after = ADVISOR.recommend(finer);
        int dearestBefore = before.stream().mapToInt(h -> FabricFit.priceOf(h.fabric(), plain.garment())).max().orElseThrow();
        List<Integer> above = CATALOGUE.all().stream().filter(f -> FabricFit.fits(f, finer) && !FabricFit.avoided(f, finer))
                .map(f -> FabricFit.priceOf(f, finer.garment())).filter(price -> price > dearestBefore).sorted().toList();
        assertThat(above).as("the catalogue has finer cloth than that shown").hasSizeGreaterThan(3);
        assertThat(after).isNotEmpty().allSatisfy(h -> assertThat(FabricFit.priceOf(h.fabric(), finer.garment()))
                .isGreaterThan(dearestBefore).isLessThan(above.get(above.size() - 1)));
        // the first is the next tier up among what fits the wishes, not the dearest cloth of the catalogue
        assertThat(after).extracting(h -> FabricFit.priceOf(h.fabric(), finer.garment())).isSorted();
    }
}
