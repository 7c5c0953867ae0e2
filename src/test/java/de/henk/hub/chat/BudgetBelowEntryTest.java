package de.henk.hub.chat;

import de.henk.hub.catalog.Fabric;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A budget below where made-to-measure starts for the garment is answered honestly, with the catalogue's entry
 * price for that garment and the question whether that works — never with silence. The prices here are read from
 * the catalogue, as HENK reads them.
 */
class BudgetBelowEntryTest {

    private final ProfileExtractor extractor = ChatFixture.extractor();
    private final OfflineConcierge concierge = new OfflineConcierge();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Sakko für 300 Euro | jacket | Maßsakkos", "Sakko fuer 300 Euro, bitte | jacket | Maßsakkos",
            "Anzug, max 400€ | suit | Maßanzüge", "ein Mantel für den Winter, höchstens 1000 Euro | coat | Maßmäntel",
            "Smoking für die Gala, 1000 Euro | tuxedo | Maßsmokings", "Maßhose bis 500 Euro | trousers | Maßhosen",
            "Dreiteiler, Budget 1300 Euro | three-piece | Dreiteiler"})
    void aBudgetBelowTheGarmentsEntryPriceIsSaidWithThePriceAndAQuestion(String message, String garment,
                                                                          String named) {
        String reply = firstReply(message);
        assertThat(reply).as(reply).contains(named).contains(euros(entry(garment), true)).contains("Ehrlich gesagt")
                .containsAnyOf("Passt Ihnen", "Wäre das");
        if (garment.equals("tuxedo") || garment.equals("three-piece")) {
            assertThat(reply).contains(euros(entry("suit"), true)); // the nearest thing: a suit
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a jacket for 300 euros | jacket | jackets",
            "suit, max 400 euros | suit | suits", "tuxedo for a gala, 1000 euros | tuxedo | tuxedos"})
    void inEnglishToo(String message, String garment, String named) {
        String reply = firstReply(message);
        assertThat(reply).as(reply).contains(named).contains(euros(entry(garment), false)).contains("To be honest")
                .contains("?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sakko für 1500 Euro", "Anzug für eine Hochzeit, 2000 Euro", "suit, 3000 euros"})
    void aBudgetThatFitsNeedsNoWord(String message) {
        assertThat(firstReply(message)).doesNotContain("Ehrlich gesagt").doesNotContain("To be honest");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Smoking für die Gala | tuxedo | Maßsmokings", "einen Mantel | coat | Maßmäntel",
            "ein Anzug | suit | Maßanzüge"})
    void theBudgetQuestionNamesWhereTheGarmentStarts(String garment, String id, String named) {
        ConversationProfile learned = extractor.extract(garment + " für das Büro im Winter");
        String reply = concierge.reply(ProfileExtractorTest.turn(ConversationProfile.empty(), learned, learned,
                ConversationState.initial().nextTurn()));
        assertThat(reply).as(reply).contains("Welches Budget").contains(named + " beginnen bei "
                + euros(entry(id), true));
    }

    private String firstReply(String message) {
        ConversationProfile learned = extractor.extract(message);
        return concierge.reply(ProfileExtractorTest.turn(ConversationProfile.empty(), learned, learned,
                ConversationState.initial()));
    }

    /** The cheapest cloth for the garment in the catalogue; a three-piece is a suit and its waistcoat. */
    private static int entry(String garment) {
        if (garment.equals("three-piece")) {
            return entry("suit") + 290;
        }
        return ChatFixture.CATALOGUE.all().stream().filter(f -> f.garments().contains(garment))
                .mapToInt(Fabric::suitPriceEur).min().orElseThrow();
    }

    private static String euros(int amount, boolean de) {
        String n = NumberFormat.getIntegerInstance(de ? Locale.GERMANY : Locale.UK).format(amount);
        return de ? n + " €" : "€" + n;
    }

    /** The answer to "Passt Ihnen ein Budget in dieser Höhe?" with a new amount is the budget, asked or not. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"ok, dann 1300 | 1300", "na gut, dann 1.500 | 1500", "Gut, dann 1400. | 1400",
            "alright, then 1500 | 1500", "fine then 1600 | 1600"})
    void aNewAmountAfterTheEntryPriceIsTheBudget(String message, Integer budget) {
        assertThat(extractor.extract(message, Phase.OCCASION).budgetEur()).as(message).isEqualTo(budget);
    }
}
