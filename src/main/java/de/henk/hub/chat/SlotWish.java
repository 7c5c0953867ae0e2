package de.henk.hub.chat;

import de.henk.hub.appointments.AppointmentType;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the customer would like to come, as far as one message says: a day ("morgen", "am Dienstag", "3.12.",
 * "December 3rd"), a time ("um 10 Uhr", "10:30", "2pm"), a part of the day ("vormittags", "after work") and what for
 * ("Anprobe", "Beratung"). German first, English too. Every part may be missing; days are read by {@link VisitDays}
 * against {@code today} (never today's past, never more than a year ahead). {@code roughDate}: the day is where the
 * wish begins, not the day itself ("nächste Woche", "in zwei Wochen"); {@code notBefore}: the time is the earliest
 * ("ab 18 Uhr", "after 6 pm").
 */
public record SlotWish(LocalDate date, LocalTime time, PartOfDay partOfDay, AppointmentType type, boolean roughDate,
                       boolean notBefore) {

    /** A wish for that day and time exactly (either may be missing). */
    public SlotWish(LocalDate date, LocalTime time, PartOfDay partOfDay, AppointmentType type) {
        this(date, time, partOfDay, type, false, false);
    }

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
    private static final Pattern CLOCK = Pattern.compile(
            "(?<![\\d.:])([01]?\\d|2[0-3])[:.]([0-5]\\d)(?:\\s*uhr)?(?![\\d.])", FLAGS);
    private static final Pattern HOUR_UHR = Pattern.compile("(?<![\\d.:])([01]?\\d|2[0-3])\\s*uhr(?!\\p{L})", FLAGS);
    private static final Pattern AM_PM = Pattern.compile("(?<![\\d.:])(1[0-2]|0?\\d)(?::([0-5]\\d))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)",
            FLAGS);
    private static final Pattern AT_HOUR = Pattern.compile("(?<!\\p{L})(um|gegen|ab|at|around)\\s+([01]?\\d|2[0-3])(?![\\d.:\\p{L}])",
            FLAGS);
    /** "ab 18 Uhr", "after 6 pm", "nicht vor 17 Uhr": the time is the earliest, not the one. */
    private static final Pattern NOT_BEFORE = Pattern.compile(
            "(?<!\\p{L})(ab|nach|after|from|not before|nicht vor|later than|frühestens|no earlier than)\\s*$", FLAGS);
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
        VisitDays.Day day = VisitDays.read(text, today);
        Matcher[] said = new Matcher[1];
        LocalTime time = time(text, said);
        boolean notBefore = said[0] != null && (NOT_BEFORE.matcher(text.substring(0, said[0].start())).find()
                || said[0].group().startsWith("ab "));
        return new SlotWish(day == null ? null : day.date(), time, partOfDay(text), type(text),
                day != null && day.rough(), notBefore);
    }

    /** Says anything about when. */
    public boolean saysWhen() {
        return date != null || time != null || partOfDay != null;
    }

    /** Whether a time fits the wish: on the day (from it on, when it is rough), at the time (or later: "ab 18 Uhr"). */
    public boolean fits(LocalDate day, LocalTime start) {
        return (date == null || (roughDate ? !day.isBefore(date) : date.equals(day))) && fitsTime(start)
                && (partOfDay == null || partOfDay.contains(start));
    }

    /** The time wished, or from the time wished on ("after 6 pm"). */
    public boolean fitsTime(LocalTime start) {
        return time == null || (notBefore ? !start.isBefore(time) : time.equals(start));
    }

    /** An exact day and an exact time: one slot, to be chosen as it is. */
    public boolean namesOneSlot() {
        return date != null && !roughDate && time != null && !notBefore;
    }

    public SlotWish withoutDate() {
        return new SlotWish(null, time, partOfDay, type, false, notBefore);
    }

    /** The time said; {@code said[0]} is the matcher that found it. */
    private static LocalTime time(String text, Matcher[] said) {
        Matcher clock = CLOCK.matcher(text);
        if (clock.find()) {
            said[0] = clock;
            return LocalTime.of(Integer.parseInt(clock.group(1)), Integer.parseInt(clock.group(2)));
        }
        Matcher amPm = AM_PM.matcher(text);
        if (amPm.find()) {
            said[0] = amPm;
            int hour = Integer.parseInt(amPm.group(1)) % 12 + (amPm.group(3).startsWith("p") ? 12 : 0);
            return LocalTime.of(hour, amPm.group(2) == null ? 0 : Integer.parseInt(amPm.group(2)));
        }
        Matcher half = HALF_PAST.matcher(text);
        if (half.find()) {
            said[0] = half;
            int hour = Integer.parseInt(half.group(1));
            return hour >= 1 && hour <= 24 ? LocalTime.of(afternoonIfSmall(hour - 1), 30) : null;
        }
        Matcher uhr = HOUR_UHR.matcher(text);
        if (uhr.find()) {
            said[0] = uhr;
            return LocalTime.of(afternoonIfSmall(Integer.parseInt(uhr.group(1))), 0);
        }
        Matcher at = AT_HOUR.matcher(text);
        if (at.find()) {
            said[0] = at;
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
