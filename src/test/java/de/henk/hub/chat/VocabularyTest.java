package de.henk.hub.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Vocabulary}: garments and occasions as customers name them. */
class VocabularyTest {

    private final ProfileExtractor extractor =
            new ProfileExtractor(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));

    @ParameterizedTest
    @ValueSource(strings = {"black tie dinner", "Black-Tie-Veranstaltung im Mai", "Smoking-Pflicht",
            "Dresscode: Black Tie", "Einladung mit Dresscode white tie", "Anzug für ein Black-Tie-Dinner",
            "we're invited to a blacktie event", "dinner suit for the ball", "tuxedo for a gala"})
    void aBlackTieDressCodeAsksForATuxedo(String message) {
        ConversationProfile profile = extractor.extract(message);
        assertThat(profile.garment()).as(message).isEqualTo("tuxedo");
        assertThat(profile.occasion()).as(message).isEqualTo("gala");
        // the dress code names no colour
        assertThat(profile.colours()).as(message).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Es ist kein Black-Tie-Event, eher ein Anzug fürs Büro", "no black tie, just a suit for work"})
    void noBlackTieIsNoTuxedo(String message) {
        assertThat(extractor.extract(message).garment()).as(message).isEqualTo("suit");
    }
}
