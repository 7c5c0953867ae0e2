package de.henk.hub.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.henk.hub.auth.Caller;
import de.henk.hub.auth.Role;
import de.henk.hub.config.HenkProperties;
import de.henk.hub.system.Page;
import de.henk.hub.system.Timestamps;
import de.henk.hub.web.ApiException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A chat turn: find or open the session (claiming an anonymous one for a signed-in customer), understand the
 * message, answer it, and store both sides. Sessions belong to their user; nobody else sees them.
 */
@Service("chat")
public class ChatService {

    private final ChatSessions sessions;
    private final ProfileExtractor extractor;
    private final OfflineConcierge concierge = new OfflineConcierge();
    private final ObjectMapper json;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int maxMessageLength;

    public ChatService(ChatSessions sessions, ObjectMapper json, TransactionTemplate tx, Clock clock,
                       HenkProperties properties) {
        this.sessions = sessions;
        this.extractor = new ProfileExtractor(clock);
        this.json = json;
        this.tx = tx;
        this.clock = clock;
        this.maxMessageLength = properties.chat().maxMessageLength();
    }

    public ChatResponse turn(ChatRequest request, Caller caller) {
        String message = request.message().strip();
        if (message.codePointCount(0, message.length()) > maxMessageLength) {
            throw new ApiException(400, "message_too_long",
                    "A message may have at most " + maxMessageLength + " characters",
                    List.of(new ApiException.FieldError("message", "too long")), java.util.Map.of());
        }
        ChatSessions.StoredSession session = request.sessionId() == null ? null : continuable(request.sessionId(), caller);
        ConversationProfile before = session == null ? ConversationProfile.empty() : profile(session.profileJson());
        ConversationProfile learned = extractor.extract(message);
        ConversationProfile now = before.mergedWith(learned);
        Phase phase = Phase.next(now);
        String reply = concierge.reply(before, learned, now, phase);

        String sessionId = tx.execute(status -> {
            OffsetDateTime at = Timestamps.now(clock);
            String id;
            if (session == null) {
                id = ChatSessions.newId();
                sessions.create(new ChatSessions.StoredSession(id, caller.userId(), phase.name(), write(now), at, at));
            } else {
                id = session.id();
                if (session.userId() == null && caller.authenticated()) {
                    sessions.claim(id, caller.userId());
                }
                sessions.update(id, phase.name(), write(now), at);
            }
            sessions.addMessage(id, "customer", message, at);
            sessions.addMessage(id, "henk", reply, at);
            return id;
        });
        return new ChatResponse(sessionId, reply, phase.name().toLowerCase(), now, "offline");
    }

    public SessionList list(Caller caller, String page, String size) {
        Page.Request request = Page.request(page, size);
        return new SessionList(sessions.ofUser(caller.userId(), request.offset(), request.size()),
                request.of(sessions.countOfUser(caller.userId())));
    }

    public SessionDetail get(String sessionId, Caller caller) {
        ChatSessions.StoredSession session = sessions.find(sessionId)
                .filter(s -> caller.has(Role.BETA) || (s.userId() != null && s.userId().equals(caller.userId())))
                .orElseThrow(ChatService::notFound);
        return new SessionDetail(session.id(), session.phase().toLowerCase(), profile(session.profileJson()),
                session.createdAt(), session.updatedAt(), sessions.messages(session.id()));
    }

    /** The session a turn may continue: anonymous ones by whoever holds the id, owned ones only by the owner. */
    private ChatSessions.StoredSession continuable(String sessionId, Caller caller) {
        ChatSessions.StoredSession session = sessions.find(sessionId).orElseThrow(ChatService::notFound);
        if (session.userId() != null && !session.userId().equals(caller.userId())) {
            throw notFound();
        }
        return session;
    }

    private static ApiException notFound() {
        return ApiException.notFound("session_not_found", "No chat session with this id");
    }

    private ConversationProfile profile(String stored) {
        try {
            return json.readValue(stored, ConversationProfile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored profile is not readable", e);
        }
    }

    private String write(ConversationProfile profile) {
        try {
            return json.writeValueAsString(profile);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public record SessionList(List<ChatSessions.SessionSummary> sessions, Page page) { }

    public record SessionDetail(String sessionId, String phase, ConversationProfile profile, OffsetDateTime createdAt,
                                OffsetDateTime updatedAt, List<ChatSessions.StoredMessage> messages) { }
}
