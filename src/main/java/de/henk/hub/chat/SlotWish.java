package de.henk.hub.chat;

import de.henk.hub.appointments.AppointmentType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the customer would like to come, as far as one message says: a day ("morgen", "am Dienstag", "3.12.",
 * "December 3rd"), a time ("um 10 Uhr", "10:30", "2pm"), a part of the day ("vormittags", "after work") and what for
 * ("Anprobe", "Beratung"). German first, English too. Every part may be missing; days are resolved against
 * {@code today} to the next such day (never today's past, never more than a year ahead).
 */
public record SlotWish(LocalDate date, LocalTime time, PartOfDay partOfDay, AppointmentType type) {

    /**
     * Morning, midday, afternoon, evening — as a tailor's diary would read them: the afternoon begins after lunch (a
     * customer who asks for "Tuesday afternoon" is not offered 12:00; "mittags" is).
     */
    public enum PartOfDay {
        MORNING(LocalTime.MIN, LocalTime.of(12, 0)),
        MIDDAY(LocalTime.of(11, 30), LocalTime.of(14, 0)),
        AFTERNOON(LocalTime.of(13, 0), LocalTime.of(17, 0)),
        EVENING(LocalTime.of(17, 0), LocalTime.MAX);

        private final LocalTime from;
        private final LocalTime until;

        PartOfDay(LocalTime from, LocalTime until) {
            this.from = from;
            this.until = until;
        }

        public boolean contains(LocalTime start) {
            return !start.isBefore(from) && start.isBefore(until);
        }
    }

    /**
     * The text is lower case already ({@link #read}), so the patterns need no Unicode case folding — and must not have
     * it: folded, "ſamſtag" (long s) and "freıtag" (dotless i) match "samstag" and "freitag", which the tables below
     * do not know, and the turn failed on the missing weekday or month.
     */
    private static final int FLAGS = Pattern.CASE_INSENSITIVE;
    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
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
    private static final Pattern CLOCK = Pattern.compile(
            "(?<![\\d.:])([01]?\\d|2[0-3])[:.]([0-5]\\d)(?:\\s*uhr)?(?![\\d.])", FLAGS);
    private static final Pattern HOUR_UHR = Pattern.compile("(?<![\\d.:])([01]?\\d|2[0-3])\\s*uhr(?!\\p{L})", FLAGS);
    private static final Pattern AM_PM = Pattern.compile("(?<![\\d.:])(1[0-2]|0?\\d)(?::([0-5]\\d))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)",
            FLAGS);
    private static final Pattern AT_HOUR = Pattern.compile("(?<!\\p{L})(um|gegen|ab|at|around)\\s+([01]?\\d|2[0-3])(?![\\d.:\\p{L}])",
            FLAGS);
    private static final Pattern HALF_PAST = Pattern.compile("(?<!\\p{L})halb\\s+(\\d{1,2})(?!\\d)", FLAGS);

    private static final Pattern MORNING = Pattern.compile(
            "(?<!\\p{L})(vormittags?|am vormittag|morgens|früh am morgen|in the morning|morning)(?!\\p{L})", FLAGS);
    private static final Pattern MIDDAY = Pattern.compile(
            "(?<!\\p{L})(mittags|über mittag|in der mittagspause|mittagspause|lunchtime|at lunch|around noon)(?!\\p{L})", FLAGS);
    private static final Pattern AFTERNOON = Pattern.compile(
            "(?<!\\p{L})(nachmittags?|am nachmittag|in the afternoon|afternoon)(?!\\p{L})", FLAGS);
    private static final Pattern EVENING = Pattern.compile(
            "(?<!\\p{L})(abends|am abend|nach der arbeit|nach feierabend|feierabend|after work|in the evening|evening)(?!\\p{L})",
            FLAGS);

    private static final Pattern CONSULTATION = Pattern.compile(
            "(?<!\\p{L})(beratung\\p{L}*|beratungstermin|consultation|advice)(?!\\p{L})", FLAGS);
    private static final Pattern SECOND_FITTING = Pattern.compile(
            "(?<!\\p{L})(zweite\\p{L}* anprobe|second fitting)(?!\\p{L})", FLAGS);
    private static final Pattern FITTING = Pattern.compile(
            "(?<!\\p{L})(anprobe\\p{L}*|fitting)(?!\\p{L})", FLAGS);
    private static final Pattern PICKUP = Pattern.compile(
            "(?<!\\p{L})(abholen|abholung|abzuholen|pick (it )?up|pickup|collect)(?!\\p{L})", FLAGS);

    public static SlotWish none() {
        return new SlotWish(null, null, null, null);
    }

    public static SlotWish read(String message, LocalDate today) {
        String text = Umlauts.restore(message.toLowerCase(Locale.GERMAN));
        return new SlotWish(date(text, today), time(text), partOfDay(text), type(text));
    }

    /** Says anything about when. */
    public boolean saysWhen() {
        return date != null || time != null || partOfDay != null;
    }

    public boolean fits(LocalDate day, LocalTime start) {
        return (date == null || date.equals(day)) && (time == null || time.equals(start))
                && (partOfDay == null || partOfDay.contains(start));
    }

    public SlotWish withoutDate() {
        return new SlotWish(null, time, partOfDay, type);
    }

    private static LocalDate date(String text, LocalDate today) {
        Matcher relative = RELATIVE.matcher(text);
        if (relative.find()) {
            return switch (relative.group(1)) {
                case "übermorgen", "day after tomorrow" -> today.plusDays(2);
                case "morgen", "tomorrow" -> text.contains("day after tomorrow") ? today.plusDays(2) : today.plusDays(1);
                default -> today;
            };
        }
        Matcher numeric = NUMERIC_DATE.matcher(text);
        if (numeric.find()) {
            LocalDate date = dayOf(Integer.parseInt(numeric.group(1)), Integer.parseInt(numeric.group(2)),
                    numeric.group(3), today);
            if (date != null) {
                return date;
            }
        }
        Matcher dayMonth = DAY_MONTH.matcher(text);
        if (dayMonth.find()) {
            LocalDate date = dayOf(Integer.parseInt(dayMonth.group(1)), MONTHS.get(dayMonth.group(2)), null, today);
            if (date != null) {
                return date;
            }
        }
        Matcher monthDay = MONTH_DAY.matcher(text);
        if (monthDay.find()) {
            LocalDate date = dayOf(Integer.parseInt(monthDay.group(2)), MONTHS.get(monthDay.group(1)), null, today);
            if (date != null) {
                return date;
            }
        }
        Matcher weekday = WEEKDAY.matcher(text);
        if (weekday.find()) {
            DayOfWeek day = WEEKDAYS.get(weekday.group(2));
            LocalDate next = today.with(TemporalAdjusters.next(day));
            boolean following = weekday.group(1) != null && weekday.group(1).startsWith("nächst")
                    && next.isBefore(today.plusDays(3));
            return following ? next.plusWeeks(1) : next;
        }
        return null;
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

    private static LocalTime time(String text) {
        Matcher clock = CLOCK.matcher(text);
        if (clock.find()) {
            return LocalTime.of(Integer.parseInt(clock.group(1)), Integer.parseInt(clock.group(2)));
        }
        Matcher amPm = AM_PM.matcher(text);
        if (amPm.find()) {
            int hour = Integer.parseInt(amPm.group(1)) % 12 + (amPm.group(3).startsWith("p") ? 12 : 0);
            return LocalTime.of(hour, amPm.group(2) == null ? 0 : Integer.parseInt(amPm.group(2)));
        }
        Matcher half = HALF_PAST.matcher(text);
        if (half.find()) {
            int hour = Integer.parseInt(half.group(1));
            return hour >= 1 && hour <= 24 ? LocalTime.of(afternoonIfSmall(hour - 1), 30) : null;
        }
        Matcher uhr = HOUR_UHR.matcher(text);
        if (uhr.find()) {
            return LocalTime.of(afternoonIfSmall(Integer.parseInt(uhr.group(1))), 0);
        }
        Matcher at = AT_HOUR.matcher(text);
        if (at.find()) {
            return LocalTime.of(afternoonIfSmall(Integer.parseInt(at.group(2))), 0);
        }
        return null;
    }

    /** "um 3" in a tailor's diary is 15:00: nobody is measured at three in the morning. */
    private static int afternoonIfSmall(int hour) {
        return hour >= 1 && hour <= 7 ? hour + 12 : hour;
    }

    private static PartOfDay partOfDay(String text) {
        if (EVENING.matcher(text).find()) {
            return PartOfDay.EVENING;
        }
        if (AFTERNOON.matcher(text).find()) {
            return PartOfDay.AFTERNOON;
        }
        if (MIDDAY.matcher(text).find()) {
            return PartOfDay.MIDDAY;
        }
        // "morgen" alone is tomorrow; "morgens", "vormittags" and "in the morning" are the morning
        return MORNING.matcher(text).find() ? PartOfDay.MORNING : null;
    }

    private static AppointmentType type(String text) {
        if (SECOND_FITTING.matcher(text).find()) {
            return AppointmentType.SECOND_FITTING;
        }
        if (FITTING.matcher(text).find()) {
            return AppointmentType.FIRST_FITTING;
        }
        if (PICKUP.matcher(text).find()) {
            return AppointmentType.PICKUP;
        }
        if (CONSULTATION.matcher(text).find()) {
            return AppointmentType.CONSULTATION;
        }
        return null;
    }
}
