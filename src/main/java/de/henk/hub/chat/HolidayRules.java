package de.henk.hub.chat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

import static de.henk.hub.chat.WordPatterns.found;
import static de.henk.hub.chat.WordPatterns.words;

/**
 * Days and months an occasion names by itself. A holiday is its day: "für Weihnachten", "Christmas Eve" the 24th of
 * December, "an Silvester" the 31st, "Neujahr" the 1st of January, "Ostern" Easter Sunday, "Pfingsten" Whit Sunday —
 * each the next one that has not passed. A party of the season is its month: "Weihnachtsfeier", "Christmas party",
 * "Neujahrsempfang", "Oktoberfest" (which starts in September). After a holiday is the weeks after it ({@link #after}).
 */
final class HolidayRules {

    static final Pattern NEW_YEARS_EVE = words("silvester\\p{L}*", "new year'?s eve", "nye");
    /** Parties of a season: they fall somewhere in its month, not on the holiday itself. */
    private static final Pattern CHRISTMAS_PARTY = words("weihnachts(feier(?!tag)|party|essen|markt)\\p{L}*",
            "christmas (party|parties|do|dinner|event|market|gala)", "xmas party", "adventsfeier\\p{L}*",
            "jahresabschlussfeier", "jahresendfeier", "firmenweihnacht\\p{L}*");
    private static final Pattern NEW_YEAR_PARTY = words("neujahrs(empfang|feier|party)\\p{L}*", "new year'?s (reception|party)");
    private static final Pattern OKTOBERFEST = words("oktoberfest", "wiesn");
    private static final Pattern CHRISTMAS_ANY = words("weihnacht\\p{L}*", "christmas\\p{L}*");
    private static final Pattern NEW_YEAR_ANY = words("neujahr\\p{L}*");
    private static final Pattern EASTER_ANY = words("oster\\p{L}+");
    private static final Pattern WHITSUN_ANY = words("pfingst\\p{L}+");
    /** Named days, the first found counts; each maps the year to its day. */
    private static final List<Map.Entry<Pattern, IntFunction<LocalDate>>> DAYS = List.of(
            Map.entry(words("(1\\.|erste[nrm]?) weihnachts(feier)?tag", "christmas day"), y -> LocalDate.of(y, 12, 25)),
            Map.entry(words("(2\\.|zweite[nrm]?) weihnachts(feier)?tag", "boxing day", "stephanstag"),
                    y -> LocalDate.of(y, 12, 26)),
            Map.entry(words("weihnachten", "weihnacht", "weihnachtstage?n?", "weihnachtsfeiertage?n?", "heiligabend",
                    "heiligen abend", "heilig abend", "christmas", "christmas eve", "xmas", "x-mas"),
                    y -> LocalDate.of(y, 12, 24)),
            Map.entry(NEW_YEARS_EVE, y -> LocalDate.of(y, 12, 31)),
            Map.entry(words("neujahr", "neujahrstag", "new year'?s day"), y -> LocalDate.of(y, 1, 1)),
            Map.entry(words("karfreitag", "good friday"), y -> easter(y).minusDays(2)),
            Map.entry(words("ostermontag", "easter monday"), y -> easter(y).plusDays(1)),
            Map.entry(words("ostern", "ostersonntag", "easter", "easter sunday"), HolidayRules::easter),
            Map.entry(words("pfingstmontag", "whit monday"), y -> easter(y).plusDays(50)),
            Map.entry(words("pfingsten", "pfingstsonntag", "whitsun", "whit sunday", "pentecost"),
                    y -> easter(y).plusDays(49)));

    /** Right before a holiday's name: "nach Weihnachten", "kurz nach den Feiertagen zu Ostern", "after Christmas". */
    private static final Pattern AFTER = Pattern.compile("(?<!\\p{L})(nach|after|following)\\s+(dem |den |der |the )?$");
    /** "zwischen den Jahren", "zwischen Weihnachten und Neujahr", "between Christmas and New Year". */
    private static final Pattern BETWEEN_THE_YEARS = words("zwischen den jahren",
            "zwischen weihnachten und (neujahr|silvester)", "between christmas and new year'?s?( eve| day)?");

    private HolidayRules() {
    }

