package de.henk.hub.chat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A budget for several garments at once: "5000 insgesamt für alle drei Anzüge", "total 5000 for all three suits",
 * "4000 für zwei Anzüge", "für beide zusammen 3.000 €". The profile's budget and the catalogue's prices are per
 * garment, so such a total is divided by the number of garments ({@code quantity} keeps the number, the deal is
 * worth the total). A budget said with the count of the garments is their total too ("drei Anzüge, Budget 5000"):
 * only "drei Anzüge, je 1500", "1500 each", "pro Anzug" are each garment's.
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
    private static final Pattern EACH = WordPatterns.words("je " + PER_WHAT, "je " + ABOUT + "(?:€\\s*)?\\d[\\d.,]*+",
            "jeweils", "pro (stück|anzug|sakko|teil|person|kopf)", "das stück", "each (?:one |of them )?" + PER_WHAT,
            "each (?:one |of them )?(?:(?:costing|costs|at|for|is|would be) )?" + ABOUT + "(?:€\\s*)?\\d[\\d.,]*+",
            "(?<![\\d.,])\\d[\\d.,]*+\\s*(?:€|euros?|eur)?\\s*each", "apiece", "a piece", "per (suit|piece|garment|person|head|jacket)",
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
        } else if (total != null && (count = garmentsWanted(text)) != null) {
            // "drei Anzüge, Budget 5000": a budget said with the count of the garments, not "je" or "each", is for all
            total = budget[0];
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

    /**
     * A total said after the count of the garments, in a message of its own: "drei Anzüge …", then "insgesamt 4500"
     * or "600 in total" is shared among them as if said together. Only an amount said as a total (next to
     * "insgesamt", "total", "zusammen", or "für alle"/"for all") — a bare later amount, or one "je"/"each", stays as
     * said, and so does one for another garment than those counted.
     */
    static ConversationProfile sharedWithEarlierCount(String message, ConversationProfile learned,
                                                      ConversationProfile before) {
        Integer count = before.garmentCount();
        boolean sameGarment = learned.garment() == null || learned.garment().equals(before.garment());
        if (count == null || learned.budgetEur() == null || learned.quantity() != null || learned.garmentCount() != null
                || !sameGarment) {
            return learned;
        }
        String text = NumberWords.digits(message.toLowerCase(java.util.Locale.GERMAN));
        boolean total = WordPatterns.found(FOR_ALL, text) || AMOUNT_AT_TOTAL.matcher(text).find();
        if (!total || WordPatterns.found(EACH, text)) {
            return learned;
        }
        Integer floor = learned.budgetMinEur() == null ? null : learned.budgetMinEur() / count;
        return learned.toBuilder().budget(learned.budgetEur() / count, floor).quantity(count).build();
    }

    /** How many garments the message counts: "drei Anzüge", "alle drei", "beide", "both suits"; null when not two or more. */
    private static Integer garments(String text) {
        Matcher m = COUNT.matcher(text);
        while (m.find()) {
            boolean counted = m.group(3) != null || m.group(1) != null && m.group(1).startsWith("all")
                    || m.group(2).startsWith("beide") || m.group(2).equals("both");
            Integer count = counted ? count(m.group(2), m.group(3) != null) : null;
            if (count != null) {
                return count;
            }
        }
        return null;
    }

    /**
     * The garments the customer wants, counted with their name: "drei Anzüge", "2 suits", "beide Sakkos" — not those
     * they have ("ich habe schon zwei Anzüge", "I already own two suits"); null when not two or more.
     */
    static Integer garmentsWanted(String text) {
        Matcher m = COUNT.matcher(text);
        while (m.find()) {
            if (m.group(3) != null && !OWNED.matcher(text.substring(Math.max(0, m.start() - 30), m.start())).find()) {
                Integer count = count(m.group(2), true);
                if (count != null) {
                    return count;
                }
            }
        }
        return null;
    }

    /** What the customer has already, right before a count: "habe schon", "besitze", "already own". */
    static final Pattern OWNED = Pattern.compile("(?<!\\p{L})(habe|hab|hatte|besitze\\p{L}*|have|had|own|owns|"
            + "got)\\s+(?:\\p{L}+\\s+){0,2}$");

    /**
     * A count of two to twenty garments, in digits (only with the garment named) or words ({@link NumberWords});
     * "beide", "both" are two.
     */
    private static Integer count(String word, boolean garmentNamed) {
        Integer count;
        if (word.startsWith("beide") || word.equals("both")) {
            count = 2;
        } else if (word.chars().allMatch(Character::isDigit)) {
            count = garmentNamed ? Integer.valueOf(word) : null;
        } else {
            count = NumberWords.count(word);
        }
        return count != null && count >= 2 && count <= 20 ? count : null;
    }

    private static Integer amount(String digits) {
        int value = Integer.parseInt(digits.replaceAll("[.,]", ""));
        return value >= 300 && value <= 100_000 && (value < 2020 || value > 2040) ? value : null;
    }
}
