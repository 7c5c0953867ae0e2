package de.henk.hub.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import de.henk.hub.support.SecondHub;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slowloris: a client that sends its headers and part of a body, then stalls (or trickles a byte now and then), held
 * a servlet thread for about two minutes; some two hundred of them held all of them. The body now has
 * {@code henk.http.body-read-timeout} to arrive (here 2 s): then the answer is 408 {@code request_timeout} and the
 * connection is closed, and the hub keeps serving everyone else meanwhile.
 */
class SlowBodiesAreCutOffTest extends HubTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_MS = 2000;
    private static final String HEAD = "POST /api/chat HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Content-Length: 200\r\n\r\n";

    private static SecondHub hub;
    private static int hubPort;

    @BeforeAll
    static void startHub() throws Exception {
        hub = SecondHub.start(Map.of("henk.http.body-read-timeout", TIMEOUT_MS + "ms",
                "server.tomcat.connection-timeout", "3s"));
        hubPort = URI.create(hub.api().baseUrl()).getPort();
    }

    @AfterAll
    static void stopHub() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void aBodyThatStallsIsA408WithinTheTimeout() throws Exception {
        try (Socket socket = connect()) {
            long start = System.nanoTime();
            send(socket, HEAD + "{\"message\": \"Ich su");
            Answer answer = answer(socket);
            long took = (System.nanoTime() - start) / 1_000_000;
            assertThat(answer.status()).as(answer.toString()).isEqualTo(408);
            assertThat(JSON.readTree(answer.body()).path("code").asText()).isEqualTo("request_timeout");
            assertThat(answer.head().toLowerCase()).contains("connection: close");
            // like every problem: the address asked for and the response's request id
            assertThat(JSON.readTree(answer.body()).path("instance").asText()).isEqualTo("/api/chat");
            String requestId = JSON.readTree(answer.body()).path("request_id").asText();
            assertThat(requestId).isNotEmpty();
            assertThat(answer.head()).containsIgnoringCase("X-Request-Id: " + requestId);
            assertThat(took).as("ms until the answer").isBetween(TIMEOUT_MS - 200, TIMEOUT_MS + 2500);
        }
    }

    @Test
    void aBodyThatTricklesIsA408OnceTheWholeTookTooLong() throws Exception {
        try (Socket socket = connect()) {
            long start = System.nanoTime();
            send(socket, HEAD);
            // a byte every 300 ms: each read is quick, the body as a whole would take a minute
            Thread trickle = new Thread(() -> {
                try {
                    for (int i = 0; i < 200; i++) {
                        send(socket, "x");
                        Thread.sleep(300);
                    }
                } catch (IOException | InterruptedException stopped) {
                    // the hub closed the connection (or the test is over)
                }
            });
            trickle.setDaemon(true);
            trickle.start();
            Answer answer = answer(socket);
            long took = (System.nanoTime() - start) / 1_000_000;
            trickle.interrupt();
            assertThat(answer.status()).as(answer.toString()).isEqualTo(408);
            assertThat(JSON.readTree(answer.body()).path("code").asText()).isEqualTo("request_timeout");
            assertThat(took).as("ms until the answer").isBetween(TIMEOUT_MS - 200, TIMEOUT_MS + 2500);
        }
    }

    @Test
    void manyStalledClientsAreAllCutOffAndOthersAreServedMeanwhile() throws Exception {
        int clients = 60;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Answer>> stalled = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < clients; i++) {
                stalled.add(pool.submit(() -> {
                    try (Socket socket = connect()) {
                        send(socket, HEAD + "{\"mess");
                        return answer(socket);
                    }
                }));
            }
            Thread.sleep(300);
            Api.Response served = hub.api().post("/api/chat", Map.of("message", "Hallo"), null);
            assertThat(served.status()).as(served.toString()).isEqualTo(200);
            for (Future<Answer> answer : stalled) {
                assertThat(answer.get().status()).isEqualTo(408);
            }
            long took = (System.nanoTime() - start) / 1_000_000;
            assertThat(took).as("ms until all were cut off").isLessThan(TIMEOUT_MS + 6000);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBodyThatArrivesInTimeIsRead() throws Exception {
        try (Socket socket = connect()) {
            String body = "{\"message\": \"Hallo HENK\"}";
            send(socket, "POST /api/chat HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body.substring(0, 10));
            Thread.sleep(TIMEOUT_MS / 2);
            send(socket, body.substring(10));
            Answer answer = answer(socket);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        }
    }

    @Test
    void headersThatNeverEndAreCutOffByTheConnectionTimeout() throws Exception {
        try (Socket socket = connect()) {
            long start = System.nanoTime();
            send(socket, "GET /api/fabrics/search?q=wolle HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try {
                in.transferTo(received);
            } catch (IOException reset) {
                // closed by the hub
            }
            long took = (System.nanoTime() - start) / 1_000_000;
            // Tomcat closes such a connection without an answer (nothing to answer: the request never arrived)
            assertThat(took).as("ms until closed").isBetween(2500L, 3000L + 3000L);
        }
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", hubPort), 5000);
        socket.setSoTimeout(20_000);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private record Answer(int status, String head, String body) { }

    /** Everything the hub sends until it closes the connection. */
    private static Answer answer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try {
            in.transferTo(received);
        } catch (IOException reset) {
            // a reset after the answer: what arrived is the answer
        }
        String text = received.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return new Answer(-1, text, "");
        }
        String head = text.substring(0, end);
        String body = text.substring(end + 4);
        if (head.toLowerCase().contains("transfer-encoding: chunked")) {
            body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("}") + 1);
        }
        return new Answer(Integer.parseInt(head.substring(9, 12)), head, body);
    }
}