    /**
     * "nach Weihnachten", "after Christmas", "nach Ostern": the weeks after the holidays — from the day after their
     * last day off (Boxing Day, Easter Monday, Whit Monday, New Year's Day) for a month, the next such time that has
     * not passed; "zwischen den Jahren" the days from 27 to 31 December. Null when the message says neither.
     */
    static LocalDate[] after(String text, LocalDate today) {
        if (found(BETWEEN_THE_YEARS, text)) {
            LocalDate from = LocalDate.of(today.getYear(), 12, 27);
            from = from.plusDays(4).isBefore(today) ? from.plusYears(1) : from;
            return new LocalDate[] {from.isBefore(today) ? today : from, from.plusDays(4)};
        }
        if (found(CHRISTMAS_PARTY, text) || found(NEW_YEAR_PARTY, text)) {
            return null;
        }
        for (var day : DAYS) {
            java.util.regex.Matcher m = day.getKey().matcher(text);
            while (WordPatterns.mayMatch(day.getKey(), text) && m.find()) {
                if (AFTER.matcher(text.substring(Math.max(0, m.start() - 12), m.start())).find()) {
                    LocalDate last = lastDayOff(day.getValue().apply(today.getYear()));
                    LocalDate from = (last.isBefore(today) ? lastDayOff(day.getValue().apply(today.getYear() + 1)) : last)
                            .plusDays(1);
                    return new LocalDate[] {from, from.plusMonths(1).minusDays(1)};
                }
            }
        }
        return null;
    }

    /** The last day off of the holidays a day belongs to: Christmas ends on Boxing Day, Easter on its Monday. */
    private static LocalDate lastDayOff(LocalDate day) {
        LocalDate easter = easter(day.getYear());
        if (day.getMonthValue() == 12 && day.getDayOfMonth() >= 24 && day.getDayOfMonth() <= 26) {
            return LocalDate.of(day.getYear(), 12, 26);
        } else if (day.getMonthValue() == 12 && day.getDayOfMonth() == 31) {
            return day.plusDays(1);
        } else if (!day.isBefore(easter.minusDays(2)) && !day.isAfter(easter.plusDays(1))) {
            return easter.plusDays(1);
        }
        return day.equals(easter.plusDays(49)) ? easter.plusDays(50) : day;
    }

    /** The day a holiday's name means ("zu Weihnachten": 24 December), the next one from today; null when none. */
    static LocalDate namedDay(String text, LocalDate today) {
        if (found(CHRISTMAS_PARTY, text) || found(NEW_YEAR_PARTY, text)) {
            return null; // "Weihnachtsfeier": some day in December, not Christmas Eve
        }
        for (var day : DAYS) {
            if (found(day.getKey(), text)) {
                LocalDate date = day.getValue().apply(today.getYear());
                return date.isBefore(today) ? day.getValue().apply(today.getYear() + 1) : date;
            }
        }
        return null;
    }

    /**
     * The month of a party of the season ("Weihnachtsfeier", "Christmas party", "Neujahrsempfang", "Oktoberfest"), or
     * of a holiday said otherwise ("Ostertaufe"), the next one; null when none. The Christmas party in December is
     * this December's, even after Christmas Eve.
     */
    static YearMonth festiveMonth(String text, LocalDate today) {
        YearMonth month = null;
        if (found(CHRISTMAS_PARTY, text) || found(CHRISTMAS_ANY, text)) {
            month = YearMonth.of(today.getYear(), 12);
        } else if (found(NEW_YEAR_PARTY, text) || found(NEW_YEAR_ANY, text)) {
            month = YearMonth.of(today.getYear() + 1, 1);
        } else if (found(OKTOBERFEST, text)) {
            month = YearMonth.of(today.getYear(), 9);
        } else if (found(EASTER_ANY, text) || found(WHITSUN_ANY, text)) {
            int days = found(WHITSUN_ANY, text) ? 49 : 0;
            LocalDate day = easter(today.getYear()).plusDays(days);
            month = YearMonth.from(day.isBefore(today) ? easter(today.getYear() + 1).plusDays(days) : day);
        }
        return month != null && month.isBefore(YearMonth.from(today)) ? month.plusYears(1) : month;
    }

    /** Easter Sunday of that year (ICU's holiday rules, in the default time zone, read back in the same zone). */
    static LocalDate easter(int year) {
        java.time.ZoneId zone = java.time.ZoneId.systemDefault();
        java.util.Date from = java.util.Date.from(LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant());
        java.util.Date to = java.util.Date.from(LocalDate.of(year, 12, 31).atStartOfDay(zone).toInstant());
        return com.ibm.icu.util.EasterHoliday.EASTER_SUNDAY.firstBetween(from, to).toInstant().atZone(zone).toLocalDate();
    }
}
