package de.henk.hub.chat;

import java.util.List;

/**
 * The offline concierge while the customer waits for a person of the team (asked for, nobody has answered yet):
 * brief and without selling. It says back the contact details just left and where the team will reach the
 * customer, answers the shop facts asked for and a calendar question, and otherwise says that the team knows —
 * asking only for a way to reach the customer when there is none. No next question of the dialogue, no fabrics.
 */
final class ConciergeWaiting {

    private ConciergeWaiting() {
    }

    /** {@code parts}: what was said before (small talk); the waiting reply goes after it. */
    static String reply(Turn turn, List<String> parts, ChatAppointment calendar, boolean de) {
        ConversationProfile learned = turn.learned();
        ConversationProfile now = turn.profile();
        String contact = contact(learned, de);
        if (contact != null) {
            parts.add(de ? "Danke! Unser Team meldet sich unter " + contact + " bei Ihnen."
                    : "Thank you! Our team will get back to you at " + contact + ".");
        } else if (learned.name() != null) {
            parts.add(de ? "Danke, ich habe Ihren Namen für unser Team notiert."
                    : "Thank you, I have noted your name for our team.");
        }
        turn.facts().stream().filter(e -> !ShopKnowledge.PERSON.equals(e.id()))
                .forEach(e -> parts.add(ConciergePrices.answer(e, turn, de)));
        if (calendar != null) {
            parts.add(ConciergeCalendar.calendar(calendar, turn, de));
        }
        boolean reachable = turn.signedIn() || now.email() != null || now.phone() != null;
        if (contact == null && (learned.name() == null || !reachable)) {
            parts.add(de ? "Unser Team ist bereits informiert und meldet sich so bald wie möglich persönlich bei Ihnen."
                    : "Our team has already been told and will get back to you personally as soon as possible.");
            if (!reachable) {
                parts.add(de ? "Damit es Sie erreicht, hinterlassen Sie mir gern Ihre E-Mail-Adresse oder Telefonnummer."
                        : "So that they can reach you, just leave me your email address or phone number.");
            }
        }
        return String.join(" ", parts);
    }

    /** The email and/or phone number left in this message, as the customer gave them. */
    private static String contact(ConversationProfile learned, boolean de) {
        if (learned.email() != null && learned.phone() != null) {
            return learned.email() + (de ? " oder " : " or ") + learned.phone();
        }
        return learned.email() != null ? learned.email() : learned.phone();
    }
}
