package de.henk.hub.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** German typed without umlauts and ß is read as written with them; other words stay as they are. */
class UmlautsTest {

    private final ProfileExtractor extractor =
            new ProfileExtractor(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Hochzeit im Maerz | Hochzeit im März",
            "ich brauche den Anzug im fruehjahr | ich brauche den Anzug im Frühjahr",
            "naechste Woche ist die Feier im Buero | nächste Woche ist die Feier im Büro",
            "gerne gruen oder olivgruen, Groesse 52 | gerne grün oder olivgrün, Größe 52",
            "Ich moechte einen Anzug fuer das Buero | Ich möchte einen Anzug für das Büro",
            "Wir wohnen in der Hauptstrasse, lieber laessig | Wir wohnen in der Hauptstraße, lieber lässig",
            "zwei Hochzeitsanzuege, ein Mantel, Budget 3000 | zwei Hochzeitsanzüge, ein Mantel, Budget 3000",
            "Hochzeit Anfang Maerz, eher duenn und leicht | Hochzeit Anfang März, eher dünn und leicht",
            "uebernaechste Woche, hoechstens 2000 Euro | übernächste Woche, höchstens 2000 Euro",
            "Hochzeit im Juni, 120 Gaeste, ungefaehr 2500 | Hochzeit im Juni, 120 Gäste, ungefähr 2500"})
    void typedWithoutUmlautsReadsAsWrittenWithThem(String typed, String written) {
        assertThat(extractor.extract(typed)).isEqualTo(extractor.extract(written));
        assertThat(Umlauts.restore(typed.toLowerCase(java.util.Locale.GERMAN)))
                .isEqualTo(written.toLowerCase(java.util.Locale.GERMAN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"blue", "neue", "true", "steuer", "frauen", "poesie", "israel", "klasse", "business",
            "dress", "question", "massage", "guest", "abteuer", "aktuell", "quelle", "boss", "masse", "treue"})
    void otherWordsStayAsTheyAre(String word) {
        assertThat(Umlauts.restore(word)).isSameAs(word);
        assertThat(Umlauts.restore("a " + word + " b")).isEqualTo("a " + word + " b");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Hochzeit im Maerz | 2027-03",
            "Hochzeit im maerz naechsten Jahres | 2027-03"})
    void aMonthTypedWithoutUmlautIsTheMonth(String message, String month) {
        assertThat(extractor.extract(message).eventMonth()).isEqualTo(month);
        assertThat(extractor.extract(message).occasion()).isEqualTo("wedding");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Termin naechste Woche Dienstag?", "naechsten Dienstag um 11?"})
    void anAppointmentWishTypedWithoutUmlautHasItsDay(String message) {
        SlotWish wish = SlotWish.read(message, LocalDate.of(2026, 11, 25));
        assertThat(wish.date()).isEqualTo(LocalDate.of(2026, 12, 1));
    }
}
