package de.henk.hub.chat;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static de.henk.hub.chat.WordPatterns.mayMatch;
import static de.henk.hub.chat.WordPatterns.words;

/**
 * A day or a month a message names: "am 15. Juni", "15.06.2027", "June 15th", "im Juni", "Juni 2028". A month the
 * customer rules out ("nicht im Juni") does not count; "may I" and "to march" are no months.
 */
final class DateRules {

    static final String[] MONTHS_DE = {"januar", "februar", "märz", "april", "mai", "juni", "juli", "august",
            "september", "oktober", "november", "dezember"};
    static final String[] MONTHS_EN = {"january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december"};
    static final String MONTH_NAMES = "(" + String.join("|", MONTHS_DE) + "|" + String.join("|", MONTHS_EN)
            + "|jan|feb|mär|apr|jun|jul|aug|sep|sept|okt|oct|nov|dez|dec)";
    static final Pattern DAY_MONTH_NAME = Pattern.compile(
            "(?<![\\d.])(\\d{1,2})(?:\\.|st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH_NAMES + "\\.?(?:\\s+(20\\d{2})(?![\\d.,]|\\s*(?:€|eur|k\\b|tsd|tausend)))?(?!\\p{L})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    static final Pattern MONTH_NAME_DAY = Pattern.compile(
            "(?<!\\p{L})" + MONTH_NAMES + "\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(20\\d{2})(?![\\d.,]|\\s*(?:€|eur|k\\b|tsd|tausend)))?(?![\\d.])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    static final Pattern NUMERIC_DATE = Pattern.compile(
            "(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.(20\\d{2}|\\d{2})?(?![\\d])");
    /** "20/06/2027", "6/20/2027": day first as in Europe, unless only the other way round is a date. */
    static final Pattern SLASHED_DATE = Pattern.compile("(?<![\\d/])(\\d{1,2})/(\\d{1,2})/(20\\d{2})(?![\\d/])");
    /** "2027-06-20". */
    static final Pattern ISO_DATE = Pattern.compile("(?<![\\d-])(20\\d{2})-(\\d{2})-(\\d{2})(?![\\d-])");
    /** "Ende Mai", "late August", "Anfang Juni", "Mitte März", "mid-March": a part of the month named right after. */
    private static final Pattern PART_OF_MONTH = Pattern.compile("(?<!\\p{L})(ende|end of|late|the end of|anfang|"
            + "beginning of|start of|early|the beginning of|mitte|mid|middle of|the middle of|in the middle of)[\\s-]+"
            + "(?:des |im )?" + MONTH_NAMES + "(?!\\p{L})", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "Anfang nächsten Jahres", "early next year", "Ende des Jahres", "end of the year". */
    private static final Pattern EARLY_NEXT_YEAR = words("anfang (des )?(nächsten|kommenden) jahres",
            "anfang nächstes jahr", "early next year", "(at the )?(beginning|start) of next year",
            "early in the new year", "im neuen jahr", "early (in )?\\d{4}", "anfang \\d{4}");
    private static final Pattern YEAR = Pattern.compile("20\\d{2}");
    private static final Pattern END_OF_YEAR = words("ende (des|dieses) jahres", "ende dieses jahr", "jahresende",
            "(at the |by the )?end of (the|this) year", "late this year");
    /** "Juni 2027", "june 2027": a month with its year, one pattern per month (made once, not per message). */
    private static final Pattern[] MONTH_WITH_YEAR = new Pattern[12];

    static {
        for (int i = 0; i < 12; i++) {
            MONTH_WITH_YEAR[i] = Pattern.compile(MONTHS_DE[i] + "\\s+(20\\d{2})|" + MONTHS_EN[i] + "\\s+(20\\d{2})");
        }
    }

    private static final Pattern MAY_I = Pattern.compile("\\bmay (i|we)\\b");
    /** "nicht im Juni", "not june": a month the customer rules out, not the date ("nicht Juni, sondern Juli"). */
    static final Pattern MONTH_NEGATED = Pattern.compile(
            "(?:nicht|not|no longer|nicht mehr|statt|instead of|anstatt|anstelle)\\s+(?:im\\s+|in\\s+|am\\s+|der\\s+)?$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    static final Pattern NEXT_YEAR = words("nächstes jahr", "nächsten jahr", "kommendes jahr", "next year");
    private static final List<List<Pattern>> MONTH_WORDS = java.util.stream.IntStream.range(0, 12)
            .mapToObj(i -> List.of(words(MONTHS_DE[i]), words(MONTHS_EN[i]))).toList();
    private static final Pattern MAY_AS_VERB = Pattern.compile("\\bmay (i|we|you|he|she|it|be)\\b");
    private static final Pattern MARCH_AS_VERB = Pattern.compile("\\bmarch(ing)?\\b");
    private static final Pattern MARCH_AS_MONTH = Pattern.compile("\\b(in|this|next|of|early|late|mid|by)[\\s-]march\\b");

    private DateRules() {
    }

    /** A day: "am 15. Juni", "15.06.2027", "June 15th". The next such day that has not passed. */
    static LocalDate day(String text, LocalDate today) {
        try {
            Matcher m = DAY_MONTH_NAME.matcher(text);
            if (m.find()) {
                return nextDay(Integer.parseInt(m.group(1)), monthNumber(m.group(2)), m.group(3), today);
            }
            m = MONTH_NAME_DAY.matcher(text);
            if (m.find() && !(m.group(1).equals("may") && MAY_I.matcher(text).find())) {
                return nextDay(Integer.parseInt(m.group(2)), monthNumber(m.group(1)), m.group(3), today);
            }
            m = SLASHED_DATE.matcher(text);
            if (m.find()) {
                int first = Integer.parseInt(m.group(1));
                int second = Integer.parseInt(m.group(2));
                boolean monthFirst = second > 12 && first <= 12;
                return LocalDate.of(Integer.parseInt(m.group(3)), monthFirst ? first : second, monthFirst ? second : first);
            }
            m = ISO_DATE.matcher(text);
            if (m.find()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
            m = NUMERIC_DATE.matcher(text);
            while (m.find()) {
                int month = Integer.parseInt(m.group(2));
                if (month >= 1 && month <= 12) {
                    String year = m.group(3) == null ? null : m.group(3).length() == 2 ? "20" + m.group(3) : m.group(3);
                    return nextDay(Integer.parseInt(m.group(1)), month, year, today);
                }
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    private static LocalDate nextDay(int day, int month, String year, LocalDate today) {
        if (year != null) {
            return LocalDate.of(Integer.parseInt(year), month, day);
        }
        LocalDate candidate = LocalDate.of(today.getYear(), month, day);
        return candidate.isBefore(today) ? candidate.plusYears(1) : candidate;
    }

    private static int monthNumber(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < 12; i++) {
            if (MONTHS_DE[i].startsWith(n.length() >= 3 ? n.substring(0, 3) : n)
                    || MONTHS_EN[i].startsWith(n.length() >= 3 ? n.substring(0, 3) : n)) {
                return i + 1;
            }
        }
        if (n.startsWith("okt")) return 10;
        if (n.startsWith("dez")) return 12;
        throw new DateTimeException("unknown month " + name);
    }

    /**
     * "im Juni" means the next June that has not passed yet; "Juni 2028" that one. Of several months the last one
     * not ruled out counts: "nicht im Juni, sondern im Juli", "Juni – ach nein, doch lieber Juli".
     */
    static YearMonth month(String text, LocalDate today) {
        int found = -1;
        int foundAt = -1;
        for (int i = 0; i < 12; i++) {
            for (Pattern name : MONTH_WORDS.get(i)) {
                if (!mayMatch(name, text)) {
                    continue;
                }
                Matcher m = name.matcher(text);
                while (m.find()) {
                    boolean english = name.pattern().contains(MONTHS_EN[i]) && !MONTHS_EN[i].equals(MONTHS_DE[i]);
                    if (english && i == 4 && MAY_AS_VERB.matcher(text).find()) {
                        continue;
                    }
                    if (english && i == 2 && MARCH_AS_VERB.matcher(text).find()
                            && !MARCH_AS_MONTH.matcher(text).find()) {
                        continue;
                    }
                    String before = text.substring(Math.max(0, m.start() - 20), m.start());
                    if (MONTH_NEGATED.matcher(before).find()) {
                        continue;
                    }
                    if (m.start() > foundAt) {
                        found = i;
                        foundAt = m.start();
                    }
                }
            }
        }
        if (found < 0) {
            return null;
        }
        int i = found;
        YearMonth month = YearMonth.of(today.getYear(), i + 1);
        if (month.isBefore(YearMonth.from(today))) {
            month = month.plusYears(1);
        }
        Matcher year = MONTH_WITH_YEAR[i].matcher(text);
        if (year.find()) {
            String y = year.group(1) != null ? year.group(1) : year.group(2);
            month = YearMonth.of(Integer.parseInt(y), i + 1);
        } else if (NEXT_YEAR.matcher(text).find() && month.getYear() == today.getYear()) {
            month = month.plusYears(1);
        }
        return month;
    }

    /**
     * The days of the month a message means, its thirds: "Anfang Juni" the 1st to the 10th, "Mitte März" / "mid-March"
     * the 11th to the 20th, "Ende Mai" the 21st to the last; the whole month when it names none of them.
     */
    static LocalDate[] daysOf(YearMonth month, String text) {
        Matcher m = PART_OF_MONTH.matcher(text);
        while (m.find()) {
            if (monthNumber(m.group(2)) != month.getMonthValue()) {
                continue;
            }
            String part = m.group(1).toLowerCase(Locale.ROOT);
            if (part.contains("ende") || part.contains("end") || part.equals("late")) {
                return new LocalDate[] {month.atDay(21), month.atEndOfMonth()};
            }
            if (part.startsWith("mi") || part.contains("middle")) {
                return new LocalDate[] {month.atDay(11), month.atDay(20)};
            }
            return new LocalDate[] {month.atDay(1), month.atDay(10)};
        }
        return new LocalDate[] {month.atDay(1), month.atEndOfMonth()};
    }

    /**
     * "Anfang nächsten Jahres", "early next year": January and February of the next year (of that year: "Anfang
     * 2028"); "Ende des Jahres": this December. Null when the message says neither.
     */
    static LocalDate[] partOfYear(String text, LocalDate today) {
        Matcher early = EARLY_NEXT_YEAR.matcher(text);
        if (mayMatch(EARLY_NEXT_YEAR, text) && early.find()) {
            Matcher year = YEAR.matcher(early.group());
            int y = year.find() ? Integer.parseInt(year.group()) : today.getYear() + 1;
            LocalDate from = LocalDate.of(y, 1, 1);
            return from.isBefore(today) ? null : new LocalDate[] {from, YearMonth.of(y, 2).atEndOfMonth()};
        }
        if (mayMatch(END_OF_YEAR, text) && END_OF_YEAR.matcher(text).find()) {
            YearMonth december = YearMonth.of(today.getYear(), 12);
            return new LocalDate[] {december.atDay(1).isBefore(today) ? today : december.atDay(1), december.atEndOfMonth()};
        }
        return null;
    }
}
