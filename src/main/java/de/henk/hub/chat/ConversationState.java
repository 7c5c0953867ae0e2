package de.henk.hub.chat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the dialogue itself has done, beside what the customer said: the questions passed over (never asked
 * again), whether fabrics were proposed (and which, in the order shown), the deal a qualified lead became, and how many turns there were.
 * Stored with the session.
 */
public record ConversationState(Set<Phase> skipped, boolean proposed, Long leadDealId, int turns,
                                List<String> proposedCodes) {

    public ConversationState {
        skipped = skipped == null || skipped.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(skipped));
        proposedCodes = proposedCodes == null ? List.of() : List.copyOf(proposedCodes);
    }

    public static ConversationState initial() {
        return new ConversationState(Set.of(), false, null, 0, List.of());
    }

    public boolean started() {
        return turns > 0;
    }

    public ConversationState skipping(Phase phase) {
        Set<Phase> more = skipped.isEmpty() ? EnumSet.noneOf(Phase.class) : EnumSet.copyOf(skipped);
        more.add(phase);
        return new ConversationState(more, proposed, leadDealId, turns, proposedCodes);
    }

    /** Fabrics were proposed; their codes, in the order shown, let "der zweite" be understood next turn. */
    public ConversationState withProposal(List<String> codes) {
        return new ConversationState(skipped, true, leadDealId, turns, codes);
    }

    public ConversationState withLead(long dealId) {
        return new ConversationState(skipped, proposed, dealId, turns, proposedCodes);
    }

    public ConversationState nextTurn() {
        return new ConversationState(skipped, proposed, leadDealId, turns + 1, proposedCodes);
    }
}
