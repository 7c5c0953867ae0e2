package de.henk.hub.chat;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static de.henk.hub.chat.DateRules.NEXT_YEAR;
import static de.henk.hub.chat.DateRules.day;
import static de.henk.hub.chat.DateRules.month;
import static de.henk.hub.chat.HolidayRules.NEW_YEARS_EVE;
import static de.henk.hub.chat.HolidayRules.holiday;
import static de.henk.hub.chat.WordPatterns.words;

/**
 * When the customer needs it: a day, a month, a holiday, "in 3 Wochen", "nächsten Monat", a season, or no hurry at
 * all ("keine Eile"); the first of these the message says, in that order, is the profile's timing.
 */
final class TimingRules {

    private static final List<Map.Entry<String, Pattern>> SEASONS = List.of(
            Map.entry("summer", words("\\p{L}*sommer\\p{L}*", "summer\\p{L}*")),
            Map.entry("winter", words("\\p{L}*winter\\p{L}*")),
            Map.entry("spring", words("frühling\\p{L}*", "frühjahr\\p{L}*", "spring")),
            Map.entry("autumn", words("\\p{L}*herbst\\p{L}*", "autumn", "(?:in|this|next|the) fall")));
    private static final Pattern IN_WEEKS_OR_MONTHS = Pattern.compile(
            "(?:in|within|innerhalb von|innerhalb|binnen|in about|in etwa|in ca\\.?|in gut|in knapp)\\s+"
                    + "(\\d{1,2}|ein paar|a few|a couple of|[\\p{L}-]+)\\s+(wochen|woche|weeks?|monaten|monat|months?)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern NEXT_MONTH = words("nächsten monat", "kommenden monat", "next month");
    /** "nächste Woche", "übernächste Woche", "this week": weeks counted from this one, up to its Sunday. */
    private static final Pattern THIS_WEEK = words("diese woche", "this week");
    private static final Pattern NEXT_WEEK = words("nächste woche", "kommende woche", "next week");
    private static final Pattern WEEK_AFTER_NEXT = words("übernächste woche", "the week after next");
    /** "Termin nächste Woche Dienstag?", "next week at 5pm": the week of a visit to the atelier, not of the event. */
    private static final Pattern VISIT = words("termin\\p{L}*", "appointment\\p{L}*", "anprobe\\p{L}*", "fitting",
            "vorbei ?kommen", "come (in|by)", "uhr", "\\d{1,2}(:\\d\\d)? ?(am|pm)", "montags?", "dienstags?", "mittwochs?",
            "donnerstags?", "freitags?", "samstags?", "sonntags?", "monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday");
    private static final Pattern FLEXIBLE = words("keine eile", "kein zeitdruck", "kein termin", "kein bestimmtes datum",
            "zeitlich flexibel", "egal wann", "no rush", "no hurry", "no deadline", "no particular date", "whenever",
            "kein fester termin", "hat zeit", "eilt nicht", "kein festes datum", "noch kein datum",
            "(zeitlich|terminlich) (bin ich |sind wir )?(völlig |ganz |total |sehr )?flexibel",
            "(ich bin|wir sind) (zeitlich |terminlich )?(völlig |ganz |total |sehr )?flexibel",
            "(i'?m|we'?re|i am|we are) (completely |totally |very )?flexible", "flexible (on|with) (the )?(date|timing)",
            "no fixed date", "any ?time is fine");

    private TimingRules() {
    }

    /** The message's timing, as of {@code today}, the day it is read. */
    static void timing(String text, LocalDate today, ConversationProfile.Builder profile) {
        LocalDate day = day(text, today);
        if (day != null) {
            profile.timing(day.toString(), YearMonth.from(day).toString(), seasonOf(day.getMonth()), day.toString(),
                    day.toString(), null);
            return;
        }
        YearMonth month = month(text, today);
        if (month == null) {
            LocalDate holiday = holiday(text, today);
            if (holiday != null && NEW_YEARS_EVE.matcher(text).find()) {
                profile.timing(holiday.toString(), YearMonth.from(holiday).toString(), seasonOf(holiday.getMonth()),
                        holiday.toString(), holiday.toString(), null);
                return;
            }
            month = holiday == null ? null : YearMonth.from(holiday);
        }
        if (month != null) {
            profile.timing(null, month.toString(), seasonOf(month.getMonth()), month.atDay(1).toString(),
                    month.atEndOfMonth().toString(), null);
            return;
        }
        Matcher in = IN_WEEKS_OR_MONTHS.matcher(text);
        if (in.find() && count(in.group(1)) != null && count(in.group(1)) <= 24) {
            int n = count(in.group(1));
            LocalDate by = in.group(2).startsWith("w") ? today.plusWeeks(n) : today.plusMonths(n);
            profile.timing(null, YearMonth.from(by).toString(), seasonOf(by.getMonth()), today.toString(),
                    by.toString(), null);
            return;
        }
        int weeks = WEEK_AFTER_NEXT.matcher(text).find() ? 2 : NEXT_WEEK.matcher(text).find() ? 1
                : THIS_WEEK.matcher(text).find() ? 0 : -1;
        if (weeks >= 0 && !VISIT.matcher(text).find()) {
            LocalDate by = today.plusWeeks(weeks).with(java.time.temporal.TemporalAdjusters.nextOrSame(
                    java.time.DayOfWeek.SUNDAY));
            profile.timing(null, YearMonth.from(by).toString(), seasonOf(by.getMonth()), today.toString(),
                    by.toString(), null);
            return;
        }
        if (NEXT_MONTH.matcher(text).find()) {
            YearMonth next = YearMonth.from(today).plusMonths(1);
            profile.timing(null, next.toString(), seasonOf(next.getMonth()), next.atDay(1).toString(),
                    next.atEndOfMonth().toString(), null);
            return;
        }
        for (var season : SEASONS) {
            Matcher m = season.getValue().matcher(text);
            if (m.find()) {
                LocalDate[] range = seasonRange(season.getKey(), today, NEXT_YEAR.matcher(text).find());
                profile.timing(null, null, season.getKey(), range[0].toString(), range[1].toString(), null);
                return;
            }
        }
        if (FLEXIBLE.matcher(text).find()) {
            profile.timing(null, null, null, null, null, true);
        }
    }

    private static Integer count(String word) {
        return switch (word) {
            case "ein paar", "a few", "a couple of" -> 3;
            case "ein", "einem", "einer", "a", "an", "one" -> 1;
            default -> NumberWords.count(word);
        };
    }

    static String seasonOf(Month month) {
        return switch (month) {
            case DECEMBER, JANUARY, FEBRUARY -> "winter";
            case MARCH, APRIL, MAY -> "spring";
            case JUNE, JULY, AUGUST -> "summer";
            default -> "autumn";
        };
    }

    /** The next such season (the current one if it is still running): summer is June to August. */
    static LocalDate[] seasonRange(String season, LocalDate today, boolean nextYear) {
        int startMonth = switch (season) {
            case "spring" -> 3;
            case "summer" -> 6;
            case "autumn" -> 9;
            default -> 12;
        };
        LocalDate start = LocalDate.of(today.getYear(), startMonth, 1);
        if (season.equals("winter") && today.getMonthValue() <= 2) {
            start = start.minusYears(1);
        }
        LocalDate end = start.plusMonths(3).minusDays(1);
        if (end.isBefore(today)) {
            start = start.plusYears(1);
            end = start.plusMonths(3).minusDays(1);
        }
        if (nextYear && start.getYear() == today.getYear() && !season.equals("winter")) {
            start = start.plusYears(1);
            end = start.plusMonths(3).minusDays(1);
        }
        return new LocalDate[] {start.isBefore(today) ? today : start, end};
    }
}
