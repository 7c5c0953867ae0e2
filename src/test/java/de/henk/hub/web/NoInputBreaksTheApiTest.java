package de.henk.hub.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.henk.hub.support.HubTest;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deterministic fuzz sweep over every REST endpoint the routes declare (read from the running CamelContext):
 * random methods, content types, bodies, headers, tokens, unicode, huge and nested values, plus raw-socket requests
 * no well-behaved client sends (broken request lines, bad percent-encoding, oversized headers, abandoned bodies).
 * Nothing may answer 5xx, every 4xx is a problem document with a code and no stack trace, the log stays clean, the
 * hub stays healthy, and a rejected write leaves every business table as it was. Seed: -Dhenk.fuzz.seed.
 */
class NoInputBreaksTheApiTest extends HubTest {

    private static final long SEED = Long.getLong("henk.fuzz.seed", 20261204L);
    private static final int PARALLEL_REQUESTS = Integer.getInteger("henk.fuzz.requests", 9_000);
    private static final int SEQUENTIAL_WRITES = Integer.getInteger("henk.fuzz.sequential-writes", 1_200);
    private static final List<String> BUSINESS_TABLES = List.of("app_user", "chat_session", "chat_message",
            "crm_lead", "crm_deal", "appointment", "tailoring_order", "handoff", "customer_profile", "login_session");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    @Autowired
    private CamelContext camel;
    @Autowired
    private JdbcClient db;

    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    @Test
    void tenThousandGeneratedRequestsGetNoServerErrorAndOnlyProblemDocuments() throws Exception {
        List<Endpoint> endpoints = restEndpoints();
        assertThat(endpoints).as("REST endpoints declared by the routes").hasSizeGreaterThan(30);
        Tokens tokens = tokens();
        Random random = new Random(SEED);
        List<Probe> parallel = new ArrayList<>();
        for (int i = 0; i < PARALLEL_REQUESTS; i++) {
            parallel.add(probe(random, endpoints, tokens, false));
        }
        List<Probe> writes = new ArrayList<>();
        while (writes.size() < SEQUENTIAL_WRITES) {
            Probe probe = probe(random, endpoints, tokens, true);
            // webhooks are applied asynchronously (an accepted one may add a deal later): swept in parallel only
            if (!probe.method().equals("GET") && !probe.method().equals("HEAD")
                    && !probe.path().startsWith("/api/crm/webhooks")) {
                writes.add(probe);
            }
        }

        ListAppender<ILoggingEvent> log = captureLog();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Probe probe : parallel) {
                running.add(pool.submit(() -> {
                    check(probe, send(probe));
                    sent.incrementAndGet();
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        // one at a time: a rejected write must leave every business table as it was
        awaitQuietTables();
        for (Probe probe : writes) {
            Map<String, Long> before = rowCounts();
            Answer answer = send(probe);
            check(probe, answer);
            sent.incrementAndGet();
            if (answer.status() >= 400) {
                Map<String, Long> after = rowCounts();
                if (!after.equals(before)) {
                    failures.add(probe + " -> " + answer.status() + " changed rows " + before + " -> " + after);
                }
            }
        }
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(log);

        assertThat(sent.get()).isGreaterThanOrEqualTo(10_000);
        assertThat(failures).as("requests the hub answered badly (seed " + SEED + ")").isEmpty();
        // the sweep's own requests: a dead letter an earlier test left in the shared hub's outbox is no answer to them
        List<String> badLines = log.list.stream()
                .filter(e -> !e.getThreadName().startsWith("Camel"))
                .filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)
                        || e.getFormattedMessage().contains("recycled")
                        || e.getFormattedMessage().contains("Stream closed"))
                .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage())
                .distinct().limit(20).toList();
        assertThat(badLines).as("errors logged during the sweep").isEmpty();
        assertThat(api.get("/actuator/health", null).json().path("status").asText()).isEqualTo("UP");
    }

    // ---- what to send

    record Endpoint(String method, String path) { }

