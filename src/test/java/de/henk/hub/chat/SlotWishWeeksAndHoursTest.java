package de.henk.hub.chat;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Weeks and earliest times in a wish to come in, read on Monday 7 December 2026: "übernächste Woche Mittwoch" is the
 * Wednesday of the week after next (23 Dec), "in zwei Wochen" a day from which on times are offered, and "after
 * 6 pm" the earliest time, not the one.
 */
class SlotWishWeeksAndHoursTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Termin übernächste Woche Mittwoch            | 2026-12-23 | false
            the week after next on Wednesday             | 2026-12-23 | false
            nächste Woche Dienstag                       | 2026-12-15 | false
            next week Friday                             | 2026-12-18 | false
            diese Woche Donnerstag                       | 2026-12-10 | false
            am Mittwoch                                  | 2026-12-09 | false
            nächste Woche                                | 2026-12-14 | true
            übernächste Woche                            | 2026-12-21 | true
            In zwei Wochen hätte ich Zeit                | 2026-12-21 | true
            I'd like an appointment in two weeks         | 2026-12-21 | true
            in 10 Tagen                                  | 2026-12-17 | true
            in zwei Wochen am Freitag                    | 2026-12-25 | false
            Sonntag?                                     | 2026-12-13 | false
            """)
    void weeksAreCountedFromThisOne(String message, String date, boolean rough) {
        SlotWish wish = SlotWish.read(message, MONDAY);
        assertThat(wish.date()).isEqualTo(LocalDate.parse(date));
        assertThat(wish.roughDate()).isEqualTo(rough);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Friday after 6 pm                  | 18:00 | true
            freitags ab 18 Uhr                 | 18:00 | true
            Freitag ab 18                      | 18:00 | true
            nicht vor 17 Uhr                   | 17:00 | true
            Montag abends, so 20 Uhr           | 20:00 | false
            um 14:30                           | 14:30 | false
            """)
    void anEarliestTimeIsNoExactTime(String message, String time, boolean notBefore) {
        SlotWish wish = SlotWish.read(message, MONDAY);
        assertThat(wish.time()).isEqualTo(LocalTime.parse(time));
        assertThat(wish.notBefore()).isEqualTo(notBefore);
        assertThat(wish.fitsTime(LocalTime.parse(time).minusMinutes(30))).isFalse();
        assertThat(wish.fitsTime(LocalTime.parse(time).plusMinutes(30))).isEqualTo(notBefore);
        assertThat(wish.namesOneSlot()).isEqualTo(wish.date() != null && !notBefore);
    }
}
