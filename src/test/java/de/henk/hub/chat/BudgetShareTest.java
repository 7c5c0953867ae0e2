package de.henk.hub.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link BudgetShare}: a total for several garments is each one's share; an amount per garment stays as it is. */
class BudgetShareTest {

    private final ProfileExtractor extractor =
            new ProfileExtractor(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "5000 insgesamt für alle drei Anzüge | 1666 | - | 3",
            "total 5000 for all three suits | 1666 | - | 3",
            "4000 für zwei Anzüge | 2000 | - | 2",
            "€4,000 for two suits | 2000 | - | 2",
            "Für beide Anzüge zusammen 3.000 € | 1500 | - | 2",
            "Budget 6000 € für alle vier Anzüge | 1500 | - | 4",
            "we need 2 suits, 3000 euros in total | 1500 | - | 2",
            "zwischen 4000 und 5000 € für zwei Anzüge | 2500 | 2000 | 2",
            "zwei Sakkos, insgesamt 2.400 € | 1200 | - | 2",
            // a budget said with the count of the garments, not "je" or "each", is for all of them
            "drei Anzüge für die Trauzeugen, Budget 5000 € | 1666 | - | 3",
            "Insgesamt brauche ich zwei Anzüge, Budget 3000 € | 1500 | - | 2",
            "Wir brauchen drei Anzüge für die Hochzeit meines Bruders im Juni, Budget 5000 | 1666 | - | 3",
            "I need 2 suits for work, budget up to 4000 | 2000 | - | 2",
            "zwölf Hemden fürs Büro, Budget 2400 | 200 | - | 12"})
    void aTotalForSeveralIsEachOnesShare(String message, int each, Integer floor, int quantity) {
        ConversationProfile p = extractor.extract(message);
        assertThat(p.budgetEur()).as(message).isEqualTo(each);
        assertThat(p.budgetMinEur()).as(message).isEqualTo(floor);
        assertThat(p.quantity()).as(message).isEqualTo(quantity);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "drei Anzüge, je 1500 € | 1500",
            "three suits at 1500 euros each | 1500",
            "zwei Anzüge, 1500 € pro Anzug | 1500",
            "ich habe schon zwei Anzüge, jetzt brauche ich ein Sakko, Budget 1500 | 1500",
            "I already own two suits and need a coat, budget 2000 | 2000",
            "ein Anzug für 1800 € | 1800"})
    void anAmountPerGarmentOrNoTotalStaysAsSaid(String message, int budget) {
        ConversationProfile p = extractor.extract(message);
        assertThat(p.budgetEur()).as(message).isEqualTo(budget);
        assertThat(p.quantity()).as(message).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"am 15.06. für zwei Anzüge", "zwei Anzüge für 2027", "Größe 102 für beide Anzüge"})
    void otherNumbersAreNoTotal(String message) {
        assertThat(extractor.extract(message).budgetEur()).as(message).isNull();
    }

    @Test
    void afterTheBudgetQuestionTheCountAloneIsEnough() {
        ConversationProfile p = extractor.extract("4000 für beide", Phase.BUDGET);
        assertThat(p.budgetEur()).isEqualTo(2000);
        assertThat(p.quantity()).isEqualTo(2);
    }

    @Test
    void aNewAmountTakesItsOwnQuantity() {
        ConversationProfile total = extractor.extract("4000 für zwei Anzüge");
        ConversationProfile merged = total.mergedWith(extractor.extract("doch lieber 2500 €"));
        assertThat(merged.budgetEur()).isEqualTo(2500);
        assertThat(merged.quantity()).isNull();
        assertThat(total.mergedWith(extractor.extract("Geld spielt keine Rolle")).quantity()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "4000 für zwei Anzüge, je nachdem was Sie haben | 2000 | 2",
            "5000 insgesamt für alle drei Anzüge, je früher desto besser | 1666 | 3",
            "zwei Sakkos, insgesamt 2.400 €, je eher desto besser | 1200 | 2",
            "Für beide Anzüge zusammen 3.000 €, je nach Stoff | 1500 | 2",
            "total 5000 for all three suits, one for each of us | 1666 | 3",
            "€4,000 for two suits, each of the groomsmen gets one | 2000 | 2"})
    void aJeOrEachNotSayingAnAmountPerGarmentLeavesTheTotal(String message, int each, int quantity) {
        ConversationProfile p = extractor.extract(message);
        assertThat(p.budgetEur()).as(message).isEqualTo(each);
        assertThat(p.quantity()).as(message).isEqualTo(quantity);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "drei Anzüge, je Anzug 1500 € | 1500", "zwei Anzüge, je ca. 1.500 € | 1500",
            "three suits, each 1500 euros | 1500", "two suits, 1500 € each | 1500",
            "two suits, each suit up to 1500 | 1500", "zwei Anzüge für jeweils 1500 € | 1500"})
    void jeOrEachBeforeAnAmountOrGarmentIsPerGarment(String message, int budget) {
        ConversationProfile p = extractor.extract(message);
        assertThat(p.budgetEur()).as(message).isEqualTo(budget);
        assertThat(p.quantity()).as(message).isNull();
    }

    /** The count said in an earlier message: a later amount said as a total is shared, a bare or "je" one is not. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "Drei Anzüge für die Hochzeit | insgesamt 4500 | 1500 | 3",
            "I need three shirts for the office | 600 in total | 200 | 3",
            "Zwei Sakkos fürs Büro | für alle zusammen 3.000 € | 1500 | 2",
            "Drei Anzüge für die Hochzeit | 1500 € | 1500 | -",
            "Zwei Anzüge fürs Büro | je 1800 € insgesamt höchstens | 1800 | -",
            "Ich habe schon zwei Anzüge, jetzt brauche ich ein Sakko | insgesamt 1500 € | 1500 | -"})
    void aTotalSaidAfterTheCountIsSharedAmongThem(String first, String later, int each, Integer quantity) {
        ConversationProfile before = extractor.extract(first);
        ConversationProfile learned = BudgetShare.sharedWithEarlierCount(later, extractor.extract(later, Phase.TIMING),
                before);
        assertThat(learned.budgetEur()).as(later).isEqualTo(each);
        assertThat(learned.quantity()).as(later).isEqualTo(quantity);
    }
}
