package de.henk.hub.chat;

import java.util.Map;
import java.util.Set;

/**
 * The offline concierge on what made-to-measure costs: where the customer's garment starts (with the budget
 * question), and the honest word when the budget is below it — the catalogue's entry price ({@link EntryPrices})
 * and the question whether that works, instead of no cloth and no word.
 */
final class ConciergePrices {

    private static final Map<String, String[]> PLURALS = Map.of(
            "suit", new String[] {"Maßanzüge", "made-to-measure suits"},
            "three-piece", new String[] {"Dreiteiler nach Maß", "made-to-measure three-piece suits"},
            "tuxedo", new String[] {"Maßsmokings", "made-to-measure tuxedos"},
            "jacket", new String[] {"Maßsakkos", "made-to-measure jackets"},
            "trousers", new String[] {"Maßhosen", "made-to-measure trousers"},
            "vest", new String[] {"Maßwesten", "made-to-measure waistcoats"},
            "coat", new String[] {"Maßmäntel", "made-to-measure coats"},
            "shirt", new String[] {"Maßhemden", "made-to-measure shirts"});
    /** Garments a suit can stand in for when they are beyond the budget. */
    private static final Set<String> SUIT_INSTEAD = Set.of("tuxedo", "three-piece");

    /** The shop knowledge's entry on prices ({@code knowledge/shop.yaml}). */
    static final String PRICES = "prices";

    private ConciergePrices() {
    }

    /** "Unsere Maßsakkos beginnen bei 1.190 €" / "Our made-to-measure jackets start at €1,190". */
    static String startsAt(String garment, EntryPrices prices, boolean de) {
        String named = garment == null || !PLURALS.containsKey(garment) || prices.from(garment) == null ? "suit"
                : garment;
        return (de ? "Unsere " : "Our ") + PLURALS.get(named)[de ? 0 : 1] + (de ? " beginnen bei " : " start at ")
                + ConciergeNames.euros(prices.from(named), de);
    }

    /**
     * A shop fact as answered: the prices asked about a garment other than a suit ("Was kostet ein Sakko?", "How
     * much is a waistcoat?", or "Was kostet das?" when the customer wants trousers) are that garment's — where it
     * starts in the catalogue, what a waistcoat adds to a suit — not the suit's price list.
     */
    static String answer(ShopKnowledge.Entry entry, Turn turn, boolean de) {
        String garment = turn.learned().garment() != null ? turn.learned().garment() : turn.profile().garment();
        if (!PRICES.equals(entry.id()) || garment == null || !PLURALS.containsKey(garment) || "suit".equals(garment)
                || "three-piece".equals(garment) || turn.prices().from(garment) == null) {
            return entry.answer(de);
        }
        String included = de ? " Maßnehmen, Beratung und die Anproben sind im Preis enthalten."
                : " Measuring, advice and the fittings are included.";
        if ("vest".equals(garment)) {
            return (de ? "Eine Maßweste kommt zum Anzug mit etwa " : "A made-to-measure waistcoat adds about ")
                    + ConciergeNames.euros(FabricFit.WAISTCOAT_EUR, de) + (de ? " dazu; als Dreiteiler beginnen unsere "
                    + "Maßanzüge bei " : " to a suit; a three-piece suit starts at ")
                    + ConciergeNames.euros(turn.prices().from("three-piece"), de) + "." + included;
        }
        return startsAt(garment, turn.prices(), de) + (de ? ", je nach Stoff." : ", depending on the cloth.") + included;
    }

    /**
     * "Ehrlich gesagt: Unsere Maßsakkos beginnen bei 1.190 € – mit etwa 300 € finde ich dafür leider keinen passenden
     * Stoff. Passt Ihnen ein Budget in dieser Höhe – oder darf es etwas anderes sein, etwa ein Maßhemd ab 159 €?";
     * null when the budget reaches the garment's entry price (or there is none).
     */
    static String belowEntry(ConversationProfile p, EntryPrices prices, boolean de) {
        Integer from = prices.from(p.garment());
        if (p.budgetEur() == null || from == null || p.budgetEur() >= from) {
            return null;
        }
        String starts = startsAt(p.garment(), prices, de);
        if (p.garment() != null && SUIT_INSTEAD.contains(p.garment())) {
            // a dark suit is the nearest thing to a tuxedo or a three-piece
            starts += (de ? ", Maßanzüge bei " : ", suits at ") + ConciergeNames.euros(prices.from("suit"), de);
        }
        Integer shirt = prices.from("shirt");
        boolean shirtFits = shirt != null && !"shirt".equals(p.garment()) && shirt <= p.budgetEur();
        String budget = ConciergeNames.euros(p.budgetEur(), de);
        return de
                ? "Ehrlich gesagt: " + starts + " – mit etwa " + budget + " finde ich dafür leider keinen passenden "
                + "Stoff. Passt Ihnen ein Budget in dieser Höhe" + (shirtFits ? " – oder darf es etwas anderes sein, "
                + "etwa ein Maßhemd ab " + ConciergeNames.euros(shirt, true) : "") + "?"
                : "To be honest: " + starts.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + starts.substring(1)
                + " – with about " + budget + " I cannot find a matching cloth. Would a budget of that order work for "
                + "you" + (shirtFits ? " – or would something else do, such as a made-to-measure shirt from "
                + ConciergeNames.euros(shirt, false) : "") + "?";
    }
}
