package de.henk.hub.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dates said the way people say them, read on Monday 7 December 2026: a holiday is its day ("für Weihnachten" is
 * Christmas Eve, not the whole of December — the lead time is measured to it), a party of the season its month, a
 * part of a month its days ("Ende Mai": 21–31, "Mitte Juli": 11–20), the start of next year its first two months, and "20/06/2027" a day.
 */
class NamedDaysAndPartsOfMonthTest {

    private final ProfileExtractor extractor =
            new ProfileExtractor(Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Ich brauche einen Anzug für Weihnachten            | 2026-12-24 | 2026-12
            I need a suit for Christmas Eve                    | 2026-12-24 | 2026-12
            a suit for christmas please                        | 2026-12-24 | 2026-12
            Smoking für Heiligabend                            | 2026-12-24 | 2026-12
            am ersten Weihnachtstag ist die Taufe              | 2026-12-25 | 2026-12
            Anzug für Silvester                                | 2026-12-31 | 2026-12
            tux for new year's eve                             | 2026-12-31 | 2026-12
            Zu Neujahr brauche ich ein Sakko                   | 2027-01-01 | 2027-01
            for New Year's Day                                 | 2027-01-01 | 2027-01
            Die Taufe ist an Ostern                            | 2027-03-28 | 2027-03
            christening at Easter                              | 2027-03-28 | 2027-03
            Hochzeit an Pfingsten                              | 2027-05-16 | 2027-05
            """)
    void aHolidayIsItsDay(String message, String day, String month) {
        ConversationProfile profile = extractor.extract(message);
        assertThat(profile.eventDate()).isEqualTo(day);
        assertThat(profile.eventMonth()).isEqualTo(month);
        assertThat(profile.dateFrom()).isEqualTo(day);
        assertThat(profile.dateTo()).isEqualTo(day);
    }

    /** 17 days to Christmas Eve, express takes three weeks: no promise, whichever way the day is said. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Ich brauche einen Anzug für Weihnachten",
            "I need a suit for Christmas Eve", "Anzug bis zum 24. Dezember"})
    void christmasEveIsTooSoonEvenWithExpress(String message) {
        ConversationProfile learned = extractor.extract(message);
        java.util.List<ShopKnowledge.Entry> facts = LeadTimeNotice.with(java.util.List.of(), learned, learned,
                java.time.LocalDate.of(2026, 12, 7), new ShopKnowledge().leadTime());
        assertThat(facts).extracting(ShopKnowledge.Entry::id).containsExactly(LeadTimeNotice.ID);
        assertThat(facts.get(0).answer(true)).contains("nicht zu schaffen").doesNotContain("mit Express ist es zu schaffen");
        assertThat(facts.get(0).answer(false)).contains("cannot make it").doesNotContain("express can make it");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Für unsere Weihnachtsfeier suche ich ein Sakko     | 2026-12
            need a suit for the office christmas party         | 2026-12
            zum Neujahrsempfang                                | 2027-01
            fürs Oktoberfest                                   | 2027-09
            """)
    void aPartyOfTheSeasonIsItsMonth(String message, String month) {
        ConversationProfile profile = extractor.extract(message);
        assertThat(profile.eventDate()).isNull();
        assertThat(profile.eventMonth()).isEqualTo(month);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            wedding in late August                              | 2027-08 | 2027-08-21 | 2027-08-31
            Hochzeit Ende Mai                                   | 2027-05 | 2027-05-21 | 2027-05-31
            bis Ende März muss er fertig sein                   | 2027-03 | 2027-03-21 | 2027-03-31
            Anfang Juni                                         | 2027-06 | 2027-06-01 | 2027-06-10
            early September                                     | 2027-09 | 2027-09-01 | 2027-09-10
            Mitte Juli                                          | 2027-07 | 2027-07-11 | 2027-07-20
            im Juni                                             | 2027-06 | 2027-06-01 | 2027-06-30
            Early next year                                     | -       | 2027-01-01 | 2027-02-28
            Anfang nächsten Jahres heiraten wir                 | -       | 2027-01-01 | 2027-02-28
            Anfang 2028                                         | -       | 2028-01-01 | 2028-02-29
            """)
    void partsOfAMonthOrYearAreTheirDays(String message, String month, String from, String to) {
        ConversationProfile profile = extractor.extract(message);
        assertThat(profile.eventDate()).isNull();
        assertThat(profile.eventMonth()).isEqualTo(month);
        assertThat(profile.dateFrom()).isEqualTo(from);
        assertThat(profile.dateTo()).isEqualTo(to);
        assertThat(profile.knowsTiming()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            wedding on 20/06/2027                   | 2027-06-20
            Hochzeit am 20/06/2027                  | 2027-06-20
            the wedding is 6/20/2027                | 2027-06-20
            on 2027-06-20                           | 2027-06-20
            am 5.6.2027                             | 2027-06-05
            """)
    void writtenDatesAreDays(String message, String day) {
        assertThat(extractor.extract(message).eventDate()).isEqualTo(day);
    }
}
