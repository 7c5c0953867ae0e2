package de.henk.hub.chat;

import de.henk.hub.catalog.FabricCatalogue;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WishRules} with {@link Vocabulary}'s colours: a shade said with its tone ("dunkelgrün", "light brown"), a
 * named shade ("flaschengrün", "bottle green", "khaki") or a compound of a family ("königsblau") is read onto the
 * colours the catalogue has — and is never a light cloth or a second, separate tone.
 */
class WishRulesTest {

    private final ProfileExtractor extractor =
            new ProfileExtractor(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Gern in Dunkelgrün | dunkelgrün",
            "something in dark green | dunkelgrün",
            "ein dunkles Grün wäre schön | dunkelgrün",
            "flaschengrün | dunkelgrün",
            "Tannengrün | dunkelgrün",
            "bottle green please | dunkelgrün",
            "forest green | dunkelgrün",
            "olivgrün | oliv",
            "khaki | oliv",
            "hellgrün | salbei",
            "light green | salbei",
            "sage | salbei",
            "dunkelbraun | dunkelbraun",
            "chocolate brown | dunkelbraun",
            "something in light brown | hellbraun",
            "helles Braun | hellbraun",
            "mittelgrau | mittelgrau",
            "mid grey | mittelgrau",
            "silver grey | hellgrau",
            "dunkelrot | bordeaux",
            "dark red | bordeaux",
            "taupe | taupe",
            "off-white | creme",
            "königsblau | blau",
            "steingrau | grau",
            "tiefschwarz | schwarz"})
    void shadesAreReadOntoTheCataloguesColours(String message, String colour) {
        ConversationProfile p = extractor.extract(message);
        assertThat(p.colours()).as(message).containsExactly(colour);
        assertThat(p.fabricWishes()).as(message + ": no light cloth").doesNotContain("light");
    }

    @Test
    void aShadeRuledOutIsAvoided() {
        ConversationProfile p = extractor.extract("bloß kein Dunkelgrün, lieber Marineblau");
        assertThat(p.avoidColours()).containsExactly("dunkelgrün");
        assertThat(p.colours()).containsExactly("marineblau");
        assertThat(extractor.extract("Tannengrün, aber kein Oliv").avoidColours()).containsExactly("oliv");
    }

    @ParameterizedTest
    @ValueSource(strings = {"im Morgengrauen", "dark horse", "what the hell", "weiß ich nicht"})
    void otherWordsAreNoColour(String message) {
        assertThat(extractor.extract(message).colours()).as(message).isEmpty();
    }

    @Test
    void everyColourReadIsOneTheCatalogueHas() {
        // a profile colour is a catalogue colour, or a family, shade or tone the advice reads as catalogue colours
        var fabrics = new FabricCatalogue().all();
        for (String colour : Vocabulary.COLOURS.keySet()) {
            assertThat(fabrics.stream().anyMatch(f -> FabricFit.inColour(f, colour))).as(colour).isTrue();
        }
    }
}
