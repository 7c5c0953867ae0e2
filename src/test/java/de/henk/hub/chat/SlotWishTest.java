package de.henk.hub.chat;

import de.henk.hub.appointments.AppointmentType;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** When a customer would like to come, read from one message — relative to Wednesday 25 November 2026. */
class SlotWishTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Geht es morgen um 10 Uhr?                          | 2026-11-26 | 10:00 | -         | -
            übermorgen vormittags                              | 2026-11-27 | -     | MORNING   | -
            Haben Sie am Dienstag nachmittags Zeit?            | 2026-12-01 | -     | AFTERNOON | -
            nächsten Donnerstag um halb 3                      | 2026-12-03 | 14:30 | -         | -
            Am 3.12. um 14:30 zur Anprobe                      | 2026-12-03 | 14:30 | -         | FIRST_FITTING
            am 2. Dezember gegen 11                            | 2026-12-02 | 11:00 | -         | -
            Termin am 12.1.2027 um 9.45 Uhr                    | 2027-01-12 | 09:45 | -         | -
            zur zweiten Anprobe nach Feierabend                | -          | -     | EVENING   | SECOND_FITTING
            Ich möchte den Anzug abholen, Freitag              | 2026-11-27 | -     | -         | PICKUP
            Could I come in on Tuesday at 2pm?                 | 2026-12-01 | 14:00 | -         | -
            December 4th in the afternoon for a consultation   | 2026-12-04 | -     | AFTERNOON | CONSULTATION
            tomorrow morning                                   | 2026-11-26 | -     | MORNING   | -
            am 20.11. (schon vorbei: nächstes Jahr)            | 2027-11-20 | -     | -         | -
            am 31.2. geht nicht                                | -          | -     | -         | -
            Ich komme um 3                                     | -          | 15:00 | -         | -
            Beratung, bitte                                    | -          | -     | -         | CONSULTATION
            Ich suche einen Anzug                              | -          | -     | -         | -
            """)
    void readsDayTimePartOfDayAndType(String message, String date, String time, String part, String type) {
        SlotWish wish = SlotWish.read(message, TODAY);
        assertThat(wish.date()).isEqualTo(date == null ? null : LocalDate.parse(date));
        assertThat(wish.time()).isEqualTo(time == null ? null : LocalTime.parse(time));
        assertThat(wish.partOfDay()).isEqualTo(part == null ? null : SlotWish.PartOfDay.valueOf(part));
        assertThat(wish.type()).isEqualTo(type == null ? null : AppointmentType.valueOf(type));
    }

    /**
     * "ſ" (long s) and "ı" (dotless i) fold to "s" and "i": the weekday and month patterns matched "Samſtag" and
     * "auguſt", the tables had no such day or month, and the turn failed (NullPointerException). They are ignored.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Samſtag um 10        | 10:00
            Freıtag nachmittags  | -
            next ſunday          | -
            am 21. auguſt        | -
            ſeptember 3rd        | -
            am 3. Julı um 9 Uhr  | 09:00
            """)
    void lettersThatOnlyFoldToAWeekdayOrMonthAreNoDay(String message, String time) {
        SlotWish wish = SlotWish.read(message, TODAY);
        assertThat(wish.date()).isNull();
        assertThat(wish.time()).isEqualTo(time == null ? null : LocalTime.parse(time));
    }

    @org.junit.jupiter.api.Test
    void theAfternoonBeginsAfterLunchAndMiddayHoldsNoon() {
        assertThat(SlotWish.PartOfDay.AFTERNOON.contains(LocalTime.NOON)).isFalse();
        assertThat(SlotWish.PartOfDay.AFTERNOON.contains(LocalTime.of(13, 0))).isTrue();
        assertThat(SlotWish.PartOfDay.AFTERNOON.contains(LocalTime.of(16, 30))).isTrue();
        assertThat(SlotWish.PartOfDay.MIDDAY.contains(LocalTime.NOON)).isTrue();
    }
}
