package de.henk.hub.chat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A budget for several garments at once: "5000 insgesamt für alle drei Anzüge", "total 5000 for all three suits",
 * "4000 für zwei Anzüge", "für beide zusammen 3.000 €". The profile's budget and the catalogue's prices are per
 * garment, so such a total is divided by the number of garments ({@code quantity} keeps the number, the deal is
 * worth the total). Only a total said as one counts: "drei Anzüge, je 1500", "1500 each", "pro Anzug" are each
 * garment's, and "drei Anzüge, Budget 5000" — neither — stays as said.
 */
final class BudgetShare {

    private static final String GARMENTS = "(?:\\p{L}*anzüge\\p{L}*|\\p{L}*sakkos|\\p{L}*hosen|\\p{L}*hemden|westen|"
            + "smokings|\\p{L}*mäntel|dreiteiler|suits|jackets|blazers|trousers|pants|shirts|tuxedos|tuxes|coats|"
            + "waistcoats|vests|outfits|teile|pieces|garments|stück)";
    private static final String AMOUNT = "(\\d{1,2}[.,]\\d{3}|\\d{3,5})(?![\\d.,]\\d)\\s*(?:€|euro\\p{L}*|eur\\b)?";
    /** "drei Anzüge", "2 suits", "beide Anzüge", "alle drei", "both of them": N ≥ 2 garments. */
    private static final Pattern COUNT = Pattern.compile("(?<!\\p{L})(?:(alle|all|die|the|für|for)\\s+)?"
            + "(\\d{1,2}|[\\p{L}]+)\\s*(" + GARMENTS + ")?(?!\\p{L})");
    /** The amount is for all of them: "für alle (drei)", "für beide", "for all three", "for both". */
    private static final Pattern FOR_ALL = WordPatterns.words("für alle", "for all", "für beide\\p{L}*", "for both");
    /** "4000 für zwei Anzüge", "€4,000 for two suits", "für zwei Anzüge 4000": the amount named with the count. */
    private static final Pattern AMOUNT_FOR_COUNT = Pattern.compile(AMOUNT + "\\s*(?:für|for)\\s+(?:die |the |alle |all )?"
            + "(\\d{1,2}|\\p{L}+)\\s+" + GARMENTS + "(?!\\p{L})");
    private static final Pattern COUNT_THEN_AMOUNT = Pattern.compile("(?:für|for)\\s+(?:die |the |alle |all )?"
            + "(\\d{1,2}|\\p{L}+)\\s+" + GARMENTS + "\\s*(?:zusammen |together |insgesamt |in total )?(?:€\\s*)?"
            + "(\\d{1,2}[.,]\\d{3}|\\d{3,5})(?![\\d.,]\\d)");
    /** Near a total word: "5000 insgesamt", "total 5000", "insgesamt 5.000 €". */
    private static final Pattern AMOUNT_AT_TOTAL = Pattern.compile(AMOUNT + "\\s*(?:insgesamt|zusammen|in total|total|"
            + "altogether|combined|gesamt)|(?:insgesamt|zusammen|total|gesamtbudget|altogether|combined)\\s*"
            + "(?:budget\\s*)?(?:von |of |:\\s*)?(?:€\\s*)?(\\d{1,2}[.,]\\d{3}|\\d{3,5})(?![\\d.,]\\d)");
    /** What "je" or "each" is said of when the amount is per garment: "je Anzug", "each suit". */
    private static final String PER_WHAT = "(?:\\p{L}*anzug|sakko|teil|stück|person|kopf|hose|hemd|weste|mantel|smoking|"
            + "outfit|suit|jacket|garment|piece|head|blazer|tuxedo|coat|shirt)";
    /** What may stand between "je" or "each" and the amount: "je ca. 1.500 €", "each up to 1500". */
    private static final String ABOUT = "(?:(?:ca|max|maximal|höchstens|etwa|rund|bis|zu|um die|circa|up to|around|"
            + "about|no more than|under|unter)\\.?\\s*){0,2}";
    /**
     * Each garment's own: "je 1500", "je Anzug", "1500 each", "each suit", "pro Anzug", "per suit", "das Stück",
     * "apiece". "je" and "each" only count before an amount or a garment (or "each" after an amount): "je nachdem",
     * "je früher desto besser", "je eher", "one for each of us" leave a total a total.
     */
    private static final Pattern EACH = WordPatterns.words("je " + PER_WHAT, "je " + ABOUT + "(?:€\\s*)?\\d",
            "jeweils", "pro (stück|anzug|sakko|teil|person|kopf)", "das stück", "each (?:one |of them )?" + PER_WHAT,
            "each (?:one |of them )?(?:(?:costing|costs|at|for|is|would be) )?" + ABOUT + "(?:€\\s*)?\\d",
            "\\d\\s*(?:€|euros?|eur)?\\s*each", "apiece", "a piece", "per (suit|piece|garment|person|head|jacket)",
            "à", "a head");

