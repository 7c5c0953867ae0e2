package de.henk.hub.chat;

import de.henk.hub.catalog.FabricHit;
import java.util.List;

/**
 * Everything HENK knows when it answers one message: the profile before and after, what this message added, the
 * new phase, the shop facts and small talk it asked for, the fabrics to propose, the lead, the calendar (times
 * offered, a booking), where made-to-measure starts for each garment ({@code prices}, from the catalogue) and — on
 * the first turn of a signed-in customer — what the hub remembers; {@code personAwaited}: the customer asked for a
 * person of the team earlier and nobody has answered yet. The offline concierge and the LLM prompt are both built
 * from it.
 */
public record Turn(String message, ConversationProfile before, ConversationProfile learned,
                   ConversationProfile profile, Phase previousPhase, Phase phase, ConversationState state,
                   List<ShopKnowledge.Entry> facts, List<ShopKnowledge.Entry> smalltalk,
                   List<FabricHit> recommendations, LeadStatus lead, boolean signedIn, Returning returning,
                   ChatAppointment appointment, EntryPrices prices, boolean personAwaited) {

    /** A turn of a conversation in which nobody waits for a person of the team. */
    public Turn(String message, ConversationProfile before, ConversationProfile learned, ConversationProfile profile,
                Phase previousPhase, Phase phase, ConversationState state, List<ShopKnowledge.Entry> facts,
                List<ShopKnowledge.Entry> smalltalk, List<FabricHit> recommendations, LeadStatus lead, boolean signedIn,
                Returning returning, ChatAppointment appointment, EntryPrices prices) {
        this(message, before, learned, profile, previousPhase, phase, state, facts, smalltalk, recommendations, lead,
                signedIn, returning, appointment, prices, false);
    }

    /** The same turn with the calendar's part settled (times offered, a booking made). */
    public Turn with(ChatAppointment settled) {
        return new Turn(message, before, learned, profile, previousPhase, phase, state, facts, smalltalk,
                recommendations, lead, signedIn, returning, settled, prices, personAwaited);
    }

    /** The same turn proposing no fabrics (they were not shown). */
    public Turn withoutRecommendations() {
        return new Turn(message, before, learned, profile, previousPhase, phase, state, facts, smalltalk, List.of(),
                lead, signedIn, returning, appointment, prices, personAwaited);
    }

    public boolean german() {
        return !"en".equals(profile.language());
    }

    public boolean firstTurn() {
        return state.turns() == 0;
    }

    /** What the hub remembers of a returning signed-in customer: earlier wishes, open deals, coming appointments. */
    public record Returning(String name, ConversationProfile remembered, List<String> openDeals,
                            List<String> appointments) { }
}
