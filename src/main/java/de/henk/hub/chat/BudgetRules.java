package de.henk.hub.chat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static de.henk.hub.chat.DateRules.DAY_MONTH_NAME;
import static de.henk.hub.chat.DateRules.MONTH_NAMES;
import static de.henk.hub.chat.DateRules.MONTH_NAME_DAY;
import static de.henk.hub.chat.DateRules.MONTH_NEGATED;
import static de.henk.hub.chat.DateRules.NUMERIC_DATE;
import static de.henk.hub.chat.WordPatterns.words;

/**
 * The budget a message names, read from its text without dates, counted things and sizes ("am 15.06.", "120 Gäste",
 * "Größe 52" are no amounts): a range, an amount with a currency, "3k", a number next to a budget word, a number
 * standing alone among listed facts, a message that is only a number that can only be money ("1.500", "2000" after
 * another question), or a bare number when HENK has just asked for the budget.
 */
final class BudgetRules {

    private static final Pattern MONEY_WORD = Pattern.compile("(?i)(zwischen|between|€|euro|eur|k\\b)");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[,;]|\\.\\s");
    private static final Pattern DECIMAL_THOUSANDS = Pattern.compile("\\d{1,2}[.,]\\d");
    private static final Pattern DIGIT_GROUPING = Pattern.compile("[.,\\s']");
    // withoutDates: a year after a month, a year after "im"/"in"/"Jahr" (no amount — but "bis 2000" is), counted things, sizes
    private static final Pattern MONTH_YEAR = Pattern.compile(MONTH_NAMES + "\\.?\\s+20\\d{2}\\b");
    private static final Pattern YEAR = Pattern.compile("\\b(im|in|jahr|year|anno|seit|since)\\s+(19|20)\\d{2}\\b(?!\\s*(€|euro|eur))");
    private static final Pattern COUNTED = Pattern.compile("\\d+\\s*(uhr|wochen|woche|weeks?|monate\\w*|months?|jahre\\w*|years?"
            + "|gäste|guests|personen|people|leute\\w*|cm|kg|km|%)");
    private static final Pattern SIZE = Pattern.compile("(größe|size|gr\\.)\\s*\\d+");

    private static final String NUMBER = "(\\d{1,3}(?:[.,\\s']\\d{3})+|\\d{1,2}[.,]\\d(?=\\s*(?:k|tsd|tausend))|\\d+)(?:,(?:\\d{1,2}|-))?\\s*(k|tsd\\.?|tausend)?";
    private static final Pattern AMOUNT_WITH_CURRENCY = Pattern.compile(
            NUMBER + "\\s*(?:€|euro\\b|eur\\b|euros\\b)|(?:€|eur\\b)\\s*" + NUMBER, Pattern.CASE_INSENSITIVE);
    private static final Pattern THOUSANDS = Pattern.compile(
            "(?<![\\d.,])(\\d{1,3}(?:[.,]\\d)?)\\s*(k|tsd\\.?|tausend)(?!\\p{L})", Pattern.CASE_INSENSITIVE);
    /** The range's lower end: "2,5" before "– 3k" is two and a half thousand, not 2 € 50. */
    private static final String LOW_NUMBER = NUMBER.replace("(?=\\s*(?:k|tsd|tausend))",
            "(?=\\s*(?:k|tsd|tausend|(?:-|–|bis|to|und|and)\\s*\\d))");
    private static final Pattern RANGE = Pattern.compile(
            "(?:zwischen|between|von|from)?\\s*" + LOW_NUMBER + "\\s*(?:€|euro|eur)?\\s*(?:und|and|bis|to|-|–|—)\\s*"
                    + NUMBER + "\\s*(€|euro\\b|eur\\b|euros\\b)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern AMOUNT_AFTER_BUDGET = Pattern.compile(
            "(?:budget|bugdet|buget|budjet|(?:je|jeweils|each)(?=\\s*(?:€\\s*)?\\d)|preis|price|ausgeben|spend|kosten|maximal|max\\.?|höchstens|bis zu|up to|at most|unter|under|"
                    + "bis|no more than|nicht mehr als|etwa|ca\\.?|circa|around|about|rund|um die|so um|ungefähr|approx\\.?|"
                    + "approximately|roughly|knapp|tops|sagen wir|let'?s say|dachte an|denke an|thinking of|insgesamt|total)\\D{0,25}?"
                    + NUMBER,
            Pattern.CASE_INSENSITIVE);
    /** "1500 wäre meine Grenze", "2000 tops", "2500 max", "600 in total" (a total is money). */
    private static final Pattern AMOUNT_BEFORE_BUDGET = Pattern.compile(
            "(?<![\\d.,'])(\\d{1,2}[.,]\\d{3}|\\d{3,5})(?![\\d.,])\\s*(?:€|euro|eur)?\\s*(?:wäre|ist|sind|is|would be|as)?\\s*(?:meine|mein|die|das|unser|unsere|my|the|our)?\\s*"
            + "(?:grenze|obergrenze|schmerzgrenze|limit|maximum|max|höchstgrenze|budget|tops|at most|höchstens|maximal|"
            + "insgesamt|in total|total|altogether|zusammen)(?!\\p{L})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern STANDALONE_AMOUNT = Pattern.compile(
            "(?:^|(?<!\\d)[,;]|\\.\\s|\\s[–-])\\s*(?:so\\s+|ca\\.?\\s+|etwa\\s+|about\\s+|around\\s+)?(\\d{3,5}|\\d{1,2}\\.\\d{3})\\s*"
                    + "(?=$|[,;.!]|\\s[–-])");
    /**
     * "so 2500", "hm doch eher 1500", "around 1800", "ok, dann 1300" (after HENK named where the garment starts),
     * "sorry, I meant 3000", "Korrektur: 2800": a
     * number said on its own, hedged, is an amount, asked or not.
     */
    private static final Pattern APPROXIMATE_ALONE = Pattern.compile("^\\W*(?:(?:ok|okay|hm+|naja|na|gut|also|dann|"
            + "well|doch|nein|nee|sorry|ach|oh|alright|fine|actually|oops|ups)\\W+){0,3}(?:so|ca\\.?|circa|etwa|ungefähr|rund|about|around|"
            + "roughly|approx\\.?|eher|lieber|besser|vielleicht|maybe|rather|make it|make that|dann|then|"
            + "(?:i|ich) (?:meant|mean|meinte|meine)|meinte|korrektur:?|correction:?|actually|eigentlich|sagen wir|"
            + "let's say|lets say)\\s+(\\d{1,2}[.,]\\d{3}|\\d{3,5})"
            + "(?:\\s*(?:rum|herum|oder so|or so|ish))?\\W*$");

