package de.henk.hub.chat;

import de.henk.hub.auth.Caller;
import de.henk.hub.system.BusinessMetrics;
import de.henk.hub.system.GroupCommit;
import de.henk.hub.system.Timestamps;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The turn's end: session (created, claimed by a customer who signed in, or updated), what the hub remembers of a
 * signed-in customer and both messages, all or nothing, then the chat response. Turns answered at the same time
 * share one commit ({@link GroupCommit}, at most {@code henk.chat.store.max-turns-per-commit}); each returns only once
 * its commit is done. While a person owns the session only the customer's message is stored, and HENK says nothing.
 */
@Component("chatTurnStore")
public class ChatTurnStore {

    private final ChatSessions sessions;
    private final ChatJson json;
    private final GroupCommit commits;
    private final Clock clock;
    private final BusinessMetrics metrics;

    public ChatTurnStore(ChatSessions sessions, ChatJson json, TransactionTemplate tx, Clock clock,
                         BusinessMetrics metrics, ChatSettings settings) {
        this.metrics = metrics;
        this.sessions = sessions;
        this.json = json;
        this.commits = new GroupCommit(tx, settings.store().maxTurnsPerCommit());
        this.clock = clock;
    }

    public ChatResponse persist(ChatTurn chat) {
        Turn turn = chat.turn();
        Caller caller = chat.caller();
        ChatSessions.StoredSession session = chat.opened().session();
        String reply = chat.answer().reply();
        LeadStatus lead = turn.lead();
        Long dealId = chat.answer().dealId() != null ? chat.answer().dealId() : lead.dealId();
        ChatResponse response = new ChatResponse(chat.sessionId(), reply, turn.phase().id(), turn.profile(),
                chat.answer().concierge(), turn.recommendations(), new LeadStatus(lead.status(), lead.score(),
                lead.reasons(), dealId, lead.createdNow()), turn.appointment());
        // prepared on the caller's thread: the shared commit's leader runs only the statements
        OffsetDateTime at = Timestamps.now(clock);
        String profileJson = json.write(turn.profile());
        String stateJson = json.write(chat.state());
        commits.execute(() -> {
            if (session == null) {
                sessions.create(new ChatSessions.StoredSession(chat.sessionId(), caller.userId(), turn.phase().name(),
                        profileJson, stateJson, at, at));
            } else {
                if (session.userId() == null && caller.authenticated()) {
                    sessions.claim(chat.sessionId(), caller.userId());
                }
                sessions.update(chat.sessionId(), turn.phase().name(), profileJson, stateJson, at);
            }
            if (caller.authenticated()) {
                sessions.rememberCustomer(caller.userId(), profileJson, at);
            }
            // the customer's message when it arrived, HENK's when it was ready: analytics measure the difference
            sessions.addTurn(chat.sessionId(), turn.message(), chat.opened().receivedAt(), reply, at);
        });
        metrics.chatTurn(chat.answer().concierge());
        return response;
    }

    /** A person owns the session (human handoff): HENK stays quiet; the message waits for the person's answer. */
    public ChatResponse forThePerson(ChatTurn chat) {
        Turn turn = chat.turn();
        OffsetDateTime at = Timestamps.now(clock);
        String profileJson = json.write(turn.profile());
        String stateJson = json.write(chat.state());
        commits.execute(() -> {
            sessions.update(chat.sessionId(), turn.phase().name(), profileJson, stateJson, at);
            sessions.addMessage(chat.sessionId(), "customer", turn.message(), chat.opened().receivedAt());
        });
        return new ChatResponse(chat.sessionId(), "", turn.phase().id(), turn.profile(), "staff", List.of(),
                turn.lead(), null);
    }
}
