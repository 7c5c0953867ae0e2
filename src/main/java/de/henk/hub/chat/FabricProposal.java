package de.henk.hub.chat;

import de.henk.hub.catalog.Fabric;
import de.henk.hub.catalog.FabricHit;
import java.util.ArrayList;
import java.util.List;

/**
 * The offline concierge's fabric proposal: the fabrics found for the profile, numbered with mill, colour, pattern,
 * weight and price, what of the wishes none of them meets — or, with none found, what to loosen.
 */
final class FabricProposal {

    private FabricProposal() {
    }

    static String proposal(Turn turn, boolean de) {
        List<FabricHit> hits = turn.recommendations();
        if (noOthers(turn)) {
            return noOthers(turn.profile(), de);
        }
        if (hits.isEmpty()) {
            ConversationProfile p = turn.profile();
            String honest = ConciergePrices.belowEntry(p, turn.prices(), de);
            if (honest != null) {
                // said with the budget or the garment this turn already (ConciergeRecap): not twice
                boolean saidNow = turn.learned().budgetEur() != null || turn.learned().garment() != null;
                return saidNow ? null : honest;
            }
            return de ? "Für genau diese Kombination habe ich im Katalog leider nichts gefunden – wollen wir bei "
                    + "Farbe oder Budget etwas offener sein?"
                    : "I could not find a cloth for exactly this combination – shall we be a little more open on "
                    + "colour or budget?";
        }
        StringBuilder text = new StringBuilder(de ? "Aus unserem Sortiment passen dazu besonders: "
                : "From our collection these would suit you best: ");
        for (int i = 0; i < hits.size(); i++) {
            text.append(i == 0 ? "" : "; ").append(i + 1).append(") ").append(describe(hits.get(i).fabric(), turn, de));
        }
        text.append('.');
        List<String> unmet = FabricAdvisor.unmet(turn.profile(), hits);
        if (!unmet.isEmpty()) {
            text.append(' ').append(unmet(unmet, turn.profile(), de));
        }
        if ("mourning".equals(turn.profile().occasion())
                && turn.profile().patterns().stream().anyMatch(FabricFit::tooLoudForMourning)) {
            text.append(de ? " Für eine Trauerfeier habe ich bewusst ruhiges, dunkles Tuch ohne Streifen und Karos gewählt."
                    : " For a funeral I have deliberately chosen calm, dark cloth without stripes or checks.");
        }
        text.append(de ? " Gefällt Ihnen einer davon – oder soll ich in eine andere Richtung suchen?"
                : " Do you like one of them – or shall I look in another direction?");
        return text.toString();
    }

    /**
     * The customer asked for other cloth than the proposal shown ("zeig mir was anderes"), and the catalogue has
     * none besides it within the wishes: the proposal stands (its codes are still the state's).
     */
    static boolean noOthers(Turn turn) {
        return turn.recommendations().isEmpty() && !turn.state().proposedCodes().isEmpty()
                && ChatUnderstanding.ASKS_FOR_OTHERS.matcher(turn.message()).find();
    }

    private static String noOthers(ConversationProfile p, boolean de) {
        String budget = p.budgetEur() == null ? "" : de ? " bis " + ConciergeNames.euros(p.budgetEur(), true)
                : " up to " + ConciergeNames.euros(p.budgetEur(), false);
        return de ? "Weitere Stoffe, die zu all Ihren Wünschen" + budget + " passen, habe ich leider nicht – die "
                + "gezeigten sind die besten dafür. Mit etwas mehr Budget, einer anderen Farbe oder einem anderen Stil "
                + "zeige ich Ihnen gern weitere; im Atelier sehen Sie außerdem die ganze Kollektion."
                : "I have no other cloth that fits all your wishes" + budget + " – the ones shown are the best for "
                + "them. With a little more budget, another colour or another style I am happy to show you more; "
                + "at the atelier you can also see the whole collection.";
    }

    /** "Klassisch in Bordeaux habe ich im Rahmen Ihres Budgets nicht – diese kommen Ihrem Wunsch am nächsten." */
    private static String unmet(List<String> unmet, ConversationProfile p, boolean de) {
        List<String> what = new ArrayList<>();
        for (String wish : unmet) {
            switch (wish) {
                case "style" -> what.add(de ? "im Stil „" + ConciergeNames.styleDe(p.style()) + "“"
                        : "in a " + p.style() + " style");
                case "colour" -> what.add("in " + String.join(de ? " oder " : " or ",
                        p.colours().stream().map(c -> ConciergeNames.tone(c, de)).toList()));
                case "material" -> what.add(de ? "aus " + String.join(" oder ", p.fabricWishes().stream()
                                .filter(ProfileExtractor.MATERIALS::contains)
                                .map(w -> ConciergeNames.material(w, true)).toList())
                        : "in " + String.join(" or ", p.fabricWishes().stream()
                                .filter(ProfileExtractor.MATERIALS::contains)
                                .map(w -> ConciergeNames.material(w, false)).toList()));
                default -> { }
            }
        }
        return de ? "Einen Stoff " + String.join(" und ", what) + " habe ich innerhalb Ihrer übrigen Wünsche leider "
                + "nicht – diese kommen Ihrem Wunsch am nächsten."
                : "I have no cloth " + String.join(" and ", what) + " within your other wishes – these come closest.";
    }

    private static String describe(Fabric f, Turn turn, boolean de) {
        String garment = turn.profile().garment();
        return (de ? "„" + f.name() + "“ von " : "\"" + f.name() + "\" by ") + f.mill() + " (" + f.code() + "): "
                + (de ? f.colour() : f.colourEn()) + ", " + (de ? f.pattern() : f.patternEn())
                + ", " + f.weightGramsPerMetre() + " g/m, " + (de ? f.composition() : f.compositionEn()) + " – "
                + ConciergeNames.priceLabel(garment, de) + " " + ConciergeNames.euros(FabricFit.priceOf(f, garment), de);
    }
}