    /**
     * A correction names the amount meant anywhere in the message: "Ich meinte 2500, nicht 2000", "actually make
     * that 3000, I want something nicer", "nicht 2000, sondern 2500", "2500 statt 2000".
     */
    private static final Pattern CORRECTED_AMOUNT = Pattern.compile("(?<![\\p{L}\\d])(?:(?:i|ich) (?:meant|mean|meinte|meine)|"
            + "meinte|make (?:it|that)|korrektur:?|correction:?|sagen wir|let'?s say|doch lieber|lieber doch|sondern|"
            + "instead)\\s+(?:so\\s+|ca\\.?\\s+|etwa\\s+|about\\s+|around\\s+)?(?:€\\s*|eur\\s+)?"
            + "(\\d{1,2}[.,]\\d{3}|\\d{3,5})(?![\\d.,:]\\d|\\s*(?:uhr|h\\b|jahre|years|gäste|guests|leute|people|personen))"
            + "|(?<![\\p{L}\\d.,])(\\d{1,2}[.,]\\d{3}|\\d{3,5})\\s*(?:€|euro|eur)?\\s+(?:statt|anstatt|instead of|not)"
            + "\\s+(?:€\\s*)?\\d");
    private static final Pattern CORRECTION = words("doch", "lieber", "eher", "sondern", "statt", "korrektur",
            "ich meinte", "besser", "actually", "rather", "make (it|that)", "i meant", "correction", "instead",
            "sorry", "nein", "no");
    /**
     * A message that is nothing but a number that can only be money — 300 to 50.000, no year HENK could be told
     * ("2027"), no day, count or size (those are below 300) — answered to another question: "1.500", "2000",
     * "zwei tausend". A customer answering out of order means the budget.
     */
    private static final Pattern ONLY_AN_AMOUNT = Pattern.compile("^(\\d{1,2}[.,']\\d{3}|\\d{3,5})[\\s.!]*$");
    private static final Pattern BARE_AMOUNT = Pattern.compile("^\\D{0,20}?" + NUMBER + "\\D{0,20}$",
            Pattern.CASE_INSENSITIVE);

    private BudgetRules() {
    }