    record Tokens(String customer, String sales, String expired, String forged, String unsigned) { }

    record Probe(String method, String path, Map<String, String> headers, byte[] body, String raw) {
        @Override
        public String toString() {
            if (raw != null) {
                String shown = raw.length() > 160 ? raw.substring(0, 160) + "…" : raw;
                return "RAW " + shown.replace("\r\n", "⏎");
            }
            String shownBody = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            shownBody = shownBody.length() > 120 ? shownBody.substring(0, 120) + "…" : shownBody;
            String shownPath = path.length() > 160 ? path.substring(0, 160) + "…" : path;
            return method + " " + shownPath + " " + headers.keySet() + " " + shownBody;
        }
    }

    record Answer(int status, String contentType, String body) { }

    private List<Endpoint> restEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RestDefinition rest : ((ModelCamelContext) camel).getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                String path = (rest.getPath() == null ? "" : rest.getPath())
                        + (verb.getPath() == null ? "" : verb.getPath());
                endpoints.add(new Endpoint(verb.asVerb().toUpperCase(Locale.ROOT), path.replace("//", "/")));
            }
        }
        return endpoints;
    }

    private Tokens tokens() throws Exception {
        Account customer = register(uniqueEmail("fuzz-kunde"));
        Account sales = salesPerson();
        String sid = com.nimbusds.jwt.JWTParser.parse(customer.accessToken()).getJWTClaimsSet().getStringClaim("sid");
        JWTClaimsSet expiredClaims = new JWTClaimsSet.Builder().issuer("henk-hub").subject(customer.userId())
                .issueTime(java.util.Date.from(Instant.now().minusSeconds(7200)))
                .expirationTime(java.util.Date.from(Instant.now().minusSeconds(3600)))
                .claim("roles", List.of("CUSTOMER")).claim("sid", sid).build();
        SignedJWT expired = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), expiredClaims);
        expired.sign(new MACSigner(JWT_SECRET.getBytes(StandardCharsets.UTF_8)));
        JWTClaimsSet adminClaims = new JWTClaimsSet.Builder().issuer("henk-hub").subject(customer.userId())
                .expirationTime(java.util.Date.from(Instant.now().plusSeconds(3600)))
                .claim("roles", List.of("ADMIN", "BETA")).claim("sid", sid).build();
        SignedJWT forged = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), adminClaims);
        forged.sign(new MACSigner("another-key-of-at-least-thirty-two-bytes!!".getBytes(StandardCharsets.UTF_8)));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String unsigned = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(adminClaims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
        return new Tokens(customer.accessToken(), sales.accessToken(), expired.serialize(), forged.serialize(),
                unsigned);
    }

    private static final String[] NASTY = {"", " ", "null", "0", "-1", "99999999999999999999", "1e309", "NaN",
            "ü", "Grüße aus München 😀", "\u202Eevil", "\u0000", "a\r\nX-Injected: 1", "' OR '1'='1", "1; DROP TABLE app_user;--",
            "<script>alert(1)</script>", "${jndi:ldap://x/a}", "#{7*7}", "{{7*7}}", "../../etc/passwd", "%00", "%2e%2e%2f",
            "\\u0000", "true", "[]", "{}", "kunde@example.com", "+49 170 1234567", "2026-13-45", "2027-06-15", "10:00",
            "measurement", "won", "open", "BETA", "ADMIN"};
    private static final String[] FIELDS = {"message", "session_id", "email", "username", "password", "name",
            "phone", "deal_title", "deal_value", "currency", "stage_id", "value", "status", "lost_reason", "date",
            "time", "type", "customer_id", "notes", "content", "reason", "roles", "refresh_token", "is_beta_user",
            "meta", "data", "previous", "current", "id", "__proto__", "constructor"};
    private static final String[] QUERY_KEYS = {"email", "status", "stage_id", "page", "size", "q", "style",
            "season", "color", "occasion", "garment", "max_price", "limit", "date", "type", "customer_id", "from",
            "to", "sort"};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=UTF-8",
            "application/json; charset=ISO-8859-1", "text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=xyz", "application/xml", "text/event-stream", "application/problem+json",
            "*/*", "garbage", "application/json; boundary=\"", ""};
    private static final String[] ACCEPTS = {"application/json", "text/event-stream", "*/*", "text/html",
            "application/xml", "application/problem+json", "image/png", ";;;"};

    private Probe probe(Random random, List<Endpoint> endpoints, Tokens tokens, boolean writesOnly) {
        if (!writesOnly && random.nextInt(100) < 8) {
            return rawProbe(random, endpoints);
        }
        Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
        String method = random.nextInt(100) < 80 ? endpoint.method()
                : pick(random, new String[] {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"});
        String path = fillPath(random, endpoint.path()) + query(random);
        Map<String, String> headers = new LinkedHashMap<>();
        String token = switch (random.nextInt(10)) {
            case 0 -> null;
            case 1 -> "";
            case 2 -> "Bearer";
            case 3 -> "Bearer " + tokens.expired();
            case 4 -> "Bearer " + tokens.forged();
            case 5 -> "Bearer " + tokens.unsigned();
            case 6 -> webhookAuthorization(WEBHOOK_USER, WEBHOOK_PASSWORD);
            // the sales team's token only reads: the sweep must not move deals other tests made
            case 7 -> method.equals("GET") ? "Bearer " + tokens.sales() : "Bearer " + tokens.customer();
            default -> "Bearer " + tokens.customer();
        };
        if (token != null) {
            headers.put("Authorization", token);
        }
        if (random.nextInt(3) == 0) {
            headers.put("Accept", pick(random, ACCEPTS));
        }
        if (random.nextInt(8) == 0) {
            headers.put("X-Request-Id", pick(random, new String[] {"<script>", "a".repeat(300), "ok-id-123", "ü"}));
        }
        if (random.nextInt(10) == 0) {
            headers.put("Idempotency-Key", pick(random, NASTY).replaceAll("[\\r\\n\\x00]", ""));
        }
        if (random.nextInt(12) == 0) {
            headers.put("Origin", pick(random, new String[] {"https://evil.example", "http://localhost:3000", "null"}));
        }
        byte[] body = null;
        if (!method.equals("GET") && !method.equals("HEAD") && random.nextInt(10) < 8) {
            body = body(random);
            String contentType = pick(random, CONTENT_TYPES);
            if (random.nextInt(3) == 0) {
                contentType = "application/json";
            }
            if (!contentType.isEmpty()) {
                headers.put("Content-Type", contentType);
            }
        }
        headers.replaceAll((name, value) -> value.replaceAll("[\\r\\n\\x00]", ""));
        return new Probe(method, path, headers, body, null);
    }

    private String fillPath(Random random, String template) {
        StringBuilder path = new StringBuilder();
        for (String segment : template.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            path.append('/');
            if (segment.startsWith("{")) {
                String value = switch (random.nextInt(6)) {
                    case 0 -> String.valueOf(random.nextInt(50));
                    case 1 -> String.valueOf(random.nextLong());
                    case 2 -> "x".repeat(1 + random.nextInt(3000));
                    default -> pick(random, NASTY);
                };
                path.append(encode(value));
            } else {
                path.append(segment);
            }
        }
        return path.toString();
    }

    private String query(Random random) {
        int parameters = random.nextInt(4);
        if (parameters == 0) {
            return "";
        }
        StringBuilder query = new StringBuilder("?");
        for (int i = 0; i < parameters; i++) {
            if (i > 0) {
                query.append('&');
            }
            query.append(pick(random, QUERY_KEYS)).append('=').append(encode(random.nextInt(15) == 0
                    ? "z".repeat(5000) : pick(random, NASTY)));
        }
        return query.toString();
    }

    private byte[] body(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> new byte[0];
            case 1 -> "{\"message\": ".getBytes(StandardCharsets.UTF_8);
            case 2 -> "[".repeat(2000 + random.nextInt(5000)).getBytes(StandardCharsets.UTF_8);
            case 3 -> {
                byte[] bytes = new byte[1 + random.nextInt(2000)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case 4 -> ("email=a%40b.c&password=x&refresh_token=" + pick(random, NASTY)).getBytes(StandardCharsets.UTF_8);
            case 5 -> ("{\"message\":\"" + "ä".repeat(40_000 + random.nextInt(40_000)) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            case 6 -> "<lead><name>x</name></lead>".getBytes(StandardCharsets.UTF_8);
            case 7 -> {
                StringBuilder nested = new StringBuilder();
                int depth = 50 + random.nextInt(3000);
                nested.append("{\"a\":".repeat(depth)).append("1").append("}".repeat(depth));
                yield nested.toString().getBytes(StandardCharsets.UTF_8);
            }
            default -> jsonObject(random).getBytes(StandardCharsets.UTF_8);
        };
    }

    private String jsonObject(Random random) {
        Map<String, Object> object = new LinkedHashMap<>();
        int fields = 1 + random.nextInt(7);
        for (int i = 0; i < fields; i++) {
            object.put(pick(random, FIELDS), value(random, 0));
        }
        try {
            return JSON.writeValueAsString(object);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Object value(Random random, int depth) {
        return switch (random.nextInt(depth > 2 ? 6 : 9)) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt(2) == 0 ? random.nextInt() : random.nextDouble() * 1e12;
            case 3 -> Long.MAX_VALUE;
            case 4, 5 -> pick(random, NASTY);
            case 6 -> java.util.Arrays.asList(value(random, depth + 1), value(random, depth + 1));
            case 7 -> Collections.singletonMap(pick(random, FIELDS), value(random, depth + 1));
            default -> "w".repeat(random.nextInt(70_000));
        };
    }

    private Probe rawProbe(Random random, List<Endpoint> endpoints) {
        String path = endpoints.get(random.nextInt(endpoints.size())).path().replaceAll("\\{[^}]+}", "1");
        String host = "Host: localhost:" + port + "\r\n";
        String raw = switch (random.nextInt(11)) {
            case 0 -> "GET " + path + "/%ZZ%G1 HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n";
            case 1 -> "GET " + path + "?q=%E0%A4%A HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n";
            case 2 -> "GET " + path + " HTTP/1.1\r\n" + host + "X-Big: " + "b".repeat(9000 + random.nextInt(60_000))
                    + "\r\nConnection: close\r\n\r\n";
            case 3 -> "GET " + path + "?" + "q".repeat(9000 + random.nextInt(60_000)) + " HTTP/1.1\r\n" + host
                    + "Connection: close\r\n\r\n";
            case 4 -> "G\u0001T " + path + " HTTP/1.1\r\n" + host + "\r\n";
            case 5 -> "GET " + path + " HTTP/9.9\r\n" + host + "Connection: close\r\n\r\n";
            case 6 -> "GET " + path + " HTTP/1.1\r\nBroken header line\r\n" + host + "Connection: close\r\n\r\n";
            case 7 -> "POST " + path + " HTTP/1.1\r\n" + host + "Content-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n";
            case 8 -> "POST " + path + " HTTP/1.1\r\n" + host + "Content-Type: application/json\r\n"
                    + "Content-Length: 5000\r\nConnection: close\r\n\r\n{\"message\":\"abandoned";
            case 9 -> "POST " + path + " HTTP/1.1\r\n" + host + "Content-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 27\r\nConnection: close\r\n\r\n{\"refresh_token\":\"x\",\"a\":1}";
            default -> "GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n";
        };
        return new Probe("RAW", path, Map.of(), null, raw);
    }

    // ---- sending and judging

    private Answer send(Probe probe) {
        if (probe.raw() != null) {
            return sendRaw(probe);
        }
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + probe.path()))
                    .timeout(Duration.ofSeconds(30));
            probe.headers().forEach((name, value) -> {
                try {
                    request.header(name, value);
                } catch (IllegalArgumentException restricted) {
                    // the JDK client refuses some header values; leave that header out
                }
            });
            request.method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (java.io.IOException e) {
            // a 413 for a body still being sent may close the connection under the client: the raw probes judge that
            return new Answer(-1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer sendRaw(Probe probe) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(probe.raw().getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (probe.raw().contains("abandoned")) {
                socket.shutdownOutput(); // the client gives up half-way through its body
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException | java.net.SocketException stop) {
                // keep what arrived
            }
            String text = received.toString(StandardCharsets.UTF_8);
            if (text.isEmpty()) {
                return new Answer(0, "", "");
            }
            int headerEnd = text.indexOf("\r\n\r\n");
            String head = headerEnd < 0 ? text : text.substring(0, headerEnd);
            String body = headerEnd < 0 ? "" : text.substring(headerEnd + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            String contentType = head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-type:"))
                    .map(l -> l.substring(13).trim()).findFirst().orElse("");
            if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return new Answer(status, contentType, body);
        } catch (java.io.IOException e) {
            return new Answer(-2, "", e.toString());
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
        int at = 0;
        while (at < bytes.length) {
            int lineEnd = chunked.indexOf("\r\n", 0);
            String rest = new String(bytes, at, bytes.length - at, StandardCharsets.UTF_8);
            lineEnd = rest.indexOf("\r\n");
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(rest.substring(0, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            int start = at + rest.substring(0, lineEnd + 2).getBytes(StandardCharsets.UTF_8).length;
            body.append(new String(bytes, start, Math.min(size, bytes.length - start), StandardCharsets.UTF_8));
            at = start + size + 2;
        }
        return body.toString();
    }

    private void check(Probe probe, Answer answer) {
        if (answer.status() < 0) {
            // the client library could not send or read (e.g. the hub closed a connection after a 413); only a
            // connection refused would be the hub's fault
            if (answer.body().contains("Connection refused")) {
                failures.add(probe + " -> " + answer.body());
            }
            return;
        }
        if (answer.status() == 0) {
            if (!probe.toString().contains("abandoned") && !probe.toString().contains("G\u0001T")) {
                failures.add(probe + " -> no answer at all");
            }
            return;
        }
        if (answer.status() >= 500) {
            failures.add(probe + " -> " + answer.status() + " " + shorten(answer.body()));
            return;
        }
        String body = answer.body() == null ? "" : answer.body();
        if (body.contains("\tat ") || body.contains("Exception") || body.toLowerCase(Locale.ROOT).contains("<html")) {
            failures.add(probe + " -> " + answer.status() + " leaks: " + shorten(body));
            return;
        }
        if (answer.status() >= 400 && !probe.method().equals("HEAD")) {
            if (!answer.contentType().startsWith("application/problem+json")) {
                failures.add(probe + " -> " + answer.status() + " as " + answer.contentType() + ": " + shorten(body));
                return;
            }
            try {
                JsonNode problem = JSON.readTree(body);
                if (problem.path("code").asText("").isEmpty() || problem.path("status").asInt() != answer.status()) {
                    failures.add(probe + " -> " + answer.status() + " problem without code/status: " + shorten(body));
                }
            } catch (Exception e) {
                failures.add(probe + " -> " + answer.status() + " unreadable problem: " + shorten(body));
            }
        }
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : BUSINESS_TABLES) {
            counts.put(table, db.sql("select count(*) from " + table).query(Long.class).single());
        }
        return counts;
    }

    /** What the parallel sweep set off (webhooks applied, mails queued) has settled. */
    private void awaitQuietTables() throws InterruptedException {
        Map<String, Long> previous = rowCounts();
        for (int i = 0; i < 30; i++) {
            Thread.sleep(1000);
            Map<String, Long> now = rowCounts();
            if (now.equals(previous)) {
                return;
            }
            previous = now;
        }
    }

    private static ListAppender<ILoggingEvent> captureLog() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        // the hub's other threads log while a test reads the list
        appender.list = new CopyOnWriteArrayList<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(appender);
        return appender;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String shorten(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
