package de.henk.hub.chat;

import de.henk.hub.chat.llm.LlmConcierge;
import de.henk.hub.support.Api;
import de.henk.hub.support.OpenAiStub;
import de.henk.hub.support.SecondHub;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A customer who closes the page while HENK's reply streams ({@code Accept: text/event-stream}) says nothing about
 * the language model: the hub stops relaying the model's stream, but the circuit breaker counts no failure — five
 * closed streams against a threshold of three leave the model answering the next turn.
 */
class ClosedChatStreamIsNoModelFailureTest {

    private static final int THRESHOLD = 3;
    private static final String LONG_REPLY = "Sehr gern! " + "Ein Maßanzug für die Hochzeit braucht Zeit und Ruhe. "
            .repeat(8) + "Für welche Jahreszeit planen Sie?";

    private static OpenAiStub stub;
    private static SecondHub hub;

    @BeforeAll
    static void startHubWithModel() throws Exception {
        stub = OpenAiStub.start();
        hub = SecondHub.start(Map.of("henk.llm.provider", "openai", "henk.llm.base-url", stub.baseUrl(),
                "henk.llm.model", "stub-model", "henk.llm.api-key", "test-key", "henk.llm.timeout", "20s",
                "henk.llm.failure-threshold", String.valueOf(THRESHOLD), "henk.llm.circuit-open-for", "60s"));
    }

    @AfterAll
    static void stop() {
        hub.close();
        stub.close();
    }

    @Test
    void customersClosingTheStreamDoNotOpenTheCircuit() throws Exception {
        CircuitBreaker breaker = hub.context().getBean(LlmConcierge.class).circuitBreaker();
        breaker.reset();
        stub.reset();
        stub.defaultReply = LONG_REPLY;
        stub.pieceDelayMs = 60; // about 60 pieces: several seconds of streaming, closed after the first

        MeterRegistry meters = hub.context().getBean(MeterRegistry.class);
        double turnsBefore = turns(meters);
        int closed = THRESHOLD + 2;
        for (int i = 1; i <= closed; i++) {
            readFirstChunkAndHangUp("Ich suche einen Anzug für eine Hochzeit");
            int ended = i;
            // the hub noticed the closed stream and finished the turn (its breaker accounting comes before that);
            // an opened circuit ends the wait too — the assertions below tell what went wrong
            await().atMost(Duration.ofSeconds(15)).until(() -> turns(meters) >= turnsBefore + ended
                    || breaker.getState() != CircuitBreaker.State.CLOSED);
        }

        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        stub.defaultReply = "Wunderbar – für welche Jahreszeit?";
        stub.pieceDelayMs = 5;
        Api.Response next = hub.api().post("/api/chat", Map.of("message", "Ich suche einen Anzug für eine Hochzeit"),
                "");
        assertThat(next.status()).as(next.toString()).isEqualTo(200);
        assertThat(next.text("concierge")).isEqualTo("openai");
        assertThat(next.text("reply")).isEqualTo("Wunderbar – für welche Jahreszeit?");
    }

    private static double turns(MeterRegistry meters) {
        return meters.find("henk.chat.turns").counters().stream().mapToDouble(Counter::count).sum();
    }

    /** A streamed turn over a plain socket: read up to the first piece of the reply, then reset the connection. */
    private static void readFirstChunkAndHangUp(String message) throws Exception {
        int port = Integer.parseInt(hub.api().baseUrl().replaceAll(".*:(\\d+)$", "$1"));
        byte[] body = Api.write(Map.of("message", message)).getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/chat HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Accept: text/event-stream\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            String status = in.readLine();
            assertThat(status).startsWith("HTTP/1.1 200");
            String line;
            while ((line = in.readLine()) != null && !line.equals("event: chunk")) {
                assertThat(line).as("the stream ended before a piece came").isNotEqualTo("event: done");
            }
            assertThat(line).isEqualTo("event: chunk");
            socket.setSoLinger(true, 0); // the tab is closed: RST, not a polite FIN
        }
    }
}
