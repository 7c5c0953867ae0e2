package de.henk.hub.chat;

import de.henk.hub.auth.Caller;
import de.henk.hub.auth.Role;
import de.henk.hub.handoff.Handoffs;
import de.henk.hub.system.Page;
import de.henk.hub.system.Timestamps;
import de.henk.hub.web.ApiException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code direct:chat-load-session}: the session a message belongs to — a new one, or one the caller may continue
 * (anonymous ones by whoever holds the id, owned ones only by their owner; a signed-in customer claiming an
 * anonymous one brings what the hub knew of them). Also the customer's own session list and one session's
 * messages. Reads only: the turn is stored at its end ({@link ChatTurnStore}).
 */
@Component("chatSessionStore")
public class ChatSessionStore {

    private final ChatSessions sessions;
    private final ChatJson json;
    private final ReturningCustomer returning;
    private final Handoffs handoffs;
    private final Clock clock;
    private final int maxMessageLength;

    public ChatSessionStore(ChatSessions sessions, ChatJson json, ReturningCustomer returning, Handoffs handoffs,
                            Clock clock, ChatSettings settings) {
        this.sessions = sessions;
        this.json = json;
        this.returning = returning;
        this.handoffs = handoffs;
        this.clock = clock;
        this.maxMessageLength = settings.maxMessageLength();
    }

    public ChatTurn load(ChatRequest request, Caller caller) {
        OffsetDateTime receivedAt = Timestamps.now(clock);
        String message = request.message().strip();
        if (message.codePointCount(0, message.length()) > maxMessageLength) {
            throw new ApiException(400, "message_too_long",
                    "A message may have at most " + maxMessageLength + " characters",
                    List.of(new ApiException.FieldError("message", "too long")), Map.of());
        }
        LocalDate today = LocalDate.now(clock);
        ChatSessions.StoredSession session = request.sessionId() == null ? null : continuable(request.sessionId(), caller);
        if (session == null) {
            Turn.Returning known = caller.authenticated() ? returning.of(caller, today) : null;
            ConversationProfile before = known != null ? known.remembered() : ConversationProfile.empty();
            return ChatTurn.opened(new ChatTurn.Opened(message, caller, receivedAt, ChatSessions.newId(), null, false,
                    false, before, null, known), ConversationState.initial());
        }
        ConversationProfile before = json.profile(session.profileJson());
        if (session.userId() == null && caller.authenticated()) {
            // an anonymous conversation becomes the customer's: it joins what the hub already knew of them
            before = returning.joined(caller, before, today);
        }
        Handoffs.Wait team = handoffs.waitFor(session.id());
        return ChatTurn.opened(new ChatTurn.Opened(message, caller, receivedAt, session.id(), session,
                team == Handoffs.Wait.TAKEN, team == Handoffs.Wait.WAITING, before, Phase.of(session.phase()), null),
                json.state(session.stateJson()));
    }

    public ChatService.SessionList list(Caller caller, String page, String size) {
        Page.Request request = Page.request(page, size);
        return new ChatService.SessionList(sessions.ofUser(caller.userId(), request.offset(), request.size()),
                request.of(sessions.countOfUser(caller.userId())));
    }

    public ChatService.SessionDetail get(String sessionId, Caller caller) {
        ChatSessions.StoredSession session = sessions.find(sessionId)
                .filter(s -> caller.has(Role.BETA) || (s.userId() != null && s.userId().equals(caller.userId())))
                .orElseThrow(ChatSessionStore::notFound);
        return new ChatService.SessionDetail(session.id(), session.phase().toLowerCase(),
                json.profile(session.profileJson()), session.createdAt(), session.updatedAt(),
                sessions.messages(session.id()));
    }

    private ChatSessions.StoredSession continuable(String sessionId, Caller caller) {
        ChatSessions.StoredSession session = sessions.find(sessionId).orElseThrow(ChatSessionStore::notFound);
        if (session.userId() != null && !session.userId().equals(caller.userId())) {
            throw notFound();
        }
        return session;
    }

    private static ApiException notFound() {
        return ApiException.notFound("session_not_found", "No chat session with this id");
    }
}
