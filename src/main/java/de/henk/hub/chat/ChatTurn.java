package de.henk.hub.chat;

import de.henk.hub.auth.Caller;
import de.henk.hub.catalog.FabricHit;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The state of one chat turn between the steps of {@code routes/chat.camel.yaml}, kept in the exchange variable
 * {@code turn}. Each step reads it and sets a new one; the parts are filled in in the route's order:
 * <ol>
 *   <li>{@link Opened} ({@code direct:chat-load-session}): the message, who sent it, the session and what the
 *       hub knew before;</li>
 *   <li>{@link Understood} ({@code direct:chat-understand}): what this message said, and the profile after it;</li>
 *   <li>{@link Progress} ({@code direct:chat-advance-phase}, fabric advice): the dialogue's next phase and the
 *       fabrics to propose;</li>
 *   <li>{@code turn} and {@link Qualification} ({@code direct:chat-qualify}): the lead's score and whether this
 *       turn hands it to sales; {@link Turn} is what the offline concierge and the LLM both answer from (the
 *       calendar step adds the appointment);</li>
 *   <li>{@link Answer} ({@code direct:chat-calendar}, {@code direct:chat-reply}, the CRM): the reply, who gave
 *       it, the deal.</li>
 * </ol>
 * {@code state} is the conversation state as it stands after the latest step; it is what is stored.
 */
public record ChatTurn(Opened opened, ConversationState state, Understood understood, Progress progress,
                       Qualification qualification, Turn turn, Answer answer) {

    /** The message and its session, before anything was read. */
    public record Opened(String message, Caller caller, OffsetDateTime receivedAt, String sessionId,
                         ChatSessions.StoredSession session, boolean personOwns, ConversationProfile before,
                         Phase previous, Turn.Returning returning) { }

    /** What the message said ({@code learned}) and the profile with it ({@code profile}). */
    public record Understood(ConversationProfile learned, ConversationProfile profile,
                             List<ShopKnowledge.Entry> facts, List<ShopKnowledge.Entry> smalltalk) { }

    /** The phase after this message; {@code wantsFabrics}: fabrics are to be proposed this turn. */
    public record Progress(Phase phase, boolean wantsFabrics, List<FabricHit> recommendations) { }

    /** The lead's assessment; {@code createLead}: qualified and reachable now — the lead goes to the CRM. */
    public record Qualification(LeadQualifier.Assessment assessment, boolean createLead) { }

    /** The offline concierge's reply (always made: guidance for the LLM, and its fallback) and the one sent. */
    public record Answer(String offlineReply, String reply, String concierge, Long dealId) { }

    /**
     * A turn in flight is itself, not a value: the route reads it with {@code ${variable.turn.createsLead()}} and
     * Camel's bean cache hashes the object it calls, which for a record would hash the whole conversation (its
     * profile, history and recommendations) at every such step — a tenth of an offline turn's time.
     */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    public static ChatTurn opened(Opened opened, ConversationState state) {
        return new ChatTurn(opened, state, null, null, null, null, null);
    }

    public ChatTurn with(ConversationState next) {
        return new ChatTurn(opened, next, understood, progress, qualification, turn, answer);
    }

    public ChatTurn with(Understood next) {
        return new ChatTurn(opened, state, next, progress, qualification, turn, answer);
    }

    public ChatTurn with(Progress next) {
        return new ChatTurn(opened, state, understood, next, qualification, turn, answer);
    }

    public ChatTurn with(Turn next, Qualification assessed) {
        return new ChatTurn(opened, state, understood, progress, assessed, next, answer);
    }

    public ChatTurn with(Turn next) {
        return new ChatTurn(opened, state, understood, progress, qualification, next, answer);
    }

    public ChatTurn with(Answer next) {
        return new ChatTurn(opened, state, understood, progress, qualification, turn, next);
    }

    // short names for the route's expressions

    public String message() {
        return opened.message();
    }

    public String sessionId() {
        return opened.sessionId();
    }

    public Caller caller() {
        return opened.caller();
    }

    public boolean personOwns() {
        return opened.personOwns();
    }

    public boolean wantsFabrics() {
        return progress != null && progress.wantsFabrics();
    }

    public ConversationProfile profile() {
        return understood.profile();
    }

    /** This turn qualified the lead and the customer can be reached: it goes to the CRM now. */
    public boolean createsLead() {
        return qualification != null && qualification.createLead();
    }

    /** Handed over with a phone number only, the customer now gives an email: the deal and person get it. */
    public boolean addsEmailToDeal() {
        return !createsLead() && state.leadDealId() != null && understood.learned().email() != null;
    }

    public String newEmail() {
        return understood.learned().email();
    }

    public Long leadDealId() {
        return state.leadDealId();
    }
}
