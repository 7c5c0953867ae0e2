package de.henk.hub.chat;

import de.henk.hub.events.DomainEvents;
import org.springframework.stereotype.Component;

/**
 * {@code henk.chat.turn}: a turn was answered — through the event outbox like every domain event
 * ({@code docs/events.md}), so it reaches the same channel. No personal data: no message, no name, no contact; the
 * session id, the phase, who answered, the lead's status and score, and the turn's number.
 */
@Component("chatTurnEvents")
public class ChatTurnEvents {

    private final DomainEvents events;

    public ChatTurnEvents(DomainEvents events) {
        this.events = events;
    }

    public void turnAnswered(ChatTurn turn, ChatResponse response) {
        events.record("chat.turn", "chat/" + turn.sessionId(), DomainEvents.data("session_id", turn.sessionId(),
                "turn", turn.state().turns(), "phase", response.phase(), "concierge", response.concierge(),
                "lead_status", response.lead().status(), "lead_score", response.lead().score(),
                "deal_id", response.lead().dealId(), "signed_in", turn.caller().authenticated()));
    }
}
