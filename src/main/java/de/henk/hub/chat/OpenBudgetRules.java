package de.henk.hub.chat;

import static de.henk.hub.chat.WordPatterns.words;

import java.util.regex.Pattern;

/**
 * An open budget: the customer says there is no ceiling ("Geld spielt keine Rolle", "no budget limit"), or answers
 * the budget question with a short "offen", "egal", "flexibel" and no number.
 */
final class OpenBudgetRules {

    /** "Geld spielt keine Rolle", "Budget ist offen", "no budget limit", "price doesn't matter": no ceiling. */
    private static final Pattern OPEN = words("(geld|der preis|preis|budget|kosten) spiel(t|en) (da |dabei |hier )?keine rolle",
            "spielt (preislich|beim budget|beim preis) keine rolle", "(das )?(geld|der preis|preis|budget|die kosten|kosten):? "
                    + "((ist|sind) )?(mir )?(egal|nebensache|zweitrangig|offen|kein thema|kein problem|nach oben offen|"
                    + "unbegrenzt|flexibel)", "beim (budget|preis) (bin ich )?(flexibel|offen)",
            "(money|price|cost|budget)('s| is) not (a|an) (problem|issue)", "(flexible|flexibel) budget",
            "budget (nach oben )?offen", "offene[ns]? budget", "nach oben (hin )?offen", "kein(e[nm]?)? (festes |bestimmtes )?"
                    + "(budgetlimit|preislimit|limit|budgetgrenze|preisgrenze|obergrenze|grenze)",
            "kein festes budget", "kein bestimmtes budget", "ohne (preis|budget)?limit", "egal,? was es kostet",
            "koste es,? was es wolle", "(money|price|cost|the price|the cost|budget) (is no object|is not an issue|isn't an issue|"
                    + "is no issue|doesn't matter|does not matter|is open|is flexible|is unlimited)",
            "(price|money|cost)s? (doesn't|does not|don't|do not|won't|will not) matter", "open budget", "unlimited budget",
            "no budget (limit|cap|ceiling|constraints?)", "no (price |spending |upper )?(limit|cap|ceiling)",
            "whatever it costs", "(the )?sky'?s the limit", "the sky is the limit");
    /** After the budget question: "offen", "egal", "flexibel", "no limit" — a short answer without a number. */
    private static final Pattern OPEN_ANSWER = words("offen", "egal", "flexibel", "ist egal", "keine rolle",
            "spielt keine rolle", "unbegrenzt", "open", "flexible", "doesn't matter", "does not matter", "no limit",
            "unlimited", "not important", "unwichtig", "nebensache", "nebensächlich");
    private static final Pattern DIGIT = Pattern.compile("\\d");

    private OpenBudgetRules() {
    }

    /** The customer said there is no ceiling; after the budget question a short answer "offen", "egal" is enough. */
    static boolean open(String text, boolean expectingBudget) {
        return WordPatterns.found(OPEN, text) || expectingBudget && text.length() <= 60
                && !DIGIT.matcher(text).find() && WordPatterns.found(OPEN_ANSWER, text);
    }
}
