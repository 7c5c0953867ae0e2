package de.henk.hub.chat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The offline concierge saying back what it knows: what the hub remembers of a returning customer, and what it
 * just learned this turn ("Notiert: …") — with the honest word when the budget is below where the garment starts.
 */
final class ConciergeRecap {

    private ConciergeRecap() {
    }

    /** "Anzug für eine Hochzeit im Juni 2027, Budget etwa 2.500 €" — what the hub remembers. */
    static String summary(ConversationProfile p, boolean de) {
        List<String> facts = new ArrayList<>();
        if (p.occasion() != null) {
            String garment = ConciergeNames.garmentOrSuit(p.garment(), de);
            facts.add(garment + (de ? " für " : " for ") + ConciergeNames.occasion(p.occasion(), de)
                    + (p.eventMonth() != null ? (de ? " im " : " in ") + ConciergeNames.month(p.eventMonth(), de)
                    : ""));
        }
        if (p.budgetEur() != null) {
            facts.add((de ? "Budget etwa " : "a budget of about ") + ConciergeNames.euros(p.budgetEur(), de));
        } else if (p.knowsBudget()) {
            facts.add(de ? "Budget offen" : "an open budget");
        }
        if (p.style() != null) {
            facts.add(de ? "Stil " + ConciergeNames.styleDe(p.style()) : p.style() + " style");
        }
        if (!p.colours().isEmpty()) {
            facts.add((de ? "gern in " : "preferably in ") + String.join(de ? " oder " : " or ",
                    p.colours().stream().map(c -> ConciergeNames.tone(c, de)).toList()));
        }
        if (!p.avoidColours().isEmpty()) {
            facts.add(ConciergeNames.avoided(p.avoidColours(), de));
        }
        return facts.isEmpty() ? null : String.join(", ", facts);
    }

