package de.henk.hub.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** "lieber nicht zu auffällig" is a wish about the look, not a refusal; a style or garment ruled out is not wished. */
class NegatedWishesTest {

    private final ProfileExtractor extractor =
            new ProfileExtractor(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));

    @ParameterizedTest
    @ValueSource(strings = {"grün oder blau, lieber nicht zu auffällig", "doch nicht so dunkel, eher hellgrau",
            "eher nicht zu eng geschnitten", "I'd rather not go too bold, navy please", "lieber nicht so teuer"})
    void aWishWithNichtIsNoRefusal(String message) {
        assertThat(extractor.extract(message, Phase.STYLE).declined()).as(message).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"lieber nicht", "Nein, lieber nicht.", "doch nicht, danke", "I'd rather not", "rather not!"})
    void aRefusalIsStillARefusal(String message) {
        assertThat(extractor.extract(message, Phase.CONTACT).declined()).as(message).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "lieber nicht zu auffällig | ", "nicht zu modern, eher klassisch | classic", "not too slim please | ",
            "gerne modern | modern", "bloß nichts Ausgefallenes | ", "dezent, nix auffälliges | classic",
            "something understated | classic"})
    void aStyleRuledOutIsNotWished(String message, String style) {
        assertThat(extractor.extract(message).style()).as(message).isEqualTo(style);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "einen Anzug ohne Weste | suit", "a suit without a waistcoat | suit", "Anzug mit Weste | three-piece",
            "eine Weste | vest"})
    void aGarmentRuledOutIsNotWished(String message, String garment) {
        assertThat(extractor.extract(message).garment()).as(message).isEqualTo(garment);
    }
}