    private BudgetShare() {
    }

    /**
     * The budget as [ceiling, floor, quantity]: what {@link BudgetRules} read, or the amount said as a total, divided
     * by the number of garments it is for; the budget as it was (quantity null) when it is no total for several.
     */
    static Integer[] perGarment(String text, Integer[] budget) {
        if (WordPatterns.found(EACH, text)) {
            return new Integer[] {budget[0], budget[1], null};
        }
        Integer count = null;
        Integer total = budget[0];
        Matcher m = AMOUNT_FOR_COUNT.matcher(text);
        Matcher n = COUNT_THEN_AMOUNT.matcher(text);
        if (m.find() && count(m.group(2), true) != null) {
            count = count(m.group(2), true);
            total = total != null ? total : amount(m.group(1));
        } else if (n.find() && count(n.group(1), true) != null) {
            count = count(n.group(1), true);
            total = total != null ? total : amount(n.group(2));
        } else if (WordPatterns.found(FOR_ALL, text) || AMOUNT_AT_TOTAL.matcher(text).find()) {
            // "insgesamt" only makes a total next to the amount ("5000 insgesamt"), not in "insgesamt zwei Anzüge"
            count = garments(text);
            Matcher at = AMOUNT_AT_TOTAL.matcher(text);
            if (total == null && count != null && at.find()) {
                total = amount(at.group(1) != null ? at.group(1) : at.group(2));
            }
        }
        if (count == null || total == null) {
            return new Integer[] {budget[0], budget[1], null};
        }
        Integer floor = total.equals(budget[0]) && budget[1] != null ? budget[1] / count : null;
        return new Integer[] {total / count, floor, count};
    }

    /** How many garments the message counts: "drei Anzüge", "alle drei", "beide", "both suits"; null when not two or more. */
    private static Integer garments(String text) {
        Matcher m = COUNT.matcher(text);
        while (m.find()) {
            Integer count = count(m.group(2), m.group(3) != null);
            boolean counted = m.group(3) != null || m.group(1) != null && m.group(1).startsWith("all")
                    || m.group(2).startsWith("beide") || m.group(2).equals("both");
            if (count != null && counted) {
                return count;
            }
        }
        return null;
    }

    /** A count of two to twenty garments, in digits (only with the garment named) or words; "beide", "both" are two. */
    private static Integer count(String word, boolean garmentNamed) {
        Integer count = COUNTS.get(word.startsWith("beide") ? "beide" : word);
        if (count == null && garmentNamed && word.chars().allMatch(Character::isDigit)) {
            count = Integer.parseInt(word);
        }
        return count != null && count >= 2 && count <= 20 ? count : null;
    }

    private static final java.util.Map<String, Integer> COUNTS = java.util.Map.ofEntries(
            java.util.Map.entry("beide", 2), java.util.Map.entry("both", 2), java.util.Map.entry("zwei", 2),
            java.util.Map.entry("two", 2), java.util.Map.entry("drei", 3), java.util.Map.entry("three", 3),
            java.util.Map.entry("vier", 4), java.util.Map.entry("four", 4), java.util.Map.entry("fünf", 5),
            java.util.Map.entry("five", 5), java.util.Map.entry("sechs", 6), java.util.Map.entry("six", 6),
            java.util.Map.entry("sieben", 7), java.util.Map.entry("seven", 7), java.util.Map.entry("acht", 8),
            java.util.Map.entry("eight", 8), java.util.Map.entry("neun", 9), java.util.Map.entry("nine", 9),
            java.util.Map.entry("zehn", 10), java.util.Map.entry("ten", 10));

    private static Integer amount(String digits) {
        int value = Integer.parseInt(digits.replaceAll("[.,]", ""));
        return value >= 300 && value <= 100_000 && (value < 2020 || value > 2040) ? value : null;
    }
}
