package de.henk.hub.chat;

import de.henk.hub.catalog.Fabric;
import de.henk.hub.catalog.FabricCatalogue;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The shop questions customers ask in their own words find the answer in {@code knowledge/shop.yaml}. */
class ShopKnowledgeTest {

    private final ShopKnowledge knowledge = new ShopKnowledge();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "wann habt ihr offen? | location",
            "Haben Sie samstags auf? | location",
            "Seid ihr am Samstag offen? | location",
            "are you open on saturdays? | location",
            "is the atelier open late? | location",
            "Schaffen Sie das bis zum 20.? | delivery",
            "Oh, das ist knapp. Geht es schneller? | delivery",
            "can you do it any faster? | delivery",
            "Was kostet ein Anzug auf Maß? | prices",
            "Wo seid ihr? | location",
            "Wo befindet sich euer Atelier? | location",
            "Where is your shop located? | location",
            "Kann ich mit Karte zahlen? | payment",
            "Do you take credit cards? | payment",
            "Habt ihr Parkplätze? | getting-here",
            "Wie komme ich mit der U-Bahn zu euch? | getting-here",
            "is there parking nearby? | getting-here",
            "Kann ich meinen eigenen Stoff mitbringen? | own-cloth",
            "can I bring my own fabric? | own-cloth",
            "Do you ship abroad? | shipping",
            "Könnt ihr mir den Anzug zuschicken? | shipping",
            "Gibt es auch Gutscheine? | vouchers",
            "do you sell gift cards? | vouchers",
            "Bietet ihr auch Damenanzüge an? | women",
            "Do you make suits for women? | women",
            "Was ist der Unterschied zwischen Maßkonfektion und Ihrem Maßanzug? | made-to-measure",
            "is this bespoke? | made-to-measure"})
    void aShopQuestionInTheCustomersWordsIsAnswered(String message, String entry) {
        assertThat(knowledge.answering(message)).as(message).extracting(ShopKnowledge.Entry::id).containsExactly(entry);
    }

    /** Shop words in a question about the customer's own plans are no shop question. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Was ist der Unterschied zwischen Flanell und Fresco?",
            "Welche Farbe passt zu den Kleidern der Brautjungfern?",
            "what is the difference between twill and plain weave?",
            "Ist Marineblau zu dunkel für eine Sommerhochzeit?"})
    void aQuestionAboutTheClothIsNoShopQuestion(String message) {
        assertThat(knowledge.answering(message)).as(message).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Das Budget ist noch offen.", "ich bin offen für Vorschläge"})
    void aStatementIsNoQuestion(String message) {
        assertThat(knowledge.answering(message)).as(message).isEmpty();
    }

    /** "offen" and "open" about the customer's own mind are no question about the opening hours. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Ich bin offen für Vorschläge – was empfehlen Sie?",
            "Farbe ist noch offen, was passt zu einer Hochzeit?",
            "Die Farbe ist noch offen?",
            "was meinen sie, ich bin für alles offen",
            "Welcher Stil? Da bin ich ganz offen.",
            "Wie wäre es mit Blau? Bin offen fuer Ideen",
            "I'm open to ideas – what would you suggest?",
            "Are you open to suggestions on the colour?",
            "which colour? I am open to anything"})
    void beingOpenToIdeasIsNoQuestionAboutOpeningHours(String message) {
        assertThat(knowledge.answering(message)).as(message).extracting(ShopKnowledge.Entry::id)
                .doesNotContain("location");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Habt ihr samstags offen?",
            "habt ihr samstags offen",
            "Wann haben Sie geöffnet?",
            "wann ist bei euch offen?",
            "Ist das Atelier am Samstag offen?",
            "Wie lange habt ihr heute offen?",
            "Seid ihr heute offen?",
            "Oeffnungszeiten?",
            "opening hours?",
            "when are you open?",
            "are you open today?"})
    void theOpeningHoursAreStillAskedFor(String message) {
        assertThat(knowledge.answering(message)).as(message).extracting(ShopKnowledge.Entry::id)
                .containsExactly("location");
    }

    /** A size said on its own is acknowledged (the profile has no place for it): it answers no question HENK asked. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Groesse 54", "Größe 52, Anzug gesucht", "I'm a 42 regular", "ich trage 50",
            "Konfektionsgröße 102", "gr. 48", "size 40 long", "I usually wear a 44", "normalerweise trage ich Größe 56"})
    void aSizeIsAcknowledged(String message) {
        assertThat(knowledge.answering(message)).as(message).extracting(ShopKnowledge.Entry::id).containsExactly("size");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"I'm 42 and getting married", "ich bin 52", "Hochzeit mit 120 Gästen",
            "in my 20s", "Budget 2000, Hochzeit im Juni"})
    void anAgeOrACountIsNoSize(String message) {
        assertThat(knowledge.answering(message)).as(message).extracting(ShopKnowledge.Entry::id).doesNotContain("size");
    }

    /** The prices HENK tells are the catalogue's: where a suit, a tuxedo and a shirt start, and the dearest suit. */
    @Test
    void thePricesAnswerNamesTheCataloguesPrices() {
        List<Fabric> fabrics = new FabricCatalogue().all();
        int suitFrom = from(fabrics, "suit");
        int suitUpTo = fabrics.stream().filter(f -> f.garments().contains("suit")).mapToInt(Fabric::suitPriceEur)
                .max().orElseThrow();
        ShopKnowledge.Entry prices = knowledge.all().stream().filter(e -> e.id().equals("prices")).findFirst()
                .orElseThrow();

        for (boolean german : new boolean[] {true, false}) {
            NumberFormat format = NumberFormat.getIntegerInstance(german ? Locale.GERMANY : Locale.UK);
            List<String> amounts = List.of(suitFrom, suitUpTo, from(fabrics, "tuxedo"), from(fabrics, "shirt"))
                    .stream().map(format::format).toList();
            assertThat(prices.answer(german)).as(german ? "de" : "en").contains(amounts);
        }
    }

    private static int from(List<Fabric> fabrics, String garment) {
        return fabrics.stream().filter(f -> f.garments().contains(garment)).mapToInt(Fabric::suitPriceEur).min()
                .orElseThrow();
    }
}
