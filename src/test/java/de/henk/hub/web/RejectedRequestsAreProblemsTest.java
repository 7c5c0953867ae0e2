package de.henk.hub.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.henk.hub.support.HubTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the servlet container or the security firewall turns away is answered like every other bad request: a 4xx
 * problem document with a stable code — a UTF-8 "Ä" in a header was an empty 500 on every API address, and a GET
 * of /error itself a 500 internal_error.
 */
class RejectedRequestsAreProblemsTest extends HubTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"User-Agent: Mozilla/5.0 (Ä)", "X-Anything: ключ", "Referer: https://example.com/straße",
            "Idempotency-Key: ключ"})
    void aHeaderWithBytesNoHeaderMayCarryIsA400(String header) throws IOException {
        for (String target : new String[] {"GET /api/fabrics/search?q=wolle", "GET /api/auth/me"}) {
            Raw answer = send(target + " HTTP/1.1\r\nHost: localhost\r\n" + header
                    + "\r\nConnection: close\r\n\r\n");
            assertThat(answer.status()).as(target + " with " + header).isEqualTo(400);
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.path("code").asText()).isEqualTo("invalid_header");
            assertThat(problem.path("request_id").asText()).isNotBlank();
        }
        Raw chat = send("POST /api/chat HTTP/1.1\r\nHost: localhost\r\n" + header
                + "\r\nContent-Type: application/json\r\nContent-Length: 19\r\nConnection: close\r\n\r\n"
                + "{\"message\":\"hallo\"}");
        assertThat(chat.status()).isEqualTo(400);
        assertThat(JSON.readTree(chat.body()).path("code").asText()).isEqualTo("invalid_header");
    }

    @Test
    void errorItselfIsNoAddress() throws IOException {
        for (String method : new String[] {"GET", "POST"}) {
            Raw answer = send(method + " /error HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n"
                    + "Connection: close\r\n\r\n");
            assertThat(answer.status()).as(method).isEqualTo(404);
            assertThat(JSON.readTree(answer.body()).path("code").asText()).isEqualTo("not_found");
        }
    }

    @Test
    void anAddressTheFirewallRefusesIsA400() throws IOException {
        Raw answer = send("GET /api/fabrics/search;jsessionid=x?q=wolle HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).path("code").asText()).isEqualTo("invalid_address");
    }

    private record Raw(int status, String body) { }

    private Raw send(String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            in.transferTo(received);
            String text = received.toString(StandardCharsets.UTF_8);
            int headerEnd = text.indexOf("\r\n\r\n");
            String head = text.substring(0, headerEnd);
            String body = text.substring(headerEnd + 4);
            if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return new Raw(Integer.parseInt(head.substring(9, 12)), body);
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                break;
            }
            // sizes are bytes; the problem documents here are ASCII apart from what they quote
            byte[] rest = chunked.substring(lineEnd + 2).getBytes(StandardCharsets.UTF_8);
            String piece = new String(rest, 0, size, StandardCharsets.UTF_8);
            out.append(piece);
            at = lineEnd + 2 + piece.length() + 2;
        }
        return out.toString();
    }
}
