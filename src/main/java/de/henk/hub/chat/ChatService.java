package de.henk.hub.chat;

import de.henk.hub.auth.Caller;
import de.henk.hub.system.Page;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/**
 * The chat as Java callers see it: {@link #turn} runs one turn through {@code direct:chat-answer} — the same
 * route {@code POST /api/chat} uses after it identified the caller, validated and rate-limited the request (see
 * {@code routes/chat.camel.yaml}: every step of a turn is there). Sessions belong to their user; nobody else sees
 * them. Nothing a customer writes is logged.
 */
@Service("chat")
public class ChatService {

    private final ProducerTemplate camel;
    private final ChatSessionStore store;

    public ChatService(@Lazy ProducerTemplate camel, ChatSessionStore store) {
        this.camel = camel;
        this.store = store;
    }

    /** One turn, answered as JSON would be (failures are thrown, as {@code ApiException} for bad input). */
    public ChatResponse turn(ChatRequest request, Caller caller) {
        Exchange exchange = new DefaultExchange(camel.getCamelContext());
        exchange.getIn().setBody(request);
        exchange.setVariable("caller", caller);
        Exchange done = camel.send("direct:chat-answer", exchange);
        if (done.getException() != null) {
            throw done.getException() instanceof RuntimeException e ? e
                    : new IllegalStateException(done.getException());
        }
        return done.getMessage().getBody(ChatResponse.class);
    }

    public SessionList list(Caller caller, String page, String size) {
        return store.list(caller, page, size);
    }

    public SessionDetail get(String sessionId, Caller caller) {
        return store.get(sessionId, caller);
    }

    public record SessionList(List<ChatSessions.SessionSummary> sessions, Page page) { }

    public record SessionDetail(String sessionId, String phase, ConversationProfile profile, OffsetDateTime createdAt,
                                OffsetDateTime updatedAt, List<ChatSessions.StoredMessage> messages) { }
}
