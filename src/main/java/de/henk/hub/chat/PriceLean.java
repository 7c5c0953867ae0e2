package de.henk.hub.chat;

import de.henk.hub.catalog.FabricHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which way the cloth's price should lean, a fabric wish of the profile: {@code affordable} ("so günstig wie
 * möglich", "möglichst preiswert", "as cheap as possible", "on a tight budget") — the lowest-priced cloth that fits
 * comes first, and that answers the budget question (there is no number to ask for). A budget set open takes the
 * lean back.
 * <p>
 * Without a lean, the catalogue's ranking stands (relevance, then the lower price).
 */
final class PriceLean {

    static final String AFFORDABLE = "affordable";

    private PriceLean() {
    }

    /** "so günstig wie möglich": the budget question is answered, the advice starts at the lowest price. */
    static boolean affordable(ConversationProfile p) {
        return p.fabricWishes().contains(AFFORDABLE);
    }

    /** The merged profile's fabric wishes with the lean the newer message gives. */
    static List<String> merged(ConversationProfile older, ConversationProfile newer, List<String> wishes) {
        List<String> merged = new ArrayList<>(wishes);
        if (Boolean.TRUE.equals(newer.openBudget()) && newer.budgetEur() == null) {
            merged.remove(AFFORDABLE);
        }
        return merged;
    }

    /** The hits in the order the lean asks for: cheapest first; as they are without a lean. */
    static List<FabricHit> ordered(List<FabricHit> hits, ConversationProfile p) {
        if (!affordable(p)) {
            return hits;
        }
        // a stable sort: among equal prices the catalogue's ranking stays
        return hits.stream().sorted(Comparator.comparingInt(h -> FabricFit.priceOf(h.fabric(), p.garment()))).toList();
    }

    /** Whether the profile leans one way: then the advice looks at every fitting cloth, not the best-ranked few. */
    static boolean leans(ConversationProfile p) {
        return affordable(p);
    }
}
