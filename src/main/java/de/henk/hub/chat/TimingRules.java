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
import static de.henk.hub.chat.HolidayRules.festiveMonth;
import static de.henk.hub.chat.HolidayRules.namedDay;
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
    /** "Termin morgen?", "come in at 5pm": a visit to the atelier, not the event. */
    private static final String[] VISIT_WORDS = {"termin\\p{L}*", "appointment\\p{L}*", "anprobe\\p{L}*", "fitting",
            "vorbei ?kommen", "come (in|by)", "uhr", "\\d{1,2}(:\\d\\d)? ?(am|pm)"};
    private static final String[] WEEKDAY_WORDS = {"montags?", "dienstags?", "mittwochs?", "donnerstags?", "freitags?",
            "samstags?", "sonntags?", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    private static final Pattern A_VISIT = words(VISIT_WORDS);
    /** "Termin nächste Woche Dienstag?", "next week at 5pm": the week of a visit to the atelier, not of the event. */
    private static final Pattern VISIT = words(java.util.stream.Stream.of(VISIT_WORDS, WEEKDAY_WORDS)
            .flatMap(java.util.Arrays::stream).toArray(String[]::new));
    /** "in 10 Tagen", "in a few days": counted from today, like weeks. */
    private static final Pattern IN_DAYS = Pattern.compile(
            "(?:in|within|innerhalb von|innerhalb|binnen|in about|in etwa|in ca\\.?|in gut|in knapp)\\s+"
                    + "(\\d{1,2}|ein paar|a few|a couple of|[\\p{L}-]+)\\s+(tagen|tage|days)(?!\\p{L})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "übermorgen", "morgen" (not "guten Morgen", "bis morgen"), "tomorrow", "day after tomorrow". */
    private static final Pattern NEAR_DAY = words("übermorgen", "day after tomorrow", "(?<!guten |am |jeden |bis )morgen",
            "tomorrow");
    private static final List<String> WEEKDAY_NAMES = List.of("montag", "dienstag", "mittwoch", "donnerstag", "freitag",
            "samstag", "sonntag", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
    /** "am Freitag", "nächsten Dienstag", "on Saturday": the next such day. */
    private static final Pattern WEEKDAY = words(WEEKDAY_NAMES.stream()
            .map(day -> "(?:nächste[nm]? |kommende[nm]? )?" + day).toArray(String[]::new));
    private static final Pattern FLEXIBLE = words("keine eile", "kein zeitdruck", "kein termin", "kein bestimmtes datum",
            "zeitlich flexibel", "egal wann", "no rush", "no hurry", "no deadline", "no particular date", "whenever",
            "kein fester termin", "hat zeit", "eilt nicht", "kein festes datum", "noch kein datum",
            "(zeitlich|terminlich) (bin ich |sind wir )?(völlig |ganz |total |sehr )?flexibel",
            "(ich bin|wir sind) (zeitlich |terminlich )?(völlig |ganz |total |sehr )?flexibel",
            "(i'?m|we'?re|i am|we are) (completely |totally |very )?flexible", "flexible (on|with) (the )?(date|timing)",
            "no fixed date", "any ?time is fine");

    private TimingRules() {
    }

    /**
     * The message's timing, as of {@code today}, the day it is read. A near day said the way one names a visit
     * ("übermorgen", "am Freitag") is the event's only with the occasion in the message or as the answer to HENK's
     * question when ({@code askedWhen}), and never with a visit word ("Termin am Freitag?").
     */
    static void timing(String text, LocalDate today, boolean askedWhen, ConversationProfile.Builder profile) {
        LocalDate day = day(text, today);
        if (day != null) {
            profile.timing(day.toString(), YearMonth.from(day).toString(), seasonOf(day.getMonth()), day.toString(),
                    day.toString(), null);
            return;
        }
        YearMonth month = month(text, today);
        LocalDate[] after = month == null ? HolidayRules.after(text, today) : null;
        if (after != null) {
            // "nach Weihnachten": the weeks after the holidays, not Christmas Eve
            boolean oneMonth = YearMonth.from(after[0]).equals(YearMonth.from(after[1]));
            profile.timing(null, oneMonth ? YearMonth.from(after[0]).toString() : null, seasonOf(after[0].getMonth()),
                    after[0].toString(), after[1].toString(), null);
            return;
        }
        LocalDate named = namedDay(text, today);
        if (named != null && (month == null || month.equals(YearMonth.from(named)))) {
            // "für Weihnachten", "an Silvester": the holiday's day, not its month
            profile.timing(named.toString(), YearMonth.from(named).toString(), seasonOf(named.getMonth()),
                    named.toString(), named.toString(), null);
            return;
        }
        if (month == null) {
            month = festiveMonth(text, today);
        }
        if (month != null) {
            LocalDate[] days = DateRules.daysOf(month, text);
            profile.timing(null, month.toString(), seasonOf(month.getMonth()), days[0].toString(), days[1].toString(),
                    null);
            return;
        }
        LocalDate[] partOfYear = DateRules.partOfYear(text, today);
        if (partOfYear != null) {
            YearMonth first = YearMonth.from(partOfYear[0]);
            boolean oneMonth = first.equals(YearMonth.from(partOfYear[1]));
            profile.timing(null, oneMonth ? first.toString() : null, seasonOf(first.getMonth()),
                    partOfYear[0].toString(), partOfYear[1].toString(), null);
            return;
        }
        Matcher days = IN_DAYS.matcher(text);
        if (days.find() && !A_VISIT.matcher(text).find() && count(days.group(1)) != null && count(days.group(1)) <= 60) {
            LocalDate by = today.plusDays(count(days.group(1)));
            profile.timing(null, YearMonth.from(by).toString(), seasonOf(by.getMonth()), today.toString(),
                    by.toString(), null);
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
        LocalDate near = nearDay(text, today, askedWhen);
        if (near != null) {
            profile.timing(near.toString(), YearMonth.from(near).toString(), seasonOf(near.getMonth()), near.toString(),
                    near.toString(), null);
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

    /** Whether the (lower-case) text names a season: "im Sommer", "Sommerhochzeit", "sommerlich", "next fall". */
    static boolean namesSeason(String text) {
        return SEASONS.stream().anyMatch(season -> WordPatterns.found(season.getValue(), text));
    }

    /** "übermorgen", "am Freitag", "nächsten Dienstag" as the event's day; null when none is, or it is a visit's. */
    private static LocalDate nearDay(String text, LocalDate today, boolean askedWhen) {
        Matcher near = NEAR_DAY.matcher(text);
        Matcher weekday = WEEKDAY.matcher(text);
        boolean saysNear = WordPatterns.mayMatch(NEAR_DAY, text) && near.find();
        if (!saysNear && !(WordPatterns.mayMatch(WEEKDAY, text) && weekday.find())
                || !askedWhen && Vocabulary.first(Vocabulary.OCCASIONS, text) == null || WordPatterns.found(A_VISIT, text)) {
            return null;
        }
        if (saysNear) {
            boolean dayAfter = near.group().startsWith("über") || near.group().startsWith("day after");
            return today.plusDays(dayAfter ? 2 : 1);
        }
        String said = weekday.group();
        String name = WEEKDAY_NAMES.stream().filter(said::endsWith).findFirst().orElseThrow();
        java.time.DayOfWeek day = java.time.DayOfWeek.of(WEEKDAY_NAMES.indexOf(name) % 7 + 1);
        LocalDate next = today.with(java.time.temporal.TemporalAdjusters.next(day));
        // "nächsten Freitag" said on a Wednesday is the Friday of next week; "nächste Woche Freitag" too
        boolean following = !said.equals(name) && next.isBefore(today.plusDays(3))
                || NEXT_WEEK.matcher(text).find() && next.isBefore(today.with(java.time.temporal.TemporalAdjusters.next(
                java.time.DayOfWeek.MONDAY)));
        return following ? next.plusWeeks(1) : next;
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
