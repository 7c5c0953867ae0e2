package de.henk.hub.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DateRules} and {@link HolidayRules}, read on Wednesday 25 November 2026: the middle of a month is its middle
 * third, as "Anfang" and "Ende" are its first and last; after a holiday is the weeks after the holidays.
 */
class DateRulesTest {

    private final ProfileExtractor extractor =
            new ProfileExtractor(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Mitte März                              | 2027-03 | 2027-03-11 | 2027-03-20
            Hochzeit Mitte Juli                     | 2027-07 | 2027-07-11 | 2027-07-20
            wedding mid-March                       | 2027-03 | 2027-03-11 | 2027-03-20
            mid May please                          | 2027-05 | 2027-05-11 | 2027-05-20
            in the middle of March                  | 2027-03 | 2027-03-11 | 2027-03-20
            Anfang Juni                             | 2027-06 | 2027-06-01 | 2027-06-10
            at the beginning of March               | 2027-03 | 2027-03-01 | 2027-03-10
            Ende Mai                                | 2027-05 | 2027-05-21 | 2027-05-31
            """)
    void theMiddleOfAMonthIsItsMiddleThird(String message, String month, String from, String to) {
        ConversationProfile p = extractor.extract(message);
        assertThat(p.eventDate()).as(message).isNull();
        assertThat(p.eventMonth()).as(message).isEqualTo(month);
        assertThat(p.dateFrom()).as(message).isEqualTo(from);
        assertThat(p.dateTo()).as(message).isEqualTo(to);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Die Hochzeit ist nach Weihnachten       | 2026-12-27 | 2027-01-26
            wedding after Christmas                 | 2026-12-27 | 2027-01-26
            kurz nach den Weihnachtsfeiertagen      | 2026-12-27 | 2027-01-26
            nach Silvester                          | 2027-01-02 | 2027-02-01
            Taufe nach Ostern                       | 2027-03-30 | 2027-04-29
            """)
    void afterAHolidayIsTheWeeksAfterTheHolidays(String message, String from, String to) {
        ConversationProfile p = extractor.extract(message);
        assertThat(p.eventDate()).as(message).isNull();
        assertThat(p.dateFrom()).as(message).isEqualTo(from);
        assertThat(p.dateTo()).as(message).isEqualTo(to);
        assertThat(p.knowsTiming()).as(message).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            zwischen den Jahren                     | 2026-12-27 | 2026-12-31
            between Christmas and New Year          | 2026-12-27 | 2026-12-31
            """)
    void betweenTheYearsIsTheDaysAfterChristmas(String message, String from, String to) {
        ConversationProfile p = extractor.extract(message);
        assertThat(p.eventMonth()).as(message).isEqualTo("2026-12");
        assertThat(p.dateFrom()).as(message).isEqualTo(from);
        assertThat(p.dateTo()).as(message).isEqualTo(to);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Ich brauche einen Anzug für Weihnachten | 2026-12-24
            an den Weihnachtsfeiertagen             | 2026-12-24
            bis Weihnachten muss er fertig sein     | 2026-12-24
            """)
    void forChristmasIsStillChristmasEve(String message, String day) {
        assertThat(extractor.extract(message).eventDate()).as(message).isEqualTo(day);
    }

    @org.junit.jupiter.api.Test
    void aMonthSaidWithItWins() {
        assertThat(extractor.extract("nach Weihnachten, also im Januar").eventMonth()).isEqualTo("2027-01");
        assertThat(extractor.extract("Weihnachtsfeier").eventMonth()).isEqualTo("2026-12");
    }
}