    static String acknowledge(Turn turn, boolean de) {
        ConversationProfile before = turn.before();
        ConversationProfile learned = turn.learned();
        List<String> sentences = new ArrayList<>();
        if (learned.occasion() != null && !learned.occasion().equals(before.occasion())) {
            String several = ConciergePlurals.several(turn.profile().garmentCount(), turn.profile().garment(),
                    turn.message(), de);
            String garment = several != null ? several : ConciergeNames.garmentOrSuit(turn.profile().garment(), de);
            String article = several != null ? ""
                    : de ? ("Hose".equals(garment) || "Weste".equals(garment) ? "eine " : "ein ")
                    : (garment.startsWith("a") ? "an " : "a ");
            boolean sombre = "mourning".equals(learned.occasion());
            sentences.add(sombre ? (de ? "Verstehe – " + article + garment + " für "
                    + ConciergeNames.occasion(learned.occasion(), true) + ". Mein herzliches Beileid."
                    : "I understand – " + article + garment + " for " + ConciergeNames.occasion(learned.occasion(), false)
                    + ". My sincere condolences.")
                    : de
                    ? "Wunderbar – " + article + garment + " für "
                    + ConciergeNames.occasionAsSaid(learned.occasion(), turn.message(), true) + "!"
                    : "Wonderful – " + article + garment + " for "
                    + ConciergeNames.occasionAsSaid(learned.occasion(), turn.message(), false) + "!");
        }
        List<String> facts = new ArrayList<>();
        if (learned.budgetEur() != null && !learned.budgetEur().equals(before.budgetEur())) {
            if (learned.budgetMinEur() != null) {
                facts.add(de ? "ein Budget zwischen " + ConciergeNames.euros(learned.budgetMinEur(), true) + " und "
                        + ConciergeNames.euros(learned.budgetEur(), true)
                        : "a budget between " + ConciergeNames.euros(learned.budgetMinEur(), false) + " and "
                        + ConciergeNames.euros(learned.budgetEur(), false));
            } else {
                facts.add(de ? "ein Budget von etwa " + ConciergeNames.euros(learned.budgetEur(), true)
                        : "a budget of about " + ConciergeNames.euros(learned.budgetEur(), false));
            }
            if (learned.quantity() != null) {
                // a total for several garments: each one's share, and what it was
                facts.set(facts.size() - 1, facts.get(facts.size() - 1) + (de ? " je Stück (" : " each (")
                        + learned.quantity() + (de ? " Stück insgesamt)" : " in total)"));
            }
        } else if (learned.knowsBudget() && !before.knowsBudget()) {
            facts.add(de ? "beim Budget keine Obergrenze" : "no upper limit on the budget");
        }
        if (learned.eventDate() != null) {
            facts.add((de ? "der Termin am " : "the date on ") + ConciergeNames.day(learned.eventDate(), de));
        } else if (learned.eventMonth() != null) {
            facts.add((de ? "der Termin im " : "the date in ") + ConciergeNames.month(learned.eventMonth(), de));
        } else if (learned.season() != null) {
            facts.add((de ? "der " : "") + ConciergeNames.season(learned.season(), de)
                    + (learned.dateFrom() != null ? " " + LocalDate.parse(learned.dateFrom()).getYear() : ""));
        } else if (Boolean.TRUE.equals(learned.flexibleDate())) {
            facts.add(de ? "kein fester Termin" : "no fixed date");
        }
        if (learned.garment() != null && learned.occasion() == null && !learned.garment().equals(before.garment())
                && !learned.garment().equals("suit")) {
            facts.add((de ? ConciergeNames.indefiniteDe(learned.garment()) : "a ")
                    + ConciergeNames.garment(learned.garment(), de));
        }
        if (learned.style() != null) {
            facts.add(de ? "ein eher " + ConciergeNames.styleDe(learned.style()) + "er Stil"
                    : "a rather " + learned.style() + " style");
        }
        for (String ruledOut : learned.avoidStyles()) {
            boolean loud = "extravagant".equals(ruledOut);
            facts.add(de ? (loud ? "nichts Ausgefallenes" : "nicht zu " + ConciergeNames.styleDe(ruledOut))
                    : "not too " + (loud ? "flashy" : ruledOut));
        }
        if (!learned.colours().isEmpty()) {
            facts.add((de ? "gern in " : "preferably in ") + String.join(de ? " oder " : " or ",
                    ConciergeNames.colours(learned.colours(), de)));
        }
        if (!learned.patterns().isEmpty()) {
            facts.add((de ? "Muster: " : "pattern: ") + String.join(", ", de ? learned.patterns()
                    : learned.patterns().stream().map(ConciergeNames::pattern).toList()));
        }
        if (!learned.avoidColours().isEmpty()) {
            facts.add((de ? "bloß " : "") + ConciergeNames.avoided(learned.avoidColours(), de));
        }
        if (!learned.avoidPatterns().isEmpty()) {
            facts.add((de ? "keine " : "no ") + String.join(de ? " und keine " : " and no ", de ? learned.avoidPatterns()
                    : learned.avoidPatterns().stream().map(ConciergeNames::pattern).toList()));
        }
        if (!learned.fabricWishes().isEmpty()) {
            facts.add(String.join(", ", learned.fabricWishes().stream()
                    .map(w -> ConciergeNames.wish(w, de)).toList()));
        }
        if (learned.chosenFabric() != null) {
            facts.add(de ? "Ihre Wahl " + learned.chosenFabric() + " – ein sehr schöner Stoff"
                    : "your choice " + learned.chosenFabric() + " – a lovely cloth");
        }
        if (learned.email() != null || learned.phone() != null) {
            facts.add(de ? "Ihre Kontaktdaten" : "your contact details");
        }
        if (!facts.isEmpty()) {
            sentences.add((de ? "Notiert: " : "Noted: ") + listed(facts, de ? " und " : " and ") + ".");
        }
        if (learned.budgetEur() != null || learned.garment() != null) {
            // a budget below where the garment starts: said with the catalogue's price, and asked about
            String honest = ConciergePrices.belowEntry(turn.profile(), turn.prices(), de);
            if (honest != null) {
                sentences.add(honest);
            }
        }
        return sentences.isEmpty() ? null : String.join(" ", sentences);
    }

    /** "a, b und c": a list of facts reads as one, not "a und b und c und d". */
    static String listed(List<String> facts, String and) {
        if (facts.size() < 2) {
            return String.join("", facts);
        }
        return String.join(", ", facts.subList(0, facts.size() - 1)) + and + facts.get(facts.size() - 1);
    }
}