    /** [ceiling, floor]: an amount with a currency, "3k", a range, or after a budget word — never just any number. */
    static Integer[] budget(String text, boolean expectingBudget) {
        String clean = withoutDates(text);
        Matcher range = RANGE.matcher(clean);
        while (range.find()) {
            // "2–3k", "zwischen 2 und 3 tausend": the thousands said once count for both ends
            boolean shared = range.group(2) == null && DIGIT_GROUPING.matcher(range.group(1)).replaceAll("").length() <= 2;
            Integer low = amount(range.group(1), shared ? range.group(4) : range.group(2));
            Integer high = amount(range.group(3), range.group(4));
            boolean currency = range.group(5) != null || range.group(2) != null || range.group(4) != null;
            boolean money = currency || expectingBudget || !years(low, high) && (amounts(low, high)
                    || MONEY_WORD.matcher(range.group(0)).find());
            if (low != null && high != null && money && low < high && plausible(high) && low >= 100) {
                // the ceiling is the upper end: "2.500–3.000 €" is up to 3.000, from 2.500
                return new Integer[] {high, low};
            }
        }
        Matcher corrected = CORRECTED_AMOUNT.matcher(clean);
        while (corrected.find()) {
            Integer value = amount(corrected.group(1) != null ? corrected.group(1) : corrected.group(2), null);
            if (value != null && plausible(value) && (value < 2020 || value > 2040)) {
                return new Integer[] {value, null};
            }
        }
        Matcher m = AMOUNT_WITH_CURRENCY.matcher(clean);
        Integer named = null;
        boolean correcting = CORRECTION.matcher(clean).find();
        while (m.find()) {
            Integer value = m.group(1) != null ? amount(m.group(1), m.group(2)) : amount(m.group(3), m.group(4));
            boolean ruledOut = MONTH_NEGATED.matcher(clean.substring(Math.max(0, m.start() - 20), m.start())).find();
            if (value != null && !ruledOut) {
                named = value;
                if (!correcting) {
                    break;
                }
            }
        }
        if (named != null) {
            // "2000 €, ach nein, doch lieber 2500 €": the last amount said is the one meant
            return new Integer[] {named, null};
        }
        m = THOUSANDS.matcher(clean);
        if (m.find()) {
            double value = Double.parseDouble(m.group(1).replace(',', '.')) * 1000;
            if (plausible((int) value)) {
                return new Integer[] {(int) value, null};
            }
        }
        m = AMOUNT_AFTER_BUDGET.matcher(clean);
        while (m.find()) {
            Integer value = amount(m.group(1), m.group(2));
            if (value != null && plausible(value)) {
                return new Integer[] {value, null};
            }
        }
        m = AMOUNT_BEFORE_BUDGET.matcher(clean);
        while (m.find()) {
            Integer value = amount(m.group(1), null);
            if (value != null && plausible(value)) {
                return new Integer[] {value, null};
            }
        }
        // "termin bitte, smoking, gala im märz, 3000": a number standing alone among the facts
        m = STANDALONE_AMOUNT.matcher(clean);
        boolean listed = LIST_SEPARATOR.matcher(clean).find();
        while (listed && m.find()) {
            Integer value = amount(m.group(1), null);
            if (value != null && value >= 500 && value <= 20_000 && (value < 2020 || value > 2040)) {
                return new Integer[] {value, null};
            }
        }
        m = APPROXIMATE_ALONE.matcher(clean.strip());
        if (m.find()) {
            Integer value = amount(m.group(1), null);
            if (value != null && plausible(value) && (value < 2020 || value > 2040)) {
                return new Integer[] {value, null};
            }
        }
        m = ONLY_AN_AMOUNT.matcher(clean.strip());
        if (m.matches()) {
            Integer value = amount(m.group(1), null);
            if (value != null && plausible(value) && (value < 2020 || value > 2040)) {
                return new Integer[] {value, null};
            }
        }
        if (expectingBudget) {
            m = BARE_AMOUNT.matcher(clean.strip());
            if (m.find()) {
                Integer value = amount(m.group(1), m.group(2));
                if (value != null && plausible(value)) {
                    return new Integer[] {value, null};
                }
            }
        }
        return new Integer[] {null, null};
    }

    static Integer budget(String text) {
        return budget(text, false)[0];
    }

    private static String withoutDates(String text) {
        String t = DAY_MONTH_NAME.matcher(text).replaceAll(" ");
        t = MONTH_NAME_DAY.matcher(t).replaceAll(" ");
        t = NUMERIC_DATE.matcher(t).replaceAll(" ");
        // a year after a month or "im"/"in"/"Jahr" is no amount — but "bis 2000" is
        t = MONTH_YEAR.matcher(t).replaceAll(" ");
        t = YEAR.matcher(t).replaceAll(" ");
        t = COUNTED.matcher(t).replaceAll(" ");
        t = SIZE.matcher(t).replaceAll(" ");
        return t;
    }

    /**
     * A range of two numbers that can only be amounts, without a currency or a budget word ("2,500-3,000", "1500 bis
     * 2000"): both plausible, the upper at most three times the lower (dates, sizes, times and counted things are gone
     * from the text by then). Two years ("zwischen 2026 und 2027") are a time, unless a currency says otherwise.
     */
    private static boolean amounts(Integer low, Integer high) {
        return low != null && high != null && low >= 300 && plausible(high) && high <= 3 * low;
    }
    private static boolean years(Integer low, Integer high) {
        return low != null && high != null && low >= 1990 && high <= 2099 && high - low <= 10;
    }

    private static boolean plausible(int value) {
        return value >= 300 && value <= 50_000;
    }

    private static Integer amount(String digits, String thousands) {
        if (digits == null) {
            return null;
        }
        if (thousands != null && DECIMAL_THOUSANDS.matcher(digits).matches()) {
            // "1,5k", "2.5 tausend" — "0,0k" is no amount, as "0 €" is none
            long value = Math.round(Double.parseDouble(digits.replace(',', '.')) * 1000);
            return value > 0 ? (int) value : null;
        }
        String plain = DIGIT_GROUPING.matcher(digits).replaceAll("");
        if (plain.length() > 9) {
            // "99999999999999999999 €" is no budget (and no long either)
            return null;
        }
        long value = Long.parseLong(plain);
        if (thousands != null) {
            value *= 1000;
        }
        return value > 0 && value < 1_000_000 ? (int) value : null;
    }
}
