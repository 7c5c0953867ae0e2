package de.henk.hub.chat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the dialogue itself has done, beside what the customer said: the questions passed over (never asked
 * again), whether fabrics were proposed (and which, in the order shown), the deal a qualified lead became, how many turns
 * there were, the free times offered (and the one an anonymous customer chose), and how often in a row the last
 * question was asked again ({@code askedAgain}: 0 when it was new), and the cloth shown before the proposal when the
 * customer asked for other cloth ({@code shownBefore}: "zeig mir was anderes" leaves all of it out).
 * Stored with the session.
 */
public record ConversationState(Set<Phase> skipped, boolean proposed, Long leadDealId, int turns,
                                List<String> proposedCodes, List<OfferedSlot> offeredSlots, OfferedSlot heldSlot,
                                int askedAgain, List<String> shownBefore) {

    public ConversationState {
        skipped = skipped == null || skipped.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(skipped));
        proposedCodes = proposedCodes == null ? List.of() : List.copyOf(proposedCodes);
        offeredSlots = offeredSlots == null ? List.of() : List.copyOf(offeredSlots);
        shownBefore = shownBefore == null ? List.of() : List.copyOf(shownBefore);
    }

    public static ConversationState initial() {
        return new ConversationState(Set.of(), false, null, 0, List.of(), List.of(), null, 0, List.of());
    }

    public boolean started() {
        return turns > 0;
    }

    public ConversationState skipping(Phase phase) {
        Set<Phase> more = skipped.isEmpty() ? EnumSet.noneOf(Phase.class) : EnumSet.copyOf(skipped);
        more.add(phase);
        return new ConversationState(more, proposed, leadDealId, turns, proposedCodes, offeredSlots, heldSlot, askedAgain,
                shownBefore);
    }

    /**
     * Fabrics were proposed; their codes, in the order shown, let "der zweite" be understood next turn. Times offered
     * in the turn before stay for this turn's calendar step, which takes the customer's pick ("der zweite" answering
     * the times) and then ends the offer — the proposal made in the same turn is the cloth's "der zweite" after it.
     */
    public ConversationState withProposal(List<String> codes) {
        return new ConversationState(skipped, true, leadDealId, turns, codes, offeredSlots, heldSlot, askedAgain,
                List.of());
    }

    /** Other cloth than that shown so far ("zeig mir was anderes"): what was shown stays left out next time too. */
    public ConversationState withOtherProposal(List<String> codes) {
        return new ConversationState(skipped, true, leadDealId, turns, codes, offeredSlots, heldSlot, askedAgain,
                shown());
    }

    /** Every cloth shown since the customer's wishes last changed: the proposal and those before it. */
    public List<String> shown() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(shownBefore);
        all.addAll(proposedCodes);
        return List.copyOf(all);
    }

    /**
     * The first proposal of this turn was not shown (free times were this turn's question): it is made once a time
     * is chosen, and "der zweite" means no cloth meanwhile.
     */
    public ConversationState withoutFirstProposal() {
        return new ConversationState(skipped, false, leadDealId, turns, List.of(), offeredSlots, heldSlot, askedAgain,
                List.of());
    }

    public ConversationState withLead(long dealId) {
        return new ConversationState(skipped, proposed, dealId, turns, proposedCodes, offeredSlots, heldSlot, askedAgain,
                shownBefore);
    }

    public ConversationState nextTurn() {
        return new ConversationState(skipped, proposed, leadDealId, turns + 1, proposedCodes, offeredSlots, heldSlot,
                askedAgain, shownBefore);
    }

    /** The phase's question is asked again ({@code again}: the times in a row it was asked before), or a new one (0). */
    public ConversationState asking(int again) {
        return new ConversationState(skipped, proposed, leadDealId, turns, proposedCodes, offeredSlots, heldSlot, again,
                shownBefore);
    }

    /** Free times offered, in the order shown; a time an anonymous customer chose is kept until they sign in. */
    public ConversationState withSlots(List<OfferedSlot> offered, OfferedSlot held) {
        return new ConversationState(skipped, proposed, leadDealId, turns, proposedCodes, offered, held, askedAgain,
                shownBefore);
    }
}
