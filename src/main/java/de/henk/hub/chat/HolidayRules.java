package de.henk.hub.chat;

import java.time.LocalDate;
import java.util.regex.Pattern;

import static de.henk.hub.chat.WordPatterns.words;

/**
 * Days and months an occasion names by itself: "an Silvester", "Christmas party", "Ende März" — Silvester,
 * Christmas, New Year, Oktoberfest and Easter, each the next one that has not passed.
 */
final class HolidayRules {

    static final Pattern NEW_YEARS_EVE = words("silvester\\p{L}*", "new year'?s eve", "nye");
    private static final Pattern CHRISTMAS = words("weihnacht\\p{L}*", "christmas\\p{L}*", "xmas", "x-mas",
            "heiligabend", "christmas eve", "adventsfeier", "jahresabschlussfeier", "jahresendfeier");
    private static final Pattern NEW_YEAR = words("neujahr\\p{L}*", "new year'?s day");
    private static final Pattern EASTER = words("ostern", "oster\\p{L}+", "easter");
    private static final Pattern OKTOBERFEST = words("oktoberfest", "wiesn");

    private HolidayRules() {
    }

    /** The day a holiday occasion names (Silvester: 31 December; Easter Sunday by ICU's calendar), the next one. */
    static LocalDate holiday(String text, LocalDate today) {
        LocalDate day = null;
        if (NEW_YEARS_EVE.matcher(text).find()) {
            day = LocalDate.of(today.getYear(), 12, 31);
        } else if (CHRISTMAS.matcher(text).find()) {
            day = LocalDate.of(today.getYear(), 12, 24);
            if (day.isBefore(today) && today.getMonthValue() == 12) {
                // the Christmas party in December is this one, even after Christmas Eve
                day = today;
            }
        } else if (NEW_YEAR.matcher(text).find()) {
            day = LocalDate.of(today.getYear() + 1, 1, 1);
        } else if (OKTOBERFEST.matcher(text).find()) {
            day = LocalDate.of(today.getYear(), 9, 20);
        } else if (EASTER.matcher(text).find()) {
            day = easter(today.getYear());
            if (day.isBefore(today)) {
                return easter(today.getYear() + 1);
            }
            return day;
        }
        if (day != null && day.isBefore(today)) {
            day = day.plusYears(1);
        }
        return day;
    }

    private static LocalDate easter(int year) {
        // ICU's holiday rules compute in the default time zone; read the day back in the same zone
        java.time.ZoneId zone = java.time.ZoneId.systemDefault();
        java.util.Date from = java.util.Date.from(LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant());
        java.util.Date to = java.util.Date.from(LocalDate.of(year, 12, 31).atStartOfDay(zone).toInstant());
        return com.ibm.icu.util.EasterHoliday.EASTER_SUNDAY.firstBetween(from, to).toInstant().atZone(zone).toLocalDate();
    }
}
