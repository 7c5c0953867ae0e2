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
        return turn.with(settled.state()).with(complete)
                .with(new ChatTurn.Answer(concierge.reply(complete), null, null, null));
    }
}
