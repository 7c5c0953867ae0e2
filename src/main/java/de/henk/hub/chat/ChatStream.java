package de.henk.hub.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.henk.hub.auth.Caller;
import de.henk.hub.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/chat} with {@code Accept: text/event-stream}: the turn's reply as server-sent events, written
 * straight to the servlet response as the LLM produces it — {@code event: chunk} with {@code {"text": …}} per piece,
 * then {@code event: done} with the whole chat response (its {@code reply} is the one stored; after a fallback it
 * replaces what was shown). Anything that fails before the first event is an ordinary problem response.
 */
@Component("chatStream")
public class ChatStream {

    private final ChatService chat;
    private final ObjectMapper json;

    public ChatStream(ChatService chat, ObjectMapper json) {
        this.chat = chat;
        this.json = json;
    }

    public static boolean wanted(String accept) {
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/event-stream");
    }

    /** First step of a chat turn: the servlet response behind the exchange, if any. */
    public HttpServletResponse response(Exchange exchange) {
        return exchange.getIn() instanceof PlatformHttpMessage message ? message.getResponse() : null;
    }

    public void stream(ChatRequest request, Caller caller, HttpServletResponse response, Exchange exchange) {
        if (response == null) {
            throw new ApiException(406, "not_acceptable", "Streaming is only available over HTTP");
        }
        Events events = new Events(response);
        try {
            ChatResponse done = chat.streamTurn(request, caller, piece -> events.send("chunk", Map.of("text", piece)));
            events.send("done", done);
        } catch (RuntimeException e) {
            if (!events.started) {
                throw e;
            }
            events.send("error", Map.of("code", e instanceof ApiException api ? api.code() : "internal_error"));
        }
        exchange.getMessage().setBody(null);
        exchange.setRouteStop(true);
    }

    private final class Events {
        private final HttpServletResponse response;
        private OutputStream out;
        private boolean started;

        Events(HttpServletResponse response) {
            this.response = response;
        }

        void send(String event, Object data) {
            try {
                if (!started) {
                    response.setStatus(200);
                    response.setContentType("text/event-stream;charset=UTF-8");
                    response.setHeader("Cache-Control", "no-cache");
                    response.setHeader("X-Accel-Buffering", "no");
                    out = response.getOutputStream();
                    started = true;
                }
                out.write(("event: " + event + "\ndata: " + json.writeValueAsString(data) + "\n\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException("the client went away", e);
            }
        }
    }
}
