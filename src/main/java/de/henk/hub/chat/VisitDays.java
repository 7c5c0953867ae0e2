package de.henk.hub.chat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The day a customer would like to come, as far as one (lower-case) message says: "morgen", "3.12.", "December 3rd",
 * "am Dienstag", "übernächste Woche Mittwoch" — or only roughly: "nächste Woche", "in zwei Wochen", "in 10 Tagen"
 * (a day from which on times are offered). Resolved against {@code today}: never today's past, never more than a
 * year ahead.
 */
final class VisitDays {

    /** The day, and whether it is only where the wished time begins ("in two weeks"), not the day itself. */
    record Day(LocalDate date, boolean rough) { }

    /** The patterns run on lower-case text without Unicode case folding (see {@link SlotWish}). */
    private static final int FLAGS = Pattern.CASE_INSENSITIVE;
    static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("montag", DayOfWeek.MONDAY), Map.entry("dienstag", DayOfWeek.TUESDAY),
            Map.entry("mittwoch", DayOfWeek.WEDNESDAY), Map.entry("donnerstag", DayOfWeek.THURSDAY),
            Map.entry("freitag", DayOfWeek.FRIDAY), Map.entry("samstag", DayOfWeek.SATURDAY),
            Map.entry("sonnabend", DayOfWeek.SATURDAY), Map.entry("sonntag", DayOfWeek.SUNDAY),
            Map.entry("monday", DayOfWeek.MONDAY), Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("thursday", DayOfWeek.THURSDAY),
            Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("saturday", DayOfWeek.SATURDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY));
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("januar", 1), Map.entry("jänner", 1), Map.entry("january", 1), Map.entry("jan", 1),
            Map.entry("februar", 2), Map.entry("february", 2), Map.entry("feb", 2),
            Map.entry("märz", 3), Map.entry("march", 3), Map.entry("mär", 3), Map.entry("mar", 3),
            Map.entry("april", 4), Map.entry("apr", 4), Map.entry("mai", 5), Map.entry("may", 5),
            Map.entry("juni", 6), Map.entry("june", 6), Map.entry("jun", 6),
            Map.entry("juli", 7), Map.entry("july", 7), Map.entry("jul", 7),
            Map.entry("august", 8), Map.entry("aug", 8), Map.entry("september", 9), Map.entry("sept", 9),
            Map.entry("sep", 9), Map.entry("oktober", 10), Map.entry("october", 10), Map.entry("okt", 10),
            Map.entry("oct", 10), Map.entry("november", 11), Map.entry("nov", 11),
            Map.entry("dezember", 12), Map.entry("december", 12), Map.entry("dez", 12), Map.entry("dec", 12));
    private static final String MONTH_NAMES = String.join("|", MONTHS.keySet().stream()
            .sorted((a, b) -> b.length() - a.length()).toList());

    private static final Pattern RELATIVE = Pattern.compile(
            "(?<!\\p{L})(übermorgen|morgen|tomorrow|day after tomorrow|heute|today)(?!\\p{L})", FLAGS);
    private static final Pattern WEEKDAY = Pattern.compile(
            "(?<!\\p{L})(nächste[nmrs]? |kommende[nmrs]? |next |this )?(" + String.join("|", WEEKDAYS.keySet())
                    + ")s?(?!\\p{L})", FLAGS);
    private static final Pattern NUMERIC_DATE = Pattern.compile(
            "(?<![\\d.:])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{2}|\\d{4})?(?![\\d:])", FLAGS);
    private static final Pattern DAY_MONTH = Pattern.compile(
            "(?<![\\d.])(\\d{1,2})(?:\\.|st|nd|rd|th)?\\s+(?:of\\s+)?(" + MONTH_NAMES + ")\\.?(?!\\p{L})", FLAGS);
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?<!\\p{L})(" + MONTH_NAMES + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d.:])", FLAGS);
    /** "nächste Woche", "übernächste Woche", "the week after next", "this week": a week counted from this one. */
    private static final Pattern WEEK = Pattern.compile("(?<!\\p{L})(übernächste[nr]? woche|(?:the )?week after next|"
            + "nächste[nr]? woche|kommende[nr]? woche|next week|diese[nr]? woche|this week)(?!\\p{L})", FLAGS);
    /** "in zwei Wochen", "in 10 Tagen", "in a couple of weeks": counted from today. */
    private static final Pattern IN_WEEKS_OR_DAYS = Pattern.compile(
            "(?<!\\p{L})(?:in|within|in about|in etwa|in ca\\.?|in gut|in knapp)\\s+(\\d{1,2}|a couple of|a few|ein paar|"
                    + "[\\p{L}]+)\\s+(wochen|weeks|tagen|days)(?!\\p{L})", FLAGS);

    private VisitDays() {
    }

    /** The day the message names for a visit, or null. */
    static Day read(String text, LocalDate today) {
        Matcher relative = RELATIVE.matcher(text);
        if (relative.find()) {
            return exact(switch (relative.group(1)) {
                case "übermorgen", "day after tomorrow" -> today.plusDays(2);
                case "morgen", "tomorrow" -> text.contains("day after tomorrow") ? today.plusDays(2) : today.plusDays(1);
                default -> today;
            });
        }
        Matcher numeric = NUMERIC_DATE.matcher(text);
        if (numeric.find()) {
            LocalDate date = dayOf(Integer.parseInt(numeric.group(1)), Integer.parseInt(numeric.group(2)),
                    numeric.group(3), today);
            if (date != null) {
                return exact(date);
            }
        }
        Matcher dayMonth = DAY_MONTH.matcher(text);
        if (dayMonth.find()) {
            LocalDate date = dayOf(Integer.parseInt(dayMonth.group(1)), MONTHS.get(dayMonth.group(2)), null, today);
            if (date != null) {
                return exact(date);
            }
        }
        Matcher monthDay = MONTH_DAY.matcher(text);
        if (monthDay.find()) {
            LocalDate date = dayOf(Integer.parseInt(monthDay.group(2)), MONTHS.get(monthDay.group(1)), null, today);
            if (date != null) {
                return exact(date);
            }
        }
        return inSomeWeeks(text, today);
    }

    /** "übernächste Woche Mittwoch", "nächste Woche", "in zwei Wochen", "am Freitag": a week or weekday from today. */
    private static Day inSomeWeeks(String text, LocalDate today) {
        Matcher weekday = WEEKDAY.matcher(text);
        DayOfWeek day = weekday.find() ? WEEKDAYS.get(weekday.group(2)) : null;
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Matcher week = WEEK.matcher(text);
        Matcher in = IN_WEEKS_OR_DAYS.matcher(text);
        if (week.find()) {
            String said = week.group(1);
            int weeks = said.startsWith("über") || said.contains("after") ? 2 : said.startsWith("dies")
                    || said.startsWith("this") ? 0 : 1;
            LocalDate start = monday.plusWeeks(weeks);
            if (day != null && !start.with(day).isBefore(today.plusDays(1))) {
                return exact(start.with(day));
            }
            return new Day(start.isAfter(today) ? start : today.plusDays(1), true);
        }
        Integer count = in.find() ? count(in.group(1)) : null;
        if (count != null && count > 0 && count <= 52) {
            boolean weeks = in.group(2).startsWith("w");
            LocalDate by = weeks ? today.plusWeeks(count) : today.plusDays(count);
            if (day != null && weeks) {
                return exact(by.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).with(day));
            }
            return new Day(by, true);
        }
        if (day == null) {
            return null;
        }
        LocalDate next = today.with(TemporalAdjusters.next(day));
        boolean following = weekday.group(1) != null && weekday.group(1).startsWith("nächst")
                && next.isBefore(today.plusDays(3));
        return exact(following ? next.plusWeeks(1) : next);
    }

    private static Integer count(String word) {
        return switch (word) {
            case "ein paar", "a few", "a couple of" -> 3;
            case "ein", "einer", "einem", "a", "an", "one" -> 1;
            default -> NumberWords.count(word);
        };
    }

    private static Day exact(LocalDate date) {
        return new Day(date, false);
    }

    /** Day and month (and maybe year) as the next such day from today on; null when it is no date. */
    private static LocalDate dayOf(int day, int month, String year, LocalDate today) {
        try {
            if (year != null) {
                int y = Integer.parseInt(year);
                LocalDate date = LocalDate.of(y < 100 ? 2000 + y : y, month, day);
                return date.isBefore(today) || date.isAfter(today.plusYears(1)) ? null : date;
            }
            LocalDate date = LocalDate.of(today.getYear(), month, day);
            return date.isBefore(today) ? LocalDate.of(today.getYear() + 1, month, day) : date;
        } catch (java.time.DateTimeException e) {
            return null; // "31.2." or "12.13.": not a day
        }
    }
}
