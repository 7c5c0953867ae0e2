package de.henk.hub.chat;

import de.henk.hub.events.DomainEvents;
import org.springframework.stereotype.Component;

/**
 * {@code henk.chat.turn}: a turn was answered and stored. No personal data: no message, no name, no contact; the
 * session id, the phase, who answered, the lead's status and score, and the turn's number. Telemetry, sent at most
 * once beside the answer (the wireTap {@code chat-turn-event-beside-answer} in routes/chat.camel.yaml, to route
 * {@code chat-turn-event}, which drops and counts what the channel cannot take), not through the event
 * outbox: a durable outbox row per turn, claimed and marked published later, cost about a quarter of an offline
 * turn's CPU (docs/benchmarks-chat.md). A hub killed between storing the turn and sending it loses that one event.
 */
@Component("chatTurnEvents")
public class ChatTurnEvents {

    private final DomainEvents events;

    public ChatTurnEvents(DomainEvents events) {
        this.events = events;
    }

    /** The event of the stored turn ({@code response} is what the customer got). */
    public DomainEvents.PendingEvent turnAnswered(ChatTurn turn, ChatResponse response) {
        return events.unrecorded("chat.turn", "chat/" + turn.sessionId(), DomainEvents.data("session_id", turn.sessionId(),
                "turn", turn.state().turns(), "phase", response.phase(), "concierge", response.concierge(),
                "lead_status", response.lead().status(), "lead_score", response.lead().score(),
                "deal_id", response.lead().dealId(), "signed_in", turn.caller().authenticated()));
    }
}
