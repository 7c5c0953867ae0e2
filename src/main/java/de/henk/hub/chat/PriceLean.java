package de.henk.hub.chat;

import de.henk.hub.catalog.FabricHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which way the cloth's price should lean, two fabric wishes of the profile: {@code affordable} ("so günstig wie
 * möglich", "möglichst preiswert", "as cheap as possible", "on a tight budget") — the lowest-priced cloth that fits
 * comes first, and that answers the budget question (there is no number to ask for); {@code finer} ("etwas
 * Edleres", "was Hochwertigeres", "something nicer") — the finest cloth within the budget comes first. A budget
 * raised above the one before leans finer too: the customer wants to see what the money now buys. The two exclude
 * each other, the later one wins; a budget lowered again, or set open, takes the lean back.
 * <p>
 * Without a lean, the catalogue's ranking stands (relevance, then the lower price).
 */
final class PriceLean {

    static final String AFFORDABLE = "affordable";
    static final String FINER = "finer";

    private PriceLean() {
    }

    /** "so günstig wie möglich": the budget question is answered, the advice starts at the lowest price. */
    static boolean affordable(ConversationProfile p) {
        return p.fabricWishes().contains(AFFORDABLE);
    }

    static boolean finer(ConversationProfile p) {
        return p.fabricWishes().contains(FINER);
    }

    /** The merged profile's fabric wishes with the lean the newer message gives, said or by a changed budget. */
    static List<String> merged(ConversationProfile older, ConversationProfile newer, List<String> wishes) {
        List<String> merged = new ArrayList<>(wishes);
        boolean raised = newer.budgetEur() != null && older.budgetEur() != null && newer.budgetEur() > older.budgetEur();
        boolean lowered = newer.budgetEur() != null && older.budgetEur() != null && newer.budgetEur() < older.budgetEur();
        if (newer.fabricWishes().contains(FINER) || raised && !newer.fabricWishes().contains(AFFORDABLE)) {
            merged.remove(AFFORDABLE);
            if (!merged.contains(FINER)) {
                merged.add(FINER);
            }
        } else if (newer.fabricWishes().contains(AFFORDABLE)) {
            merged.remove(FINER);
        } else if (lowered) {
            merged.remove(FINER);
        }
        if (Boolean.TRUE.equals(newer.openBudget()) && newer.budgetEur() == null) {
            merged.remove(AFFORDABLE);
        }
        return merged;
    }

    /** The hits in the order the lean asks for: cheapest first, or finest first; as they are without a lean. */
    static List<FabricHit> ordered(List<FabricHit> hits, ConversationProfile p) {
        return ordered(hits, p, null);
    }

    /**
     * As {@link #ordered(List, ConversationProfile)}, but "finer" without a budget steps up from {@code shownTop}
     * (the price of the dearest cloth shown without the lean) instead of jumping to the dearest cloth in the
     * catalogue: the cloths above it come first, the cheapest of them first — the next tier up — then the rest,
     * finest first. With a budget, "finer" is the finest within it.
     */
    static List<FabricHit> ordered(List<FabricHit> hits, ConversationProfile p, Integer shownTop) {
        if (!affordable(p) && !finer(p)) {
            return hits;
        }
        Comparator<FabricHit> byPrice = Comparator.comparingInt(h -> FabricFit.priceOf(h.fabric(), p.garment()));
        if (shownTop != null && steppedUp(p)) {
            Comparator<FabricHit> above = Comparator.comparing(h -> FabricFit.priceOf(h.fabric(), p.garment()) <= shownTop);
            return hits.stream().sorted(above.thenComparing((a, b) -> FabricFit.priceOf(a.fabric(), p.garment()) > shownTop
                    ? byPrice.compare(a, b) : byPrice.compare(b, a))).toList();
        }
        // a stable sort: among equal prices the catalogue's ranking stays
        return hits.stream().sorted(affordable(p) ? byPrice : byPrice.reversed()).toList();
    }

    /** "Finer" with no budget to be finest within: it steps up from the cloth shown, not to the catalogue's top. */
    static boolean steppedUp(ConversationProfile p) {
        return finer(p) && p.budgetEur() == null;
    }

    /** The profile without its price lean: what HENK showed before "finer" was said. */
    static ConversationProfile unleaned(ConversationProfile p) {
        return p.toBuilder().fabricWishes(p.fabricWishes().stream().filter(w -> !w.equals(FINER) && !w.equals(AFFORDABLE))
                .toList()).build();
    }

    /** Whether the profile leans one way: then the advice looks at every fitting cloth, not the best-ranked few. */
    static boolean leans(ConversationProfile p) {
        return affordable(p) || finer(p);
    }
}
