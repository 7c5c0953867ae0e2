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
 *   <li>{@link Understood} ({@code direct:chat-understand}): what this message said, and the profile after it —
 *       in model-first, the rules' reading while the model's is still under way ({@link ModelReading}, until
 *       {@code direct:chat-cross-check});</li>
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
                       Qualification qualification, Turn turn, Answer answer, ModelReading modelReading) {

    /**
     * The message and its session, before anything was read. {@code personOwns}: a staff member has answered in the
     * session (HENK stays quiet); {@code personAwaited}: the customer asked for a person and nobody has answered yet.
     */
    public record Opened(String message, Caller caller, OffsetDateTime receivedAt, String sessionId,
                         ChatSessions.StoredSession session, boolean personOwns, boolean personAwaited,
                         ConversationProfile before, Phase previous, Turn.Returning returning) { }

    /** What the message said ({@code learned}) and the profile with it ({@code profile}). */
    public record Understood(ConversationProfile learned, ConversationProfile profile,
                             List<ShopKnowledge.Entry> facts, List<ShopKnowledge.Entry> smalltalk) { }

    /**
     * The phase after this message; {@code wantsFabrics}: fabrics are to be proposed this turn; {@code leaveOut}: the
     * codes shown before that the customer asked to see others than.
     */
    public record Progress(Phase phase, boolean wantsFabrics, List<FabricHit> recommendations, List<String> leaveOut) {

        public Progress {
            recommendations = List.copyOf(recommendations);
            leaveOut = List.copyOf(leaveOut);
        }

        public Progress(Phase phase, boolean wantsFabrics, List<FabricHit> recommendations) {
            this(phase, wantsFabrics, recommendations, List.of());
        }
    }

    /** The lead's assessment; {@code createLead}: qualified and reachable now — the lead goes to the CRM. */
    public record Qualification(LeadQualifier.Assessment assessment, boolean createLead) { }

    /** The offline concierge's reply (always made: guidance for the LLM, and its fallback) and the one sent. */
    public record Answer(String offlineReply, String reply, String concierge, Long dealId) { }

    /**
     * The model's reading of the message, still under way (model-first): the turn goes on with the rules' reading
     * until {@code direct:chat-cross-check} takes the cross-checked one. {@code mayBook}: the message may book a
     * time. {@code understood} is the turn as it stood right after understanding, for deciding again.
     */
    public record ModelReading(MessageReader.Beside beside, boolean mayBook, ChatTurn understood) { }

    public static ChatTurn opened(Opened opened, ConversationState state) {
        return new ChatTurn(opened, state, null, null, null, null, null, null);
    }

    public ChatTurn with(ConversationState next) {
        return new ChatTurn(opened, next, understood, progress, qualification, turn, answer, modelReading);
    }

    public ChatTurn with(Understood next) {
        return new ChatTurn(opened, state, next, progress, qualification, turn, answer, modelReading);
    }

    public ChatTurn with(Progress next) {
        return new ChatTurn(opened, state, understood, next, qualification, turn, answer, modelReading);
    }

    public ChatTurn with(Turn next, Qualification assessed) {
        return new ChatTurn(opened, state, understood, progress, assessed, next, answer, modelReading);
    }

    public ChatTurn with(Turn next) {
        return new ChatTurn(opened, state, understood, progress, qualification, next, answer, modelReading);
    }

    public ChatTurn with(Answer next) {
        return new ChatTurn(opened, state, understood, progress, qualification, turn, next, modelReading);
    }

    /** The model's reading under way ({@code null}: the reading is the one the turn goes on with). */
    public ChatTurn with(ModelReading next) {
        return new ChatTurn(opened, state, understood, progress, qualification, turn, answer, next);
    }

    /**
     * A turn is itself, not its contents. Camel's bean language looks a bean's method info up by the instance first
     * on every {@code ${variable.turn.…()}} in the route; a record's own hash would walk the whole turn (profiles,
     * lists, the turn as understood) each time — 5 % of a model-first turn's CPU under load.
     */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    // short names for the route's expressions

    /**
     * The model's reading is still under way and this turn would commit to something on the rules' reading alone:
     * propose cloth, hand the lead to sales, or book a time. Such a turn waits for the cross-checked reading
     * before anyone answers; any other turn answers at once.
     */
    public boolean commitsBeforeReading() {
        return modelReading != null && (wantsFabrics() || createsLead() || modelReading.mayBook());
    }

    /** The reading was replaced (the model read the message differently): phase, fabrics and lead are to be decided. */
    public boolean undecided() {
        return progress == null;
    }

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

    /** Fabrics are to be proposed this turn — not while the customer waits for a person (HENK does not sell then). */
    public boolean wantsFabrics() {
        return progress != null && progress.wantsFabrics() && !opened.personAwaited();
    }

    public ConversationProfile profile() {
        return understood.profile();
    }

    /** This turn qualified the lead and the customer can be reached: it goes to the CRM now. */
    public boolean createsLead() {
        return qualification != null && qualification.createLead();
    }

    /**
     * The lead was handed over before, and the customer now gives a name, an email or a phone number: the deal and
     * the Pipedrive person may take it ({@code LeadIntake.addContact} decides what fills in what).
     */
    public boolean addsContactToDeal() {
        ConversationProfile learned = understood.learned();
        return !createsLead() && state.leadDealId() != null
                && (learned.name() != null || learned.email() != null || learned.phone() != null);
    }

    public String newName() {
        return understood.learned().name();
    }

    public String newEmail() {
        return understood.learned().email();
    }

    public String newPhone() {
        return understood.learned().phone();
    }

    public Long leadDealId() {
        return state.leadDealId();
    }
}
