package de.henk.hub.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.henk.hub.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/chat} with {@code Accept: text/event-stream}: the turn's reply as server-sent events, written
 * straight to the servlet response as the LLM produces it — {@code event: chunk} with {@code {"text": …}} per piece,
 * then {@code event: done} with the whole chat response (its {@code reply} is the one stored; after a fallback it
 * replaces what was shown). Anything that fails before the first event is an ordinary problem response; after it,
 * {@code event: error} with the problem's code.
 */
@Component("chatStream")
public class ChatStream {

    private final ObjectMapper json;

    public ChatStream(ObjectMapper json) {
        this.json = json;
    }

    public static boolean wanted(String accept) {
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/event-stream");
    }

    /** First step of a chat turn: the servlet response behind the exchange, if any. */
    public HttpServletResponse response(Exchange exchange) {
        return exchange.getIn() instanceof PlatformHttpMessage message ? message.getResponse() : null;
    }

    /** The sink of a streamed turn (nothing is written yet); 406 when the turn did not come over HTTP. */
    public Sink open(HttpServletResponse response) {
        if (response == null) {
            throw new ApiException(406, "not_acceptable", "Streaming is only available over HTTP");
        }
        return new Sink(response);
    }

    /** The last event: the whole chat response. The route ends here (the response is written). */
    public void done(Sink sink, ChatResponse response, Exchange exchange) {
        sink.send("done", response);
        exchange.getMessage().setBody(null);
        exchange.setRouteStop(true);
    }

    /** A turn failed: before the first event an ordinary problem response (rethrown), after it an error event. */
    public void failed(Sink sink, Exception failure, Exchange exchange) throws Exception {
        if (sink == null || !sink.started) {
            throw failure;
        }
        sink.send("error", Map.of("code", failure instanceof ApiException api ? api.code() : "internal_error"));
        exchange.getMessage().setBody(null);
        exchange.setRouteStop(true);
    }

    /** Where the reply's pieces go, as they come. */
    public final class Sink {
        private final HttpServletResponse response;
        private OutputStream out;
        private boolean started;
        private boolean shown;

        Sink(HttpServletResponse response) {
            this.response = response;
        }

        public void chunk(String piece) {
            send("chunk", Map.of("text", piece));
            shown = true;
        }

        /** Whether a piece of the reply was shown to the customer. */
        public boolean shown() {
            return shown;
        }

        synchronized void send(String event, Object data) {
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
                throw new ChatStreamClosedException("the client went away", e);
            }
        }
    }
}
