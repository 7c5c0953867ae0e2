package de.henk.hub.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One anonymous website visitor chatting with HENK over {@code POST /api/chat}: the first message opens a session,
 * every later one continues it. Each answer must be a 200.
 */
public final class Visitor {

    private final Api api;
    private String session;

    public Visitor(Api api) {
        this.api = api;
    }

    /** Sends one message in this visitor's conversation and returns HENK's answer. */
    public Api.Response say(String message) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("message", message));
        if (session != null) {
            body.put("session_id", session);
        }
        Api.Response turn = api.post("/api/chat", body, "");
        assertThat(turn.status()).as(turn.toString()).isEqualTo(200);
        session = turn.text("session_id");
        return turn;
    }

    /** The conversation's session id, or null before the first message. */
    public String session() {
        return session;
    }
}
