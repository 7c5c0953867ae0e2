package de.henk.hub.chat;

import org.springframework.stereotype.Component;

/**
 * {@code direct:chat-calendar}: the atelier calendar's part of the turn, before anyone answers — free times
 * offered, or the chosen one booked for a signed-in customer ({@link ChatAppointments}; its own transaction: a
 * booking stands even if storing the turn fails later). Then the offline concierge's reply, which the LLM gets as
 * guidance and which is the fallback, so that both say what really happened.
 */
@Component("chatCalendar")
public class CalendarStep {

    private final ChatAppointments calendar;
    private final OfflineConcierge concierge = new OfflineConcierge();

    public CalendarStep(ChatAppointments calendar) {
        this.calendar = calendar;
    }

    public ChatTurn settle(ChatTurn turn) {
        ChatAppointments.Settled settled = calendar.settle(turn.message(), turn.understood().learned(), turn.state(),
                turn.caller());
        Turn complete = turn.turn().with(settled.appointment());
        ConversationState state = settled.state();
        if (ConciergeCalendar.asksAboutTheCalendar(settled.appointment()) && turn.progress().phase() == Phase.FABRIC
                && !complete.recommendations().isEmpty()) {
            // "klassisch, blau – und gern einen Termin": the free times are this turn's one question, so the first
            // proposal would go unseen; it is made in the turn the customer picks a time, not marked as made now
            complete = complete.withoutRecommendations();
            state = state.withoutFirstProposal();
        }
        return turn.with(state).with(complete)
                .with(new ChatTurn.Answer(concierge.reply(complete), null, null, null));
    }
}
