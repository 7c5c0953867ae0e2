package de.henk.hub.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Funerals, birthdays, anniversaries, the Oktoberfest and first communions are occasions HENK knows. */
class OccasionsTest {

    private final ProfileExtractor extractor =
            new ProfileExtractor(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Beerdigung nächste Woche | mourning", "für eine Trauerfeier | mourning", "a funeral on Friday | mourning",
            "zur Beisetzung meines Vaters | mourning", "für das Begräbnis | mourning",
            "50. Geburtstag | celebration", "my birthday in May | celebration", "Firmenjubiläum | celebration",
            "our 25th anniversary | celebration", "Trachtenanzug für die Wiesn | celebration",
            "fürs Oktoberfest | celebration", "für die Weihnachtsfeier | celebration", "Geburtstagsparty | celebration",
            "Taufe meiner Tochter | christening", "christening | christening", "Erstkommunion | christening",
            "Konfirmation im Mai | christening", "zur Hochzeitsfeier | wedding", "Abschlussfeier | prom",
            "Tauffeier | christening", "zu unserer Verlobung | celebration", "für den Polterabend | wedding",
            "für eine Konferenz in Wien | business",
            "Für den Empfang beim Bürgermeister | celebration", "zum Neujahrsempfang | celebration",
            "wedding reception | wedding"})
    void theOccasionIsKnown(String message, String occasion) {
        assertThat(extractor.extract(message).occasion()).as(message).isEqualTo(occasion);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ich habe feierabend", "ein festes Budget", "die Buchungsbestätigung kam an",
            "I got the confirmation email", "meine Trauzeugen", "das Feiertagsangebot"})
    void otherWordsAreNoNewOccasion(String message) {
        assertThat(extractor.extract(message).occasion()).as(message).isNotIn("mourning", "celebration", "christening");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mourning", "celebration"})
    void everyOccasionHasANameATitleAndCloth(String occasion) {
        assertThat(ConciergeNames.occasion(occasion, true)).isNotBlank();
        assertThat(ConciergeNames.occasion(occasion, false)).isNotBlank();
        // the catalogue knows no such occasion: a funeral's cloth is the office's, a celebration limits none
        assertThat(FabricFit.occasion(occasion))
                .isEqualTo(occasion.equals("mourning") ? de.henk.hub.catalog.Occasion.BUSINESS : null);
        assertThat(ProfileExtractor.vocabulary("occasion")).contains(occasion);
    }
}
