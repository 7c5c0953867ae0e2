package de.henk.hub.chat;

import de.henk.hub.catalog.FabricHit;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code direct:chat-advance-phase}: the dialogue's next phase ({@link Phase#next}); a question the customer
 * passed over is not asked again; and whether fabrics are to be proposed this turn — in the fabric phase, or once
 * proposed when the customer changes what the cloth should be or asks for other fabrics.
 */
@Component("chatPhases")
public class PhaseStep {

    public ChatTurn advance(ChatTurn turn) {
        ChatTurn.Understood understood = turn.understood();
        ConversationProfile learned = understood.learned();
        ConversationProfile now = understood.profile();
        Phase previous = turn.opened().previous();
        ConversationState state = turn.state();
        // times on offer: HENK's last reply offered them instead of asking, and "der zweite" passes nothing over
        if (previous != null && understood.facts().isEmpty() && understood.smalltalk().isEmpty()
                && !learned.declined() && learned.hasNoFacts() && stillMissing(previous, now)
                && state.offeredSlots().isEmpty()) {
            // asked and passed over: HENK does not ask the same thing again
            state = state.skipping(previous);
        }
        // asked twice in a row and answered with other things ("Beerdigung" before it was known, the date, the
        // budget): not a third time; the question of what is needed is the occasion's
        Phase asked = previous == Phase.NEEDS ? Phase.OCCASION : previous;
        if (asked != null && state.askedAgain() >= 1 && !learned.hasNoFacts() && stillMissing(asked, now)) {
            state = state.skipping(asked);
        }
        Phase phase = Phase.next(now, state);
        state = state.asking(previous != null && phase == previous ? state.askedAgain() + 1 : 0);
        // "zeig mir was anderes" with the same wishes: the cloth shown so far is left out of the next proposal
        // "etwas Edleres?" after a proposal: finer cloth than the one shown, not the same again
        boolean others = state.proposed() && (!changesTheCloth(learned)
                && ChatUnderstanding.ASKS_FOR_OTHERS.matcher(turn.message()).find()
                || learned.fabricWishes().contains(PriceLean.FINER));
        boolean wantsFabrics = !now.declined() && (phase == Phase.FABRIC || state.proposed()
                && (changesTheCloth(learned) || others || asksForFabrics(turn.message(), learned)));
        List<String> leaveOut = wantsFabrics && others ? state.shown() : List.of();
        return turn.with(state).with(new ChatTurn.Progress(phase, wantsFabrics, List.of(), leaveOut));
    }

    /** What the fabric advice is asked: the profile, and the cloth to leave out. */
    public FabricAdvisor.Question question(ChatTurn turn) {
        return new FabricAdvisor.Question(turn.understood().profile(), turn.progress().leaveOut());
    }

    /** The fabrics proposed this turn; their order is kept so that "der zweite" is understood next turn. */
    public ChatTurn advised(ChatTurn turn, List<FabricHit> recommendations) {
        List<String> leaveOut = turn.progress().leaveOut();
        // nothing besides the cloth shown: that proposal stands, so "der zweite" still means its second
        List<String> codes = recommendations.stream().map(h -> h.fabric().code()).toList();
        ConversationState state = leaveOut.isEmpty() ? turn.state().withProposal(codes)
                : recommendations.isEmpty() ? turn.state() : turn.state().withOtherProposal(codes);
        return turn.with(state)
                .with(new ChatTurn.Progress(turn.progress().phase(), true, List.copyOf(recommendations), leaveOut));
    }

    /**
     * "Zeigen Sie mir die Stoffe", "show me" — but not "zeig mir freie Termine": a message about an appointment asks
     * for times (asking for other cloth is decided before, and wins).
     */
    private static boolean asksForFabrics(String message, ConversationProfile learned) {
        return !Boolean.TRUE.equals(learned.wantsAppointment())
                && ChatUnderstanding.ASKS_FOR_FABRICS.matcher(message).find();
    }

    private static boolean stillMissing(Phase asked, ConversationProfile now) {
        return switch (asked) {
            case OCCASION -> now.occasion() == null;
            case TIMING -> !now.knowsTiming();
            case BUDGET -> !now.knowsBudget() && !PriceLean.affordable(now);
            case STYLE -> !now.knowsLook();
            default -> false;
        };
    }

    private static boolean changesTheCloth(ConversationProfile learned) {
        return !learned.colours().isEmpty() || !learned.avoidColours().isEmpty() || !learned.patterns().isEmpty()
                || !learned.avoidPatterns().isEmpty() || !learned.fabricWishes().isEmpty() || learned.style() != null
                || !learned.avoidFabrics().isEmpty() || !learned.avoidStyles().isEmpty()
                || learned.knowsBudget() || learned.garment() != null || learned.season() != null;
    }
}
