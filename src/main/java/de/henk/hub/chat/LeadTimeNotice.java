package de.henk.hub.chat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The honest word when the event the customer just dated is nearer than made-to-measure takes
 * ({@link ShopKnowledge#leadTime}): a funeral next week, a wedding in ten days. Nearer than the express service
 * takes, HENK says it cannot be done in time; within the usual lead time, that it is tight and the express service
 * can make it. Either way it offers what is possible — the earliest free measuring appointment — and promises
 * nothing. Said as a shop fact of the turn (it takes the place of the general delivery answer), in the turn the
 * date is said.
 */
final class LeadTimeNotice {

    static final String ID = "lead-time";
    private static final String DELIVERY = "delivery";

    private LeadTimeNotice() {
    }

    /** The turn's facts, with the notice when {@code learned} dates an event within the lead time as of today. */
    static List<ShopKnowledge.Entry> with(List<ShopKnowledge.Entry> facts, ConversationProfile learned,
                                          ConversationProfile now, LocalDate today, ShopKnowledge.LeadTime lead) {
        List<ShopKnowledge.Entry> without = facts.stream().filter(e -> !ID.equals(e.id())).toList();
        String last = now.eventDate() != null ? now.eventDate() : now.dateTo();
        if (learned.dateTo() == null && learned.eventDate() == null || last == null) {
            return without;
        }
        LocalDate by = LocalDate.parse(last);
        if (!by.isBefore(today.plusWeeks(lead.weeksTo()))) {
            return without;
        }
        boolean tooLate = by.isBefore(today.plusWeeks(lead.expressWeeks()));
        String day = now.eventDate() != null ? ConciergeNames.day(now.eventDate(), true) : null;
        String dayEn = now.eventDate() != null ? ConciergeNames.day(now.eventDate(), false) : null;
        String takes = "Ganz ehrlich: Eine Maßanfertigung braucht bei uns von der Stoffwahl bis zur Übergabe "
                + lead.weeksFrom() + " bis " + lead.weeksTo() + " Wochen, mit Express etwa " + lead.expressWeeks()
                + " Wochen";
        String takesEn = "To be honest: made-to-measure takes us " + lead.weeksFrom() + " to " + lead.weeksTo()
                + " weeks from choosing the cloth to the handover, about " + lead.expressWeeks() + " with express";
        String de = tooLate
                ? takes + " – bis " + (day != null ? "zum " + day : "dahin") + " ist das leider nicht zu schaffen, und ich "
                + "möchte Ihnen nichts versprechen, was wir nicht halten können. Gern beraten wir Sie trotzdem im "
                + "Atelier; den frühesten freien Termin zum Maßnehmen suche ich Ihnen gern heraus."
                : takes + " (" + lead.expressSurchargePercent() + " % Aufpreis) – bis " + (day != null ? "zum " + day
                : "dahin") + " wird es knapp, mit Express ist es zu schaffen, wenn wir bald Maß nehmen. Den frühesten "
                + "freien Termin zum Maßnehmen suche ich Ihnen gern heraus.";
        String en = tooLate
                ? takesEn + " – we cannot make it " + (dayEn != null ? "by " + dayEn : "in time") + ", and I do not "
                + "want to promise what we cannot keep. We are still glad to advise you in the atelier; I am happy "
                + "to find you the earliest free measuring appointment."
                : takesEn + " (" + lead.expressSurchargePercent() + "% surcharge) – " + (dayEn != null ? "by "
                + dayEn : "until then") + " it is tight, but express can make it if we measure you soon. I am happy to "
                + "find you the earliest free measuring appointment.";
        List<ShopKnowledge.Entry> noticed = new ArrayList<>(without.stream().filter(e -> !DELIVERY.equals(e.id()))
                .toList());
        noticed.add(0, new ShopKnowledge.Entry(ID, List.of(), true, de, en));
        return List.copyOf(noticed);
    }
}
