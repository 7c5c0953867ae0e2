package de.henk.hub.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * HENK without a language model: deterministic German and English replies from the turn — the phase, the
 * profile, the shop facts asked for, the fabrics and the lead. It acknowledges what it just learned, answers the
 * question the customer asked, then asks for the next missing thing — never for something it knows.
 *
 * <p>This class puts the reply together; its parts say the sentences: {@link ConciergeDialogue} (greeting, next
 * question, contact, handover), {@link ConciergeRecap} (what it remembers and just learned),
 * {@link ConciergeCalendar} (free times and bookings), {@link FabricProposal} (the fabrics) and
 * {@link ConciergeNames} (how HENK names things).
 */
public class OfflineConcierge {

    public String reply(Turn turn) {
        boolean de = turn.german();
        List<String> parts = new ArrayList<>();
        ConversationProfile learned = turn.learned();

        if (turn.firstTurn()) {
            parts.add(ConciergeDialogue.greeting(turn, de));
        }
        turn.smalltalk().forEach(e -> parts.add(e.answer(de)));

        if (learned.declined()) {
            parts.add(de ? "Selbstverständlich, ganz wie Sie möchten – ich gebe nichts weiter und niemand wird Sie "
                    + "kontaktieren. Wenn Sie später Fragen zu Stoffen, Preisen oder Terminen haben, bin ich gern für Sie da."
                    : "Of course, just as you wish – I will not pass anything on and nobody will contact you. If you "
                    + "have questions about cloth, prices or appointments later, I am happy to help.");
            turn.facts().forEach(e -> parts.add(ConciergePrices.answer(e, turn, de)));
            return String.join(" ", parts);
        }
        if (learned.notACustomer() && turn.profile().notACustomer()) {
            // spam, a job application, a competitor, a joke: answered kindly, nothing handed to the sales team
            parts.add(de ? "Ich bin HENKs Berater für Maßkleidung und gebe aus dem Chat nur Anfragen von Kundinnen und "
                    + "Kunden an unser Team weiter. Für Bewerbungen, Angebote und geschäftliche Anfragen nutzen Sie bitte "
                    + "unsere Kontaktseite. Wenn Sie selbst einen Anzug suchen, helfe ich Ihnen gern."
                    : "I am HENK's adviser for made-to-measure clothing and only pass customers' requests on to our "
                    + "team. For job applications, offers and business enquiries please use our contact page. If you "
                    + "are looking for a suit yourself, I am happy to help.");
            return String.join(" ", parts);
        }
        ChatAppointment calendar = ConciergeCalendar.news(turn.appointment(), turn);
        if (turn.personAwaited()) {
            // the customer waits for a person of the team: briefly, without selling
            return ConciergeWaiting.reply(turn, parts, calendar, de);
        }
        if ("browsing".equals(learned.intent())) {
            parts.add(de ? "Sehr gern – schauen Sie sich in aller Ruhe um, ganz ohne Verpflichtung."
                    : "Of course – take your time and look around, no obligation at all.");
        }
        String acknowledgement = ConciergeRecap.acknowledge(turn, de);
        if (acknowledgement != null) {
            parts.add(acknowledgement);
        }
        turn.facts().forEach(e -> parts.add(ConciergePrices.answer(e, turn, de)));
        if (turn.lead().createdNow()) {
            parts.add(ConciergeDialogue.handover(turn, de));
        }
        if (calendar != null) {
            parts.add(ConciergeCalendar.calendar(calendar, turn, de));
        }
        String next;
        if (turn.facts().stream().anyMatch(e -> ShopKnowledge.PERSON.equals(e.id()))
                || turn.smalltalk().stream().anyMatch(e -> ShopKnowledge.GOODBYE.equals(e.id()))) {
            // a person was asked for: the team takes over; or the customer takes leave: HENK asks nothing more
            next = null;
        } else if (ConciergeCalendar.asksAboutTheCalendar(calendar)) {
            // the times are this turn's question; only a missing way to reach the customer is asked besides
            next = "qualified".equals(turn.lead().status()) ? ConciergeDialogue.contact(turn, de) : null;
        } else {
            next = calendar != null && turn.phase().ordinal() >= Phase.CONTACT.ordinal() ? null
                    : ConciergeDialogue.next(turn, de);
        }
        if (next != null) {
            parts.add(next);
        }
        return String.join(" ", parts);
    }
}
