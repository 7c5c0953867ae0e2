package de.henk.hub.chat;

import com.ibm.icu.text.RuleBasedNumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers written as words, read with ICU's rule-based spell-out rules (German and English): "zweitausend",
 * "fünfzehnhundert", "two thousand five hundred". The forms ICU does not spell itself are brought to its form
 * first: halves ("zweieinhalbtausend", "anderthalbtausend", "two and a half thousand") and hundreds counted past
 * ten ("twenty five hundred"). {@link #digits} rewrites such numbers as digits, so the budget and date rules read
 * "zweitausend Euro" as they read "2000 Euro". Only numbers of a hundred or more are rewritten ("ein Anzug" stays).
 */
final class NumberWords {

    private static final String DE_PART = "ein|eins|eine|zwei|zwo|drei|vier|fünf|sechs|sech|sieben|sieb|acht|neun"
            + "|zehn|elf|zwölf|zwanzig|dreißig|dreissig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig|hundert"
            + "|tausend|und|einhalb|anderthalb";
    private static final String EN_PART = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
            + "|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
            + "|eighty|ninety|hundred|thousand|a|and|half";
    /** One German number word ("zweitausendfünfhundert"), or several ("zwei tausend"). */
    private static final Pattern GERMAN = Pattern.compile(
            "(?<![\\p{L}])(?:" + DE_PART + ")+(?:[\\s-]+(?:" + DE_PART + ")+)*(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ENGLISH = Pattern.compile(
            "(?<![\\p{L}])(?:" + EN_PART + ")(?:[\\s-]+(?:" + EN_PART + "))*(?![\\p{L}])", Pattern.CASE_INSENSITIVE);
    private static final Pattern LARGE = Pattern.compile("(?iu)hundert|tausend|hundred|thousand");
    /**
     * ICU's lenient parse takes time that grows steeply with the words it is given ("tausend" 80 times over took half
     * a minute, a message of such words did not finish in ten minutes), so it reads only what can be a number below a
     * million: no longer than the longest of these spelled out ("seven hundred and seventy-seven thousand seven hundred
     * and seventy-seven", "siebenhundertsiebenundsiebzigtausendsiebenhundertsiebenundsiebzig"), with no more than
     * three hundreds and thousands ("zweihundertfünfzigtausenddreihundert") — and no more than a few such numbers a
     * message ("tausendtausendtausend. " 87 times over took 14 s).
     */
    private static final int LONGEST_NUMBER = 80;
    private static final int MOST_LARGE_WORDS = 3;
    private static final int MOST_NUMBERS = 4;

    // RuleBasedNumberFormat is not thread-safe
    private static final ThreadLocal<RuleBasedNumberFormat> DE = ThreadLocal.withInitial(() -> spellout(Locale.GERMAN));
    private static final ThreadLocal<RuleBasedNumberFormat> EN = ThreadLocal.withInitial(() -> spellout(Locale.ENGLISH));

    private NumberWords() {
    }

    private static RuleBasedNumberFormat spellout(Locale locale) {
        RuleBasedNumberFormat format = new RuleBasedNumberFormat(locale, RuleBasedNumberFormat.SPELLOUT);
        format.setLenientParseMode(true);
        return format;
    }

    /** The text with every spelled-out number of a hundred or more written in digits ("zweitausend" → "2000"). */
    static String digits(String text) {
        if (!LARGE.matcher(text).find()) {
            return text;
        }
        return replace(ENGLISH, replace(GERMAN, text, false), true);
    }

    private static final Pattern SMALL_NUMBER = Pattern.compile("\\d{1,3}");
    private static final Pattern LATIN_WORDS = Pattern.compile("[a-z -]+");
    private static final Pattern SPACES_OR_HYPHENS = Pattern.compile("[\\s-]+");
    private static final Pattern AND_A_HALF = Pattern.compile("(.+?) and a half (thousand|hundred)");
    private static final Pattern HUNDREDS = Pattern.compile("(.+?) hundred(?: and)?(?: (.+))?");
    private static final Pattern EINHALB = Pattern.compile("(.+?)einhalb(tausend|hundert)(.*)");

    /** A small count in words or digits ("drei", "three", "12"), or null. */
    static Integer count(String word) {
        String w = word.strip().toLowerCase(Locale.ROOT);
        if (SMALL_NUMBER.matcher(w).matches()) {
            return Integer.parseInt(w);
        }
        if (w.equals("a") || w.equals("an") || w.equals("einer") || w.equals("einem") || w.equals("einen")) {
            return 1;
        }
        Long value = parse(w, LATIN_WORDS.matcher(w).matches() && ENGLISH.matcher(w).matches());
        // ICU reads "minus-zwanzig" as -20: no count ("in minus-zwanzig Monaten" was a time 20 months ago)
        return value == null || value < 0 || value > Integer.MAX_VALUE ? null : value.intValue();
    }

    private static String replace(Pattern words, String text, boolean english) {
        Matcher m = words.matcher(text);
        StringBuilder out = new StringBuilder();
        int tried = 0;
        while (m.find()) {
            String phrase = m.group();
            Long value = null;
            if (tried < MOST_NUMBERS && LARGE.matcher(phrase).find()) {
                tried++;
                value = parse(phrase, english);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value != null && value >= 100 ? value.toString() : phrase));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The whole phrase as one number, or null when ICU cannot read all of it. */
    static Long parse(String phrase, boolean english) {
        if (phrase.length() > LONGEST_NUMBER || LARGE.matcher(phrase).results().count() > MOST_LARGE_WORDS) {
            return null;
        }
        String p = SPACES_OR_HYPHENS.matcher(phrase.toLowerCase(Locale.ROOT).strip()).replaceAll(" ");
        if (english) {
            // "two and a half thousand", "one and a half k" → 2500, 1500
            Matcher half = AND_A_HALF.matcher(p);
            if (half.matches()) {
                Long whole = parse(half.group(1), true);
                return whole == null ? null : (long) ((whole + 0.5) * (half.group(2).equals("thousand") ? 1000 : 100));
            }
            // "twenty five hundred", "fifteen hundred" → 2500, 1500 (ICU reads "twenty" and stops)
            Matcher hundreds = HUNDREDS.matcher(p);
            if (hundreds.matches() && !p.contains("thousand")) {
                Long count = whole(hundreds.group(1), EN.get());
                Long rest = hundreds.group(2) == null ? Long.valueOf(0) : whole(hundreds.group(2), EN.get());
                return count == null || rest == null || rest >= 100 ? null : count * 100 + rest;
            }
            return whole(p.startsWith("a ") ? "one " + p.substring(2) : p, EN.get());
        }
        String compact = p.replace(" ", "");
        if (compact.startsWith("anderthalb")) {
            compact = "eineinhalb" + compact.substring("anderthalb".length());
        }
        // "zweieinhalbtausend" → 2500, "eineinhalbtausend" → 1500
        Matcher half = EINHALB.matcher(compact);
        if (half.matches()) {
            Long whole = whole(half.group(1), DE.get());
            if (whole == null || !half.group(3).isEmpty()) {
                return null;
            }
            return (long) ((whole + 0.5) * (half.group(2).equals("tausend") ? 1000 : 100));
        }
        return whole(compact, DE.get());
    }

    private static Long whole(String words, RuleBasedNumberFormat format) {
        ParsePosition position = new ParsePosition(0);
        Number n = format.parse(words, position);
        if (n == null || position.getIndex() != words.length()) {
            return null;
        }
        return n.longValue();
    }
}
