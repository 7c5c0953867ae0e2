package de.henk.hub.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.henk.hub.support.SimSchema.ApiError;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static de.henk.hub.support.SimSchema.arrayOf;
import static de.henk.hub.support.SimSchema.bool;
import static de.henk.hub.support.SimSchema.customFields;
import static de.henk.hub.support.SimSchema.date;
import static de.henk.hub.support.SimSchema.dateTime;
import static de.henk.hub.support.SimSchema.id;
import static de.henk.hub.support.SimSchema.integer;
import static de.henk.hub.support.SimSchema.maxLength;
import static de.henk.hub.support.SimSchema.nonEmptyString;
import static de.henk.hub.support.SimSchema.nullable;
import static de.henk.hub.support.SimSchema.number;
import static de.henk.hub.support.SimSchema.obj;
import static de.henk.hub.support.SimSchema.oneOf;
import static de.henk.hub.support.SimSchema.oneOfInt;
import static de.henk.hub.support.SimSchema.string;
import static de.henk.hub.support.SimSchema.timeHhMm;

/**
 * A protocol-faithful, in-process simulator of the parts of the Pipedrive REST API the HENK hub uses:
 * a real HTTP/1.1 server on a random loopback port, with Pipedrive's envelopes, API v2 shapes and strict
 * v2 request validation, plus fault injection (5xx, 429, slow, hang, TCP reset, down, rolling rate limit).
 *
 * <p>Shapes follow the official {@code pipedrive} npm client's generated models
 * ({@code dist/versions/v2/models/{deal,person,stage-item,get-pipelines-response-all-of-data-inner,activity-item,...}.d.ts},
 * {@code dist/versions/v1/models/{note,base-webhook,add-webhook-request,...}.d.ts}).
 *
 * <p>Thread-safe. All data lives in memory; ids come from monotonically increasing counters that survive
 * {@link #reset()}, so a stale id from an earlier test never points at a new object.
 */
public final class PipedriveSimulator implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PipedriveSimulator.class.getName());

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The user the API token belongs to (owner/creator of everything created through the API). */
    public static final long USER_ID = 1;
    public static final long COMPANY_ID = 1;
    /** The seeded pipeline, the company's default (lowest order_nr) unless a test adds one before it. */
    public static final long PIPELINE_ID = 1;
    /** The seeded pipeline's name. */
    public static final String SEEDED_PIPELINE = "Pipeline";
    /** Stage names seeded into pipeline 1, ids 1..5 in this order. */
    public static final List<String> SEEDED_STAGES =
            List.of("Initial Contact", "Consultation", "Measurement", "Proposal Made", "Negotiations Started");
    /** Currency used when a deal is created without one (the simulated company's default currency). */
    public static final String DEFAULT_CURRENCY = "EUR";
    /** Activity types known to the simulated company (Pipedrive's defaults). */
    public static final Set<String> ACTIVITY_TYPES = Set.of("call", "meeting", "task", "deadline", "email", "lunch");

    private static final String ERROR_INFO = "Please check developers.pipedrive.com";
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 500;
    /** Budget reported in x-ratelimit-* headers while no limit is configured (never enforced). */
    private static final int NOMINAL_RATE_LIMIT = 10_000;
    private static final Duration NOMINAL_RATE_WINDOW = Duration.ofSeconds(2);
    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");

    private enum FaultKind { FAIL, RATE_LIMIT, SLOW, HANG, RESET }

    /**
     * Answers a Pipedrive may give that differ from this simulator's default, each valid by Pipedrive's published
     * description of API v2 (the official {@code pipedrive} npm package's models); {@link #answerAs} switches them on,
     * {@link #reset()} off.
     */
    public enum Shape {
        /** "Add a deal" (AddDealRequest) does not list origin_id: 400 "Unknown field(s): origin_id". */
        REJECTS_ORIGIN_ID,
        /**
         * As {@link #REJECTS_ORIGIN_ID}, but the 400 does not say which field (a schema validator's "Request body has
         * properties that are not allowed").
         */
        REJECTS_ORIGIN_ID_WITHOUT_NAMING_IT,
        /** origin_id is accepted but not kept (the Deal model calls it system-generated): the deal has none. */
        DROPS_ORIGIN_ID,
        /** Person search items list only id, type and name (emails and phones are optional in the model). */
        SEARCH_ITEMS_WITHOUT_CONTACTS,
        /** 429 with its headers spelled in capitals (RETRY-AFTER, X-RATELIMIT-RESET) and the reset only. */
        RATE_LIMIT_HEADERS_IN_CAPITALS,
        /** A deleted deal or activity is 410 Gone (to GET and DELETE), not 200 with is_deleted / 404. */
        GONE_AS_410
    }

    private record Fault(FaultKind kind, int status, int retryAfterSeconds, Duration delay) {
    }

    /** Response under construction. */
    private static final class Resp {
        final int status;
        final JsonNode body;
        final Map<String, String> headers = new LinkedHashMap<>();

        Resp(int status, JsonNode body) {
            this.status = status;
            this.body = body;
        }

        Resp header(String name, String value) {
            headers.put(name, value);
            return this;
        }
    }

    /** One request in flight. */
    private static final class Call {
        final SimHttpServer.Request http;
        final Map<String, String> query;
        final String body;
        Runnable beforeWrite;

        Call(SimHttpServer.Request http, Map<String, String> query, String body) {
            this.http = http;
            this.query = query;
            this.body = body;
        }

        String method() {
            return http.method();
        }

        String q(String name) {
            return query.get(name);
        }
    }

    private final String apiToken;
    private final SimHttpServer server;
    private final Clock clock = Clock.systemUTC();

    // ---- state, guarded by lock
    private final Object lock = new Object();
    private final NavigableMap<Long, ObjectNode> persons = new TreeMap<>();
    private final NavigableMap<Long, ObjectNode> deals = new TreeMap<>();
    private final NavigableMap<Long, ObjectNode> notes = new TreeMap<>();
    private final NavigableMap<Long, ObjectNode> activities = new TreeMap<>();
    private final NavigableMap<Long, ObjectNode> webhooks = new TreeMap<>();
    private final NavigableMap<Long, ObjectNode> stages = new TreeMap<>();
    private final NavigableMap<Long, ObjectNode> pipelines = new TreeMap<>();
    private final List<RecordedRequest> requestLog = new ArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final Deque<Long> rateHits = new ArrayDeque<>();
    private int rateLimit; // 0 = not enforced
    private Duration rateWindow = NOMINAL_RATE_WINDOW;

    private final AtomicLong personSeq = new AtomicLong();
    private final AtomicLong dealSeq = new AtomicLong();
    private final AtomicLong noteSeq = new AtomicLong();
    private final AtomicLong activitySeq = new AtomicLong();
    private final AtomicLong webhookSeq = new AtomicLong();
    /** Pipelines and stages a test adds; the seeded ones keep their ids (1, and 1..5). */
    private final AtomicLong pipelineSeq = new AtomicLong(PIPELINE_ID);
    private final AtomicLong stageSeq = new AtomicLong(SEEDED_STAGES.size());
    private final AtomicInteger rateLimitedCount = new AtomicInteger();
    private final ConcurrentLinkedQueue<Runnable> dealCreatedHooks = new ConcurrentLinkedQueue<>();
    private volatile boolean down;
    /** The hub's token no longer works (revoked, regenerated, its user deactivated): 401 as for any wrong one. */
    private volatile boolean tokenRevoked;
    /** The company's account is not open (trial over, payment missing): 402 to every authenticated request. */
    private volatile boolean accountClosed;
    /** POST/PUT/PATCH requests left today (x-daily-requests-left), or null: no such budget reported. */
    private Integer dailyRequestsLeft;
    private final Set<Shape> shapes = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** At most this many items on a page of a v2 list or search, whatever {@code limit} asked for; 0 = no cap. */
    private volatile int pageSizeCap;

    private PipedriveSimulator(String apiToken) {
        this.apiToken = Objects.requireNonNull(apiToken, "apiToken");
        synchronized (lock) {
            seedStages();
        }
        this.server = new SimHttpServer(this::handle);
        LOG.fine(() -> "Pipedrive simulator listening on " + baseUrl());
    }

    /** Starts a simulator on a random free loopback port that accepts exactly {@code apiToken}. */
    public static PipedriveSimulator start(String apiToken) {
        return new PipedriveSimulator(apiToken);
    }

    /** {@code http://127.0.0.1:<port>} — clients append {@code /api/v2/...} or {@code /v1/...}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public int port() {
        return server.port();
    }

    public String apiToken() {
        return apiToken;
    }

    /**
     * Forgets all persons, deals, notes, activities, webhooks, the request log, queued faults, the down flag, the
     * revoked token, the closed account, the daily budget, the rate limit, the 429 counter, pending hooks and the
     * page size cap; re-seeds the pipeline and its stages (pipelines added by a test are gone); releases hanging
     * connections.
     * Id counters keep counting.
     */
    public void reset() {
        synchronized (lock) {
            persons.clear();
            deals.clear();
            notes.clear();
            activities.clear();
            webhooks.clear();
            requestLog.clear();
            faults.clear();
            rateHits.clear();
            rateLimit = 0;
            rateWindow = NOMINAL_RATE_WINDOW;
            rateLimitedCount.set(0);
            dealCreatedHooks.clear();
            down = false;
            tokenRevoked = false;
            accountClosed = false;
            dailyRequestsLeft = null;
            shapes.clear();
            pageSizeCap = 0;
            seedStages();
        }
        server.releaseHeld();
    }

    @Override
    public void close() {
        server.close();
    }

    // ------------------------------------------------------------------------------------------ snapshots

    public List<ObjectNode> persons() {
        return snapshot(persons);
    }

    public Optional<ObjectNode> person(long id) {
        return snapshot(persons, id);
    }

    /** All deals including deleted ones ({@code is_deleted: true}), by id. */
    public List<ObjectNode> deals() {
        return snapshot(deals);
    }

    public Optional<ObjectNode> deal(long id) {
        return snapshot(deals, id);
    }

    /** Notes in their v1 shape. */
    public List<ObjectNode> notes() {
        return snapshot(notes);
    }

    public List<ObjectNode> activities() {
        return snapshot(activities);
    }

    public List<ObjectNode> stages() {
        return snapshot(stages);
    }

    public List<ObjectNode> pipelines() {
        return snapshot(pipelines);
    }

    /**
     * A pipeline the company set up beside the seeded one, with these stages in this order (ids continue after
     * those of earlier tests); {@code orderNr} places it among the pipelines - the lowest is the company's default
     * (the seeded one has 1). Returns its id.
     */
    public long addPipeline(String name, int orderNr, String... stageNames) {
        synchronized (lock) {
            String t = iso(now());
            long id = pipelineSeq.incrementAndGet();
            pipelines.put(id, pipeline(id, name, orderNr, t));
            for (int i = 0; i < stageNames.length; i++) {
                long stageId = stageSeq.incrementAndGet();
                stages.put(stageId, stage(stageId, i + 1, stageNames[i], id, t));
            }
            return id;
        }
    }

    /** Webhooks in their v1 shape. */
    public List<ObjectNode> webhooks() {
        return snapshot(webhooks);
    }

    /** Deletes a stage (by exact name) so that it no longer exists for the API. */
    public void removeStage(String name) {
        synchronized (lock) {
            boolean removed = stages.values().removeIf(s -> s.path("name").asText().equals(name));
            if (!removed) {
                throw new IllegalArgumentException("no stage named '" + name + "'");
            }
        }
    }

    private List<ObjectNode> snapshot(NavigableMap<Long, ObjectNode> map) {
        synchronized (lock) {
            return map.values().stream().map(ObjectNode::deepCopy).collect(Collectors.toUnmodifiableList());
        }
    }

    private Optional<ObjectNode> snapshot(NavigableMap<Long, ObjectNode> map, long id) {
        synchronized (lock) {
            return Optional.ofNullable(map.get(id)).map(ObjectNode::deepCopy);
        }
    }

    // ------------------------------------------------------------------------------------------ request log

    public List<RecordedRequest> requests() {
        synchronized (lock) {
            return List.copyOf(requestLog);
        }
    }

    /** Number of recorded requests with this method (any if null) whose path starts with {@code pathPrefix}. */
    public long count(String method, String pathPrefix) {
        synchronized (lock) {
            return requestLog.stream()
                    .filter(r -> method == null || r.method().equalsIgnoreCase(method))
                    .filter(r -> r.path().startsWith(pathPrefix))
                    .count();
        }
    }

    // ------------------------------------------------------------------------------------------ faults

    /** The next {@code n} API requests get {@code status} (e.g. 500/502/503) with a Pipedrive-style JSON body. */
    public void failNext(int n, int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 4xx/5xx: " + status);
        }
        enqueue(n, new Fault(FaultKind.FAIL, status, 0, null));
    }

    /** The next {@code n} API requests get 429 with x-ratelimit-* and retry-after headers. */
    public void rateLimitNext(int n, int retryAfterSeconds) {
        enqueue(n, new Fault(FaultKind.RATE_LIMIT, 429, Math.max(0, retryAfterSeconds), null));
    }

    /** The next {@code n} API requests are processed normally, but the response is written only after {@code delay}. */
    public void slowNext(int n, Duration delay) {
        enqueue(n, new Fault(FaultKind.SLOW, 0, 0, Objects.requireNonNull(delay)));
    }

    /** The next {@code n} API requests are read and never answered (until {@link #reset()}/{@link #close()}). */
    public void hangNext(int n) {
        enqueue(n, new Fault(FaultKind.HANG, 0, 0, null));
    }

    /** The next {@code n} API requests are read, then the connection is reset (TCP RST). */
    public void resetNext(int n) {
        enqueue(n, new Fault(FaultKind.RESET, 0, 0, null));
    }

    private void enqueue(int n, Fault fault) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0");
        }
        synchronized (lock) {
            for (int i = 0; i < n; i++) {
                faults.addLast(fault);
            }
        }
    }

    /** Forgets queued faults and releases hanging connections; the data stays. */
    public void clearFaults() {
        synchronized (lock) {
            faults.clear();
        }
        server.releaseHeld();
    }

    /** While down, every request gets 503. */
    public void setDown(boolean down) {
        this.down = down;
    }

    /**
     * While revoked, the API token the simulator was started with is refused like any wrong one (someone regenerated
     * it in Pipedrive, or its user was deactivated): every API request gets 401 with Pipedrive's error body.
     */
    public void setTokenRevoked(boolean revoked) {
        this.tokenRevoked = revoked;
    }

    /**
     * While closed, the company's Pipedrive account is not open (Pipedrive's HTTP status codes page: 402 "Company
     * account is not open (possible reason: trial expired, payment details not entered)"): every authenticated API
     * request gets 402 with Pipedrive's error body.
     */
    public void setAccountClosed(boolean closed) {
        this.accountClosed = closed;
    }

    /**
     * Reports a daily budget of {@code left} more POST/PUT requests (PATCH, API v2's update, counted alike) in the
     * x-daily-requests-left header of every API answer, as Pipedrive's rate-limiting page describes it for api_token
     * requests; each write spends one. Once it is 0, a write gets 429 (x-daily-requests-left: 0, no Retry-After);
     * reads still go through.
     */
    public void setDailyRequestsLeft(int left) {
        if (left < 0) {
            throw new IllegalArgumentException("left must be >= 0");
        }
        synchronized (lock) {
            dailyRequestsLeft = left;
        }
    }

    /**
     * Enforces a rolling-window budget like Pipedrive's burst limit: at most {@code requests} API requests in
     * any {@code window}; requests over it get 429 (they do not consume budget).
     */
    public void setRateLimit(int requests, Duration window) {
        if (requests <= 0 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("requests and window must be positive");
        }
        synchronized (lock) {
            rateLimit = requests;
            rateWindow = window;
            rateHits.clear();
        }
    }

    public void clearRateLimit() {
        synchronized (lock) {
            rateLimit = 0;
            rateWindow = NOMINAL_RATE_WINDOW;
            rateHits.clear();
        }
    }

    /** 429 responses sent since start/reset (injected and rolling-window). */
    public int rateLimited() {
        return rateLimitedCount.get();
    }

    /**
     * Runs {@code hook} once, on the server thread, right after the next deal is stored and before its
     * response is written (so a test can kill the client mid-flight). Hooks queue up in registration order.
     */
    public void afterNextDealCreated(Runnable hook) {
        dealCreatedHooks.add(Objects.requireNonNull(hook));
    }

    /** Answers as a Pipedrive with these (valid) differences would, until {@link #reset()}. */
    public void answerAs(Shape... differences) {
        shapes.addAll(List.of(differences));
    }

    /**
     * Pages of the v2 lists and searches ({@code additional_data.next_cursor}) hold at most {@code items} entries,
     * whatever {@code limit} asked for (still validated: 1 to 500), until {@link #reset()}. Pipedrive's cursor
     * pagination promises the entries after a page only through {@code next_cursor}, never through a page being
     * full; a small cap lets a test put the entry a client looks for on page 2 with a handful of objects instead of
     * 500 and more.
     */
    public void pageSizeAtMost(int items) {
        if (items < 1) {
            throw new IllegalArgumentException("items must be >= 1");
        }
        pageSizeCap = items;
    }

    /** Connections accepted so far (for keep-alive assertions). */
    public long connectionsAccepted() {
        return server.connectionsAccepted();
    }

    // ========================================================================== the other side of a test

    /**
     * The sales team working in Pipedrive's own UI: the same API call the hub would make, with the token, so it is
     * validated, stamped and recorded like the hub's calls. Returns the answer's {@code data}; an answer other than
     * 200 or 201 fails the test.
     */
    public JsonNode asTheSalesTeam(String method, String path, Object body) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(baseUrl() + path))
                    .header("x-api-token", apiToken).header("Content-Type", "application/json")
                    .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                            : java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 && response.statusCode() != 201) {
                throw new AssertionError(method + " " + path + " in Pipedrive answered " + response.statusCode()
                        + ": " + response.body());
            }
            return JSON.readTree(response.body()).path("data");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A webhook event as Pipedrive sends it (format 2.0): meta with a fresh id, the action, the entity and (unless
     * {@code entityId} is null) its id, then {@code data} and, unless null, {@code previous}.
     */
    public static String webhookEvent(String action, String entity, Object entityId, Object data, Object previous) {
        ObjectNode event = JSON.createObjectNode();
        ObjectNode meta = event.putObject("meta");
        meta.put("id", java.util.UUID.randomUUID().toString());
        meta.put("action", action);
        meta.put("entity", entity);
        if (entityId != null) {
            meta.put("entity_id", String.valueOf(entityId));
        }
        meta.put("version", "2.0");
        // as Pipedrive's v2 payloads give it: an ISO time in UTC with milliseconds, e.g. 2025-04-15T14:57:34.123Z
        meta.put("timestamp", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());
        meta.put("attempt", 1);
        event.set("data", JSON.valueToTree(data));
        if (previous != null) {
            event.set("previous", JSON.valueToTree(previous));
        }
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A webhook event in Pipedrive's older format (1.0), which a webhook made by hand in Pipedrive's settings still
     * sends: meta names the {@code object} and, in {@code id}, the entity's id (nothing names the event), the
     * {@code action} is {@code added}, {@code updated}, {@code merged} or {@code deleted}, the entity is in
     * {@code current} (null once deleted), and {@code retry} counts the deliveries.
     */
    public static String webhookEventV1(String action, String object, long entityId, Object current, Object previous,
                                        int retry) {
        ObjectNode event = JSON.createObjectNode();
        event.put("v", 1);
        event.putObject("matches_filters").putArray("current");
        ObjectNode meta = event.putObject("meta");
        meta.put("v", 1);
        meta.put("action", action);
        meta.put("object", object);
        meta.put("id", entityId);
        meta.put("company_id", 1);
        meta.put("user_id", USER_ID);
        meta.put("host", "company.pipedrive.com");
        long micros = java.time.Instant.now().toEpochMilli() * 1000;
        meta.put("timestamp", micros / 1_000_000);
        meta.put("timestamp_micro", micros);
        meta.put("is_bulk_update", false);
        meta.put("webhook_id", "1");
        event.set("current", JSON.valueToTree(current));
        event.set("previous", JSON.valueToTree(previous));
        event.put("retry", retry);
        event.put("event", action + "." + object);
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ================================================================================== request handling

    private SimHttpServer.Outcome handle(SimHttpServer.Request http) {
        String body = new String(http.body(), StandardCharsets.UTF_8);
        Map<String, String> query;
        Resp resp = null;
        try {
            query = parseQuery(http.rawQuery());
        } catch (IllegalArgumentException e) {
            query = Map.of();
            resp = error(400, "Malformed query string", null);
        }
        Call call = new Call(http, query, body);
        Duration delay = null;
        boolean api = isApiPath(http.path());

        if (down) {
            resp = error(503, "Service Unavailable", null);
        } else if (resp == null && api) {
            Fault fault;
            synchronized (lock) {
                fault = faults.pollFirst();
            }
            if (fault != null) {
                switch (fault.kind()) {
                    case FAIL -> resp = error(fault.status(), SimHttpServer.reason(fault.status()), null);
                    case RATE_LIMIT -> resp = tooManyRequests(fault.retryAfterSeconds());
                    case HANG -> {
                        record(call, 0);
                        LOG.fine(() -> "hanging " + http.method() + " " + http.path());
                        return SimHttpServer.Outcome.hang();
                    }
                    case RESET -> {
                        record(call, 0);
                        LOG.fine(() -> "resetting " + http.method() + " " + http.path());
                        return SimHttpServer.Outcome.reset();
                    }
                    case SLOW -> delay = fault.delay();
                }
            }
            if (resp == null) {
                resp = serveApi(call);
            }
        } else if (resp == null) {
            resp = error(404, "Not found", null);
        }

        record(call, resp.status);
        Resp finalResp = resp;
        LOG.fine(() -> http.method() + " " + http.path() + " -> " + finalResp.status);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.putAll(resp.headers);
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(resp.body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return SimHttpServer.Outcome.respond(new SimHttpServer.Response(resp.status, headers, bytes), delay,
                call.beforeWrite);
    }

    private static boolean isApiPath(String path) {
        return path.equals("/api") || path.startsWith("/api/") || path.equals("/v1") || path.startsWith("/v1/");
    }

    private void record(Call call, int status) {
        RecordedRequest r = new RecordedRequest(call.method(), call.http.path(), Map.copyOf(call.query),
                call.http.headers(), call.body, status);
        synchronized (lock) {
            requestLog.add(r);
        }
    }

    /** Rate limiting, authentication, routing. */
    private Resp serveApi(Call call) {
        Map<String, String> rateHeaders = new LinkedHashMap<>();
        Integer retryAfter = takeRateBudget(rateHeaders);
        if (retryAfter != null) {
            return tooManyRequests(retryAfter);
        }
        Resp resp;
        try {
            if (!authenticated(call)) {
                resp = unauthorized();
            } else if (accountClosed) {
                resp = error(402, "Company account is not open", null);
            } else {
                resp = takeDailyRequest(call, rateHeaders) ? route(call) : dailyBudgetSpent();
            }
        } catch (ApiError e) {
            resp = error(e.status, e.getMessage(), e.code);
        }
        resp.headers.putAll(rateHeaders);
        return resp;
    }

    /** False when the request is a write and the day's budget is spent; fills x-daily-requests-left when reported. */
    private boolean takeDailyRequest(Call call, Map<String, String> headers) {
        synchronized (lock) {
            if (dailyRequestsLeft == null) {
                return true;
            }
            boolean write = Set.of("POST", "PUT", "PATCH").contains(call.method());
            if (write && dailyRequestsLeft == 0) {
                return false;
            }
            if (write) {
                dailyRequestsLeft--;
            }
            headers.put("x-daily-requests-left", Integer.toString(dailyRequestsLeft));
            return true;
        }
    }

    private Resp dailyBudgetSpent() {
        return overLimit().header("x-daily-requests-left", "0");
    }

    /** Returns null and fills the headers if the request fits the budget, else the retry-after seconds. */
    private Integer takeRateBudget(Map<String, String> headers) {
        synchronized (lock) {
            long now = System.nanoTime();
            long window = rateWindow.toNanos();
            while (!rateHits.isEmpty() && now - rateHits.peekFirst() >= window) {
                rateHits.pollFirst();
            }
            int limit = rateLimit > 0 ? rateLimit : NOMINAL_RATE_LIMIT;
            if (rateLimit > 0 && rateHits.size() >= rateLimit) {
                return secondsUntil(rateHits.peekFirst() + window - now);
            }
            rateHits.addLast(now);
            headers.put("x-ratelimit-limit", Integer.toString(limit));
            headers.put("x-ratelimit-remaining", Integer.toString(Math.max(0, limit - rateHits.size())));
            headers.put("x-ratelimit-reset", Integer.toString(secondsUntil(rateHits.peekFirst() + window - now)));
            return null;
        }
    }

    private static int secondsUntil(long nanos) {
        return (int) Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    private Resp tooManyRequests(int retryAfterSeconds) {
        int limit;
        synchronized (lock) {
            limit = rateLimit > 0 ? rateLimit : NOMINAL_RATE_LIMIT;
        }
        String seconds = Integer.toString(retryAfterSeconds);
        if (shapes.contains(Shape.RATE_LIMIT_HEADERS_IN_CAPITALS)) {
            return overLimit().header("X-RATELIMIT-LIMIT", Integer.toString(limit))
                    .header("X-RATELIMIT-REMAINING", "0").header("X-RATELIMIT-RESET", seconds);
        }
        return overLimit()
                .header("x-ratelimit-limit", Integer.toString(limit))
                .header("x-ratelimit-remaining", "0")
                .header("x-ratelimit-reset", seconds)
                .header("retry-after", seconds);
    }

    /**
     * Pipedrive's 429 "Request over limit" (the burst limit or the day's budget; the caller adds the headers that say
     * which), counted in {@link #rateLimited()}.
     */
    private Resp overLimit() {
        rateLimitedCount.incrementAndGet();
        return failure(429, "Request over limit", "errorCode", 429);
    }

    private boolean authenticated(Call call) {
        String token = call.http.header("x-api-token");
        if (token == null) {
            token = call.q("api_token");
        }
        return !tokenRevoked && apiToken.equals(token);
    }

    /** Pipedrive's 401: its error body (with data and additional_data null, as every error response has them). */
    private static Resp unauthorized() {
        return failure(401, "unauthorized access", "errorCode", 401);
    }

    private static Resp error(int status, String message, String code) {
        return failure(status, message, "code", code);
    }

    /** Pipedrive's error body: success false, the message, its code field (when there is one), info, null data. */
    private static Resp failure(int status, String message, String codeField, Object code) {
        ObjectNode body = NODES.objectNode();
        body.put("success", false);
        body.put("error", message);
        if (code instanceof Integer number) {
            body.put(codeField, number);
        } else if (code != null) {
            body.put(codeField, code.toString());
        }
        body.put("error_info", ERROR_INFO);
        body.putNull("data");
        body.putNull("additional_data");
        return new Resp(status, body);
    }

    private static Resp ok(JsonNode data) {
        ObjectNode body = NODES.objectNode();
        body.put("success", true);
        body.set("data", data);
        return new Resp(200, body);
    }

    private static Resp okList(List<ObjectNode> page, String nextCursor) {
        ObjectNode body = NODES.objectNode();
        body.put("success", true);
        ArrayNode data = body.putArray("data");
        page.forEach(data::add);
        body.putObject("additional_data").put("next_cursor", nextCursor);
        return new Resp(200, body);
    }

    private static Resp methodNotAllowed(String method, Set<String> allowed) {
        return error(405, "Method " + method + " not allowed", null).header("Allow", String.join(", ", allowed));
    }

    // ================================================================================== routing

    private Resp route(Call call) {
        String path = call.http.path();
        if (path.startsWith("/api/v2/")) {
            return routeV2(call, path.substring("/api/v2/".length()).split("/", -1));
        }
        if (path.startsWith("/api/v1/")) {
            return routeV1(call, path.substring("/api/v1/".length()).split("/", -1));
        }
        if (path.startsWith("/v1/")) {
            return routeV1(call, path.substring("/v1/".length()).split("/", -1));
        }
        return notFoundRoute(call);
    }

    private static Resp notFoundRoute(Call call) {
        return error(404, "Unknown route " + call.method() + " " + call.http.path(), null);
    }

    private static Resp dispatch(Call call, Map<String, Supplier<Resp>> byMethod) {
        Supplier<Resp> handler = byMethod.get(call.method());
        return handler != null ? handler.get() : methodNotAllowed(call.method(), byMethod.keySet());
    }

    private Resp routeV2(Call call, String[] seg) {
        if (seg.length == 1) {
            return switch (seg[0]) {
                case "stages" -> dispatch(call, Map.of("GET", () -> listStages(call)));
                case "pipelines" -> dispatch(call, Map.of("GET", () -> listPipelines(call)));
                case "persons" -> dispatch(call, Map.of("GET", () -> listPersons(call), "POST", () -> createPerson(call)));
                case "deals" -> dispatch(call, Map.of("GET", () -> listDeals(call), "POST", () -> createDeal(call)));
                case "activities" -> dispatch(call,
                        Map.of("GET", () -> listActivities(call), "POST", () -> createActivity(call)));
                default -> notFoundRoute(call);
            };
        }
        if (seg.length == 2) {
            if (seg[0].equals("persons") && seg[1].equals("search")) {
                return dispatch(call, Map.of("GET", () -> searchPersons(call)));
            }
            switch (seg[0]) {
                case "stages":
                    return dispatch(call, Map.of("GET", () -> getStage(pathId(seg[1]))));
                case "pipelines":
                    return dispatch(call, Map.of("GET", () -> getPipeline(pathId(seg[1]))));
                case "persons":
                    return dispatch(call, Map.of(
                            "GET", () -> getPerson(pathId(seg[1])),
                            "PATCH", () -> updatePerson(call, pathId(seg[1])),
                            "DELETE", () -> deletePerson(pathId(seg[1]))));
                case "deals":
                    return dispatch(call, Map.of(
                            "GET", () -> getDeal(pathId(seg[1])),
                            "PATCH", () -> updateDeal(call, pathId(seg[1])),
                            "DELETE", () -> deleteDeal(pathId(seg[1]))));
                case "activities":
                    return dispatch(call, Map.of(
                            "GET", () -> getActivity(pathId(seg[1])),
                            "DELETE", () -> deleteActivity(pathId(seg[1]))));
                default:
                    return notFoundRoute(call);
            }
        }
        return notFoundRoute(call);
    }

    private Resp routeV1(Call call, String[] seg) {
        if (seg.length == 1) {
            return switch (seg[0]) {
                case "notes" -> dispatch(call, Map.of("GET", () -> listNotes(call), "POST", () -> createNote(call)));
                case "webhooks" -> dispatch(call, Map.of("GET", this::listWebhooks, "POST", () -> createWebhook(call)));
                default -> notFoundRoute(call);
            };
        }
        if (seg.length == 2 && seg[0].equals("notes")) {
            return dispatch(call, Map.of("GET", () -> getNote(pathIdV1(seg[1]))));
        }
        if (seg.length == 2 && seg[0].equals("webhooks")) {
            return dispatch(call, Map.of("DELETE", () -> deleteWebhook(pathIdV1(seg[1]))));
        }
        return notFoundRoute(call);
    }

    private static long pathId(String s) {
        if (!DIGITS.matcher(s).matches() || Long.parseLong(s) <= 0) {
            throw ApiError.validation("Invalid value for 'id': expected positive integer, got '" + s + "'");
        }
        return Long.parseLong(s);
    }

    private static long pathIdV1(String s) {
        if (!DIGITS.matcher(s).matches() || Long.parseLong(s) <= 0) {
            throw ApiError.badRequest("Invalid id: " + s);
        }
        return Long.parseLong(s);
    }

    // ================================================================================== v2 helpers

    /** Parses a v2 JSON body: must be application/json and a JSON object. */
    private static ObjectNode jsonBody(Call call) {
        String contentType = call.http.header("content-type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiError(415, "Unsupported Media Type: request body must be application/json", null);
        }
        JsonNode node;
        try {
            node = JSON.readTree(call.body);
        } catch (JsonProcessingException e) {
            throw ApiError.validation("Malformed JSON in request body: " + e.getOriginalMessage());
        }
        if (node == null || node.isMissingNode() || !node.isObject()) {
            throw ApiError.validation("Request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    private static String iso(Instant i) {
        return DateTimeFormatter.ISO_INSTANT.format(i.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Normalises a request datetime to the v2 output format. */
    private static String isoFromBody(JsonNode n) {
        return iso(SimSchema.parseBodyDateTime(n.asText()));
    }

    /** The page size of a v2 list or search: {@code limit} (1 to 500, default 100), within the test's cap. */
    private int limitParam(Call call) {
        String s = call.q("limit");
        int limit;
        if (s == null) {
            limit = DEFAULT_LIMIT;
        } else if (!DIGITS.matcher(s).matches() || Long.parseLong(s) < 1 || Long.parseLong(s) > MAX_LIMIT) {
            throw ApiError.validation("Invalid value for 'limit': must be an integer between 1 and " + MAX_LIMIT);
        } else {
            limit = Integer.parseInt(s);
        }
        int cap = pageSizeCap;
        return cap > 0 ? Math.min(limit, cap) : limit;
    }

    private static String encodeCursor(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"offset\":" + offset + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static int decodeCursor(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            JsonNode n = JSON.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            if (n != null && n.path("offset").isIntegralNumber() && n.path("offset").asInt() >= 0) {
                return n.path("offset").asInt();
            }
        } catch (IllegalArgumentException | JsonProcessingException e) {
            // fall through
        }
        throw ApiError.validation("Invalid value for 'cursor'");
    }

    private Resp page(Call call, List<ObjectNode> all) {
        int limit = limitParam(call);
        int offset = decodeCursor(call.q("cursor"));
        int from = Math.min(offset, all.size());
        int to = Math.min(from + limit, all.size());
        List<ObjectNode> page = all.subList(from, to).stream().map(ObjectNode::deepCopy).toList();
        return okList(page, to < all.size() ? encodeCursor(to) : null);
    }

    private static Long longParam(Call call, String name) {
        String s = call.q(name);
        if (s == null) {
            return null;
        }
        if (!DIGITS.matcher(s).matches()) {
            throw ApiError.validation("Invalid value for '" + name + "': expected integer, got '" + s + "'");
        }
        return Long.parseLong(s);
    }

    private static String enumParam(Call call, String name, String def, String... allowed) {
        String s = call.q(name);
        if (s == null) {
            return def;
        }
        if (!List.of(allowed).contains(s)) {
            throw ApiError.validation("Invalid value for '" + name + "': expected one of " + List.of(allowed));
        }
        return s;
    }

    private static Comparator<ObjectNode> sortOrder(Call call, String... sortFields) {
        String sortBy = enumParam(call, "sort_by", "id", sortFields);
        String direction = enumParam(call, "sort_direction", "asc", "asc", "desc");
        Comparator<ObjectNode> byId = Comparator.comparingLong(n -> n.path("id").asLong());
        Comparator<ObjectNode> cmp = switch (sortBy) {
            case "id" -> byId;
            case "order_nr" -> Comparator.<ObjectNode>comparingLong(n -> n.path("order_nr").asLong()).thenComparing(byId);
            default -> Comparator.<ObjectNode, String>comparing(n -> n.path(sortBy).asText("")).thenComparing(byId);
        };
        return direction.equals("desc") ? cmp.reversed() : cmp;
    }

    private static boolean isDeleted(ObjectNode n) {
        return n != null && n.path("is_deleted").asBoolean(false);
    }

    // ================================================================================== stages

    private void seedStages() {
        stages.clear();
        pipelines.clear();
        String t = iso(now());
        pipelines.put(PIPELINE_ID, pipeline(PIPELINE_ID, SEEDED_PIPELINE, 1, t));
        for (int i = 0; i < SEEDED_STAGES.size(); i++) {
            stages.put(i + 1L, stage(i + 1L, i + 1, SEEDED_STAGES.get(i), PIPELINE_ID, t));
        }
    }

    /** Shape of StageItem (v2). */
    private static ObjectNode stage(long id, int orderNr, String name, long pipelineId, String time) {
        ObjectNode s = NODES.objectNode();
        s.put("id", id);
        s.put("order_nr", orderNr);
        s.put("name", name);
        s.put("is_deleted", false);
        s.put("deal_probability", 100);
        s.put("pipeline_id", pipelineId);
        s.put("is_deal_rot_enabled", false);
        s.putNull("days_to_rotten");
        s.put("add_time", time);
        s.put("update_time", time);
        return s;
    }

    /** Shape of GetPipelinesResponseAllOfDataInner (v2). */
    private static ObjectNode pipeline(long id, String name, int orderNr, String time) {
        ObjectNode p = NODES.objectNode();
        p.put("id", id);
        p.put("name", name);
        p.put("order_nr", orderNr);
        p.put("is_deleted", false);
        p.put("is_deal_probability_enabled", false);
        p.put("add_time", time);
        p.put("update_time", time);
        return p;
    }

    private Resp listPipelines(Call call) {
        Comparator<ObjectNode> order = sortOrder(call, "id", "update_time", "add_time");
        List<ObjectNode> all;
        synchronized (lock) {
            all = pipelines.values().stream().sorted(order).map(ObjectNode::deepCopy).toList();
        }
        return page(call, all);
    }

    private Resp getPipeline(long id) {
        synchronized (lock) {
            ObjectNode p = pipelines.get(id);
            if (p == null) {
                throw ApiError.notFound("Pipeline not found");
            }
            return ok(p.deepCopy());
        }
    }

    /** The company's default pipeline: the lowest order_nr (Pipedrive's definition), then the lowest id. */
    private long defaultPipelineId() {
        return pipelines.values().stream()
                .min(Comparator.<ObjectNode>comparingLong(p -> p.path("order_nr").asLong())
                        .thenComparingLong(p -> p.path("id").asLong()))
                .map(p -> p.path("id").asLong())
                .orElseThrow(() -> ApiError.badRequest("The company has no pipeline"));
    }

    private Resp listStages(Call call) {
        Long pipelineId = longParam(call, "pipeline_id");
        Comparator<ObjectNode> order = sortOrder(call, "id", "update_time", "add_time", "order_nr");
        List<ObjectNode> all;
        synchronized (lock) {
            all = stages.values().stream()
                    .filter(s -> pipelineId == null || s.path("pipeline_id").asLong() == pipelineId)
                    .sorted(order)
                    .map(ObjectNode::deepCopy)
                    .toList();
        }
        return page(call, all);
    }

    private Resp getStage(long id) {
        synchronized (lock) {
            ObjectNode s = stages.get(id);
            if (s == null) {
                throw ApiError.notFound("Stage not found");
            }
            return ok(s.deepCopy());
        }
    }

    /** Stage object or a 400 if it does not exist. Caller holds the lock. */
    private ObjectNode requireStage(long stageId) {
        ObjectNode stage = stages.get(stageId);
        if (stage == null) {
            throw ApiError.badRequest("Stage with id " + stageId + " not found");
        }
        return stage;
    }

    private ObjectNode firstStageOf(long pipelineId) {
        if (!pipelines.containsKey(pipelineId)) {
            throw ApiError.badRequest("Pipeline with id " + pipelineId + " not found");
        }
        return stages.values().stream()
                .filter(s -> s.path("pipeline_id").asLong() == pipelineId)
                .min(Comparator.comparingLong(s -> s.path("order_nr").asLong()))
                .orElseThrow(() -> ApiError.badRequest("Pipeline with id " + pipelineId + " has no stages"));
    }

    // ================================================================================== persons

    private static final SimSchema CONTACT_ITEM = SimSchema.object()
            .required("value", string())
            .field("primary", bool())
            .field("label", string());

    private static final SimSchema ADDRESS = SimSchema.object()
            .field("value", string())
            .field("country", string())
            .field("admin_area_level_1", string())
            .field("admin_area_level_2", string())
            .field("locality", string())
            .field("sublocality", string())
            .field("route", string())
            .field("street_number", string())
            .field("subpremise", string())
            .field("postal_code", string());

    private static SimSchema personSchema(boolean create) {
        SimSchema s = SimSchema.object();
        if (create) {
            s.required("name", nonEmptyString());
        } else {
            s.field("name", nonEmptyString());
        }
        s.field("owner_id", id())
                .field("org_id", nullable(id()))
                .field("emails", arrayOf(obj(CONTACT_ITEM)))
                .field("phones", arrayOf(obj(CONTACT_ITEM)))
                .field("visible_to", oneOfInt(1, 3, 5, 7))
                .field("label_ids", arrayOf(id()))
                .field("postal_address", obj(ADDRESS))
                .field("notes", maxLength(10_000))
                .field("im", arrayOf(obj(CONTACT_ITEM)))
                .field("birthday", date())
                .field("job_title", string())
                .field("marketing_status", oneOf("no_consent", "unsubscribed", "subscribed", "archived"))
                .field("custom_fields", customFields());
        if (create) {
            s.field("add_time", dateTime());
        }
        return s;
    }

    private static final SimSchema PERSON_ADD = personSchema(true);
    private static final SimSchema PERSON_UPDATE = personSchema(false);

    private Resp createPerson(Call call) {
        ObjectNode body = jsonBody(call);
        PERSON_ADD.validate("", body);
        Instant now = now();
        ObjectNode p = NODES.objectNode();
        p.put("id", personSeq.incrementAndGet());
        p.put("name", "");
        p.putNull("first_name");
        p.putNull("last_name");
        p.put("owner_id", USER_ID);
        p.putNull("org_id");
        p.put("add_time", body.has("add_time") ? isoFromBody(body.get("add_time")) : iso(now));
        p.put("update_time", iso(now));
        p.putArray("emails");
        p.putArray("phones");
        p.put("is_deleted", false);
        p.put("visible_to", 3);
        p.putArray("label_ids");
        p.putNull("picture_id");
        p.putObject("custom_fields");
        applyPerson(p, body);
        synchronized (lock) {
            persons.put(p.get("id").asLong(), p);
            return ok(p.deepCopy());
        }
    }

    private Resp updatePerson(Call call, long id) {
        ObjectNode body = jsonBody(call);
        PERSON_UPDATE.validate("", body);
        synchronized (lock) {
            ObjectNode p = persons.get(id);
            if (p == null || isDeleted(p)) {
                throw ApiError.notFound("Person not found");
            }
            applyPerson(p, body);
            p.put("update_time", iso(now()));
            return ok(p.deepCopy());
        }
    }

    private static void applyPerson(ObjectNode p, ObjectNode body) {
        if (body.has("name")) {
            String name = body.get("name").asText().trim();
            p.put("name", name);
            int space = name.indexOf(' ');
            p.put("first_name", space < 0 ? name : name.substring(0, space));
            if (space < 0) {
                p.putNull("last_name");
            } else {
                p.put("last_name", name.substring(space + 1).trim());
            }
        }
        copyIfPresent(body, p, "owner_id", "org_id", "visible_to", "label_ids");
        if (body.has("emails")) {
            p.set("emails", contactItems(body.get("emails")));
        }
        if (body.has("phones")) {
            p.set("phones", contactItems(body.get("phones")));
        }
        // contact-sync fields are only part of the object when the company uses them (i.e. when sent)
        copyIfPresent(body, p, "postal_address", "notes", "birthday", "job_title");
        if (body.has("im")) {
            p.set("im", contactItems(body.get("im")));
        }
        if (body.has("custom_fields")) {
            ObjectNode cf = (ObjectNode) p.get("custom_fields");
            body.get("custom_fields").fields().forEachRemaining(e -> cf.set(e.getKey(), e.getValue().deepCopy()));
        }
        // picture_id stays null; marketing_status is accepted but only returned via include_fields
    }

    private static ArrayNode contactItems(JsonNode items) {
        ArrayNode out = NODES.arrayNode();
        boolean primarySeen = false;
        for (JsonNode in : items) {
            ObjectNode item = out.addObject();
            item.put("value", in.get("value").asText());
            boolean primary = in.path("primary").asBoolean(false) && !primarySeen;
            primarySeen |= primary;
            item.put("primary", primary);
            item.put("label", in.has("label") ? in.get("label").asText() : "work");
        }
        if (!primarySeen && !out.isEmpty()) {
            ((ObjectNode) out.get(0)).put("primary", true);
        }
        return out;
    }

    private static void copyIfPresent(ObjectNode from, ObjectNode to, String... names) {
        for (String n : names) {
            if (from.has(n)) {
                to.set(n, from.get(n).deepCopy());
            }
        }
    }

    private Resp getPerson(long id) {
        synchronized (lock) {
            ObjectNode p = persons.get(id);
            if (p == null || isDeleted(p)) {
                throw ApiError.notFound("Person not found");
            }
            return ok(p.deepCopy());
        }
    }

    private Resp deletePerson(long id) {
        synchronized (lock) {
            ObjectNode p = persons.get(id);
            if (p == null || isDeleted(p)) {
                throw ApiError.notFound("Person not found");
            }
            p.put("is_deleted", true);
            p.put("update_time", iso(now()));
            return ok(NODES.objectNode().put("id", id));
        }
    }

    private Resp listPersons(Call call) {
        Long ownerId = longParam(call, "owner_id");
        Long orgId = longParam(call, "org_id");
        Set<Long> ids = idsParam(call);
        Instant since = SimSchema.parseQueryDateTime("updated_since", call.q("updated_since"));
        Instant until = SimSchema.parseQueryDateTime("updated_until", call.q("updated_until"));
        Comparator<ObjectNode> order = sortOrder(call, "id", "update_time", "add_time");
        List<ObjectNode> all;
        synchronized (lock) {
            all = persons.values().stream()
                    .filter(p -> !isDeleted(p))
                    .filter(p -> ownerId == null || p.path("owner_id").asLong() == ownerId)
                    .filter(p -> orgId == null || p.path("org_id").asLong() == orgId)
                    .filter(p -> ids == null || ids.contains(p.path("id").asLong()))
                    .filter(updatedBetween(since, until))
                    .sorted(order)
                    .map(ObjectNode::deepCopy)
                    .toList();
        }
        return page(call, all);
    }

    private Resp searchPersons(Call call) {
        String term = call.q("term");
        String exactParam = enumParam(call, "exact_match", "false", "true", "false");
        boolean exact = exactParam.equals("true");
        if (term == null) {
            throw ApiError.validation("Missing required parameter 'term'");
        }
        term = term.trim();
        if (term.length() < (exact ? 1 : 2)) {
            throw ApiError.validation("Invalid value for 'term': the search term must be at least "
                    + (exact ? 1 : 2) + " characters long");
        }
        Set<String> fields = new HashSet<>(List.of("custom_fields", "email", "notes", "phone", "name"));
        if (call.q("fields") != null) {
            Set<String> requested = new HashSet<>();
            for (String f : call.q("fields").split(",")) {
                String t = f.trim();
                if (!fields.contains(t)) {
                    throw ApiError.validation("Invalid value for 'fields': '" + t + "' is not one of " + fields);
                }
                requested.add(t);
            }
            fields = requested;
        }
        Long orgId = longParam(call, "organization_id");
        String needle = term.toLowerCase(Locale.ROOT);
        Set<String> searchIn = fields;
        List<ObjectNode> items = new ArrayList<>();
        synchronized (lock) {
            for (ObjectNode p : persons.values()) {
                if (isDeleted(p) || (orgId != null && p.path("org_id").asLong() != orgId)) {
                    continue;
                }
                double score = matchScore(p, searchIn, needle, exact);
                if (score > 0) {
                    ObjectNode hit = NODES.objectNode();
                    hit.put("result_score", score);
                    ObjectNode item = searchItem(p);
                    if (shapes.contains(Shape.SEARCH_ITEMS_WITHOUT_CONTACTS)) {
                        item.remove(List.of("emails", "phones"));
                    }
                    hit.set("item", item);
                    items.add(hit);
                }
            }
        }
        items.sort(Comparator.<ObjectNode>comparingDouble(h -> -h.path("result_score").asDouble())
                .thenComparingLong(h -> h.path("item").path("id").asLong()));
        int limit = limitParam(call);
        int offset = decodeCursor(call.q("cursor"));
        int from = Math.min(offset, items.size());
        int to = Math.min(from + limit, items.size());
        ObjectNode body = NODES.objectNode();
        body.put("success", true);
        ArrayNode arr = body.putObject("data").putArray("items");
        items.subList(from, to).forEach(arr::add);
        body.putObject("additional_data").put("next_cursor", to < items.size() ? encodeCursor(to) : null);
        return new Resp(200, body);
    }

    private static double matchScore(ObjectNode p, Set<String> fields, String needle, boolean exact) {
        List<String> candidates = new ArrayList<>();
        if (fields.contains("name")) {
            candidates.add(p.path("name").asText(""));
        }
        if (fields.contains("email")) {
            p.path("emails").forEach(e -> candidates.add(e.path("value").asText("")));
        }
        if (fields.contains("phone")) {
            p.path("phones").forEach(e -> candidates.add(e.path("value").asText("")));
        }
        if (fields.contains("notes") && p.hasNonNull("notes")) {
            candidates.add(p.path("notes").asText(""));
        }
        if (fields.contains("custom_fields")) {
            p.path("custom_fields").forEach(v -> {
                if (v.isValueNode() && !v.isNull()) {
                    candidates.add(v.asText());
                }
            });
        }
        double best = 0;
        for (String c : candidates) {
            String v = c.toLowerCase(Locale.ROOT);
            if (v.equals(needle)) {
                best = Math.max(best, 1.0);
            } else if (!exact && v.contains(needle)) {
                best = Math.max(best, v.startsWith(needle) ? 0.5 : 0.25);
            }
        }
        return best;
    }

    /** Item shape of GetPersonSearchResponseAllOfDataItemsInnerItem. */
    private static ObjectNode searchItem(ObjectNode p) {
        ObjectNode item = NODES.objectNode();
        item.put("id", p.path("id").asLong());
        item.put("type", "person");
        item.put("name", p.path("name").asText());
        ArrayNode phones = item.putArray("phones");
        p.path("phones").forEach(ph -> phones.add(ph.path("value").asText()));
        ArrayNode emails = item.putArray("emails");
        p.path("emails").forEach(e -> emails.add(e.path("value").asText()));
        item.put("visible_to", p.path("visible_to").asInt());
        item.putObject("owner").put("id", p.path("owner_id").asLong());
        if (p.hasNonNull("org_id")) {
            ObjectNode org = item.putObject("organization");
            org.put("id", p.get("org_id").asLong());
            org.putNull("name");
        } else {
            item.putNull("organization");
        }
        ArrayNode cf = item.putArray("custom_fields");
        p.path("custom_fields").forEach(v -> {
            if (v.isValueNode() && !v.isNull()) {
                cf.add(v.asText());
            }
        });
        ArrayNode notesArr = item.putArray("notes");
        if (p.hasNonNull("notes")) {
            notesArr.add(p.get("notes").asText());
        }
        return item;
    }

    private static Set<Long> idsParam(Call call) {
        String s = call.q("ids");
        if (s == null) {
            return null;
        }
        Set<Long> ids = new HashSet<>();
        for (String part : s.split(",")) {
            String t = part.trim();
            if (!DIGITS.matcher(t).matches()) {
                throw ApiError.validation("Invalid value for 'ids': '" + t + "' is not an integer");
            }
            ids.add(Long.parseLong(t));
        }
        if (ids.size() > 100) {
            throw ApiError.validation("Invalid value for 'ids': at most 100 ids are allowed");
        }
        return ids;
    }

    private static Predicate<ObjectNode> updatedBetween(Instant since, Instant until) {
        return n -> {
            Instant updated = Instant.parse(n.path("update_time").asText());
            return (since == null || !updated.isBefore(since)) && (until == null || updated.isBefore(until));
        };
    }

    /** Person must exist and not be deleted (caller holds the lock). */
    private void requirePerson(long personId) {
        ObjectNode p = persons.get(personId);
        if (p == null || isDeleted(p)) {
            throw ApiError.badRequest("Person with id " + personId + " not found");
        }
    }

    private void requireDeal(long dealId) {
        ObjectNode d = deals.get(dealId);
        if (d == null || isDeleted(d)) {
            throw ApiError.badRequest("Deal with id " + dealId + " not found");
        }
    }

    // ================================================================================== deals

    private static SimSchema dealSchema(boolean create) {
        SimSchema s = SimSchema.object();
        if (create) {
            s.required("title", nonEmptyString());
        } else {
            s.field("title", nonEmptyString());
        }
        s.field("owner_id", id())
                .field("person_id", nullable(id()))
                .field("org_id", nullable(id()))
                .field("pipeline_id", id())
                .field("stage_id", id())
                .field("value", number())
                .field("currency", currency())
                .field("is_deleted", bool())
                .field("is_archived", bool())
                .field("archive_time", nullable(dateTime()))
                .field("status", oneOf("open", "won", "lost"))
                .field("probability", nullable(SimSchema.number(0, 100)))
                .field("lost_reason", nullable(string()))
                .field("visible_to", oneOfInt(1, 3, 5, 7))
                .field("close_time", nullable(dateTime()))
                .field("won_time", nullable(dateTime()))
                .field("lost_time", nullable(dateTime()))
                .field("expected_close_date", nullable(date()))
                .field("label_ids", arrayOf(id()))
                .field("custom_fields", customFields());
        if (create) {
            // documented for "Add a new deal" (the Deal object carries them); set once at creation
            s.field("add_time", dateTime())
                    .field("origin_id", nullable(string()))
                    .field("channel", nullable(integer(0, Long.MAX_VALUE)))
                    .field("channel_id", nullable(string()));
        }
        return s;
    }

    private static SimSchema.Check currency() {
        return (f, v) -> {
            if (!v.isTextual() || !v.asText().matches("[A-Za-z]{3}")) {
                throw SimSchema.invalid(f, "3-letter currency code", v);
            }
        };
    }

    private static final SimSchema DEAL_ADD = dealSchema(true);
    private static final SimSchema DEAL_UPDATE = dealSchema(false);

    private Resp createDeal(Call call) {
        ObjectNode body = jsonBody(call);
        if (shapes.contains(Shape.REJECTS_ORIGIN_ID) && body.has("origin_id")) {
            throw ApiError.validation("Unknown field(s): origin_id");
        }
        if (shapes.contains(Shape.REJECTS_ORIGIN_ID_WITHOUT_NAMING_IT) && body.has("origin_id")) {
            throw ApiError.validation("Request body has properties that are not allowed");
        }
        if (shapes.contains(Shape.DROPS_ORIGIN_ID)) {
            body.remove("origin_id");
        }
        DEAL_ADD.validate("", body);
        String status = body.path("status").asText("open");
        checkStatusBoundFields(body, status);
        Instant now = now();
        ObjectNode d;
        Runnable hook;
        synchronized (lock) {
            ObjectNode stage = resolveStage(body, null);
            if (body.hasNonNull("person_id")) {
                requirePerson(body.get("person_id").asLong());
            }
            d = NODES.objectNode();
            d.put("id", dealSeq.incrementAndGet());
            d.put("title", body.get("title").asText());
            d.put("creator_user_id", USER_ID);
            d.put("owner_id", body.has("owner_id") ? body.get("owner_id").asLong() : USER_ID);
            d.set("value", body.has("value") ? body.get("value").deepCopy() : NODES.numberNode(0));
            d.set("person_id", body.has("person_id") ? body.get("person_id").deepCopy() : NullNode.instance);
            d.set("org_id", body.has("org_id") ? body.get("org_id").deepCopy() : NullNode.instance);
            d.put("stage_id", stage.get("id").asLong());
            d.put("pipeline_id", stage.get("pipeline_id").asLong());
            d.put("currency", body.has("currency") ? body.get("currency").asText() : DEFAULT_CURRENCY);
            d.put("add_time", body.has("add_time") ? isoFromBody(body.get("add_time")) : iso(now));
            d.put("update_time", iso(now));
            d.putNull("stage_change_time");
            d.put("is_deleted", body.path("is_deleted").asBoolean(false));
            d.put("is_archived", body.path("is_archived").asBoolean(false));
            d.put("status", "open");
            d.set("probability", body.has("probability") ? body.get("probability").deepCopy() : NullNode.instance);
            d.putNull("lost_reason");
            d.put("visible_to", body.has("visible_to") ? body.get("visible_to").asInt() : 3);
            d.putNull("close_time");
            d.putNull("won_time");
            d.putNull("lost_time");
            d.set("expected_close_date", body.has("expected_close_date")
                    ? body.get("expected_close_date").deepCopy() : NullNode.instance);
            d.set("label_ids", body.has("label_ids") ? body.get("label_ids").deepCopy() : NODES.arrayNode());
            d.put("origin", "API");
            d.set("origin_id", body.has("origin_id") ? body.get("origin_id").deepCopy() : NullNode.instance);
            d.set("channel", body.has("channel") ? body.get("channel").deepCopy() : NullNode.instance);
            d.set("channel_id", body.has("channel_id") ? body.get("channel_id").deepCopy() : NullNode.instance);
            d.putNull("arr");
            d.putNull("mrr");
            d.putNull("acv");
            ObjectNode cf = d.putObject("custom_fields");
            if (body.has("custom_fields")) {
                body.get("custom_fields").fields().forEachRemaining(e -> cf.set(e.getKey(), e.getValue().deepCopy()));
            }
            applyStatus(d, body, status, now);
            deals.put(d.get("id").asLong(), d);
            d = d.deepCopy();
        }
        hook = dealCreatedHooks.poll();
        if (hook != null) {
            call.beforeWrite = hook;
        }
        return ok(d);
    }

    /** "Can only be set if deal status is ..." rules of AddDealRequest/UpdateDealRequest. */
    private static void checkStatusBoundFields(ObjectNode body, String status) {
        if (body.hasNonNull("lost_reason") && !status.equals("lost")) {
            throw ApiError.validation("'lost_reason' can only be set if deal status is lost");
        }
        if (body.hasNonNull("won_time") && !status.equals("won")) {
            throw ApiError.validation("'won_time' can only be set if deal status is won");
        }
        if (body.hasNonNull("lost_time") && !status.equals("lost")) {
            throw ApiError.validation("'lost_time' can only be set if deal status is lost");
        }
        if (body.hasNonNull("close_time") && status.equals("open")) {
            throw ApiError.validation("'close_time' can only be set if deal status is won or lost");
        }
    }

    /** Stage for a new/updated deal; {@code current} is the deal being updated (null on create). Holds lock. */
    private ObjectNode resolveStage(ObjectNode body, ObjectNode current) {
        if (body.has("stage_id")) {
            ObjectNode stage = requireStage(body.get("stage_id").asLong());
            if (body.has("pipeline_id") && body.get("pipeline_id").asLong() != stage.get("pipeline_id").asLong()) {
                throw ApiError.badRequest("Stage with id " + stage.get("id").asLong()
                        + " does not belong to pipeline " + body.get("pipeline_id").asLong());
            }
            return stage;
        }
        if (body.has("pipeline_id")) {
            long pipelineId = body.get("pipeline_id").asLong();
            if (current != null && current.path("pipeline_id").asLong() == pipelineId) {
                return stages.getOrDefault(current.path("stage_id").asLong(), firstStageOf(pipelineId));
            }
            return firstStageOf(pipelineId);
        }
        if (current != null) {
            return null; // unchanged
        }
        return firstStageOf(defaultPipelineId());
    }

    /** Applies a status (change) and its timestamps. */
    private static void applyStatus(ObjectNode d, ObjectNode body, String newStatus, Instant now) {
        String old = d.path("status").asText();
        boolean changed = !old.equals(newStatus);
        d.put("status", newStatus);
        switch (newStatus) {
            case "won" -> {
                if (changed || body.has("won_time")) {
                    d.put("won_time", body.hasNonNull("won_time") ? isoFromBody(body.get("won_time")) : iso(now));
                }
                if (changed || body.has("close_time")) {
                    d.put("close_time", body.hasNonNull("close_time")
                            ? isoFromBody(body.get("close_time")) : d.get("won_time").asText());
                }
                if (changed) {
                    d.putNull("lost_time");
                    d.putNull("lost_reason");
                }
            }
            case "lost" -> {
                if (changed || body.has("lost_time")) {
                    d.put("lost_time", body.hasNonNull("lost_time") ? isoFromBody(body.get("lost_time")) : iso(now));
                }
                if (changed || body.has("close_time")) {
                    d.put("close_time", body.hasNonNull("close_time")
                            ? isoFromBody(body.get("close_time")) : d.get("lost_time").asText());
                }
                if (changed) {
                    d.putNull("won_time");
                }
                if (body.has("lost_reason")) {
                    d.set("lost_reason", body.get("lost_reason").deepCopy());
                }
            }
            default -> {
                if (changed) {
                    d.putNull("close_time");
                    d.putNull("won_time");
                    d.putNull("lost_time");
                    d.putNull("lost_reason");
                }
            }
        }
    }

    private Resp getDeal(long id) {
        synchronized (lock) {
            ObjectNode d = deals.get(id);
            if (d == null) {
                throw ApiError.notFound("Deal not found");
            }
            if (shapes.contains(Shape.GONE_AS_410) && isDeleted(d)) {
                return error(410, "Deal has been deleted", null);
            }
            return ok(d.deepCopy());
        }
    }

    private Resp updateDeal(Call call, long id) {
        ObjectNode body = jsonBody(call);
        DEAL_UPDATE.validate("", body);
        Instant now = now();
        synchronized (lock) {
            ObjectNode d = deals.get(id);
            if (d == null || isDeleted(d)) {
                throw ApiError.notFound("Deal not found");
            }
            String newStatus = body.has("status") ? body.get("status").asText() : d.path("status").asText();
            checkStatusBoundFields(body, newStatus);
            ObjectNode stage = resolveStage(body, d);
            if (body.hasNonNull("person_id")) {
                requirePerson(body.get("person_id").asLong());
            }
            copyIfPresent(body, d, "title", "owner_id", "person_id", "org_id", "value", "currency", "is_deleted",
                    "is_archived", "probability", "visible_to", "expected_close_date", "label_ids");
            if (body.has("custom_fields")) {
                ObjectNode cf = (ObjectNode) d.get("custom_fields");
                body.get("custom_fields").fields().forEachRemaining(e -> cf.set(e.getKey(), e.getValue().deepCopy()));
            }
            if (stage != null && stage.get("id").asLong() != d.path("stage_id").asLong()) {
                d.put("stage_id", stage.get("id").asLong());
                d.put("pipeline_id", stage.get("pipeline_id").asLong());
                d.put("stage_change_time", iso(now));
            }
            applyStatus(d, body, newStatus, now);
            d.put("update_time", iso(now));
            return ok(d.deepCopy());
        }
    }

    private Resp deleteDeal(long id) {
        synchronized (lock) {
            ObjectNode d = deals.get(id);
            if (d == null || isDeleted(d)) {
                throw ApiError.notFound("Deal not found");
            }
            d.put("is_deleted", true);
            d.put("update_time", iso(now()));
            return ok(NODES.objectNode().put("id", id));
        }
    }

    private Resp listDeals(Call call) {
        if (call.q("filter_id") != null) {
            throw ApiError.badRequest("filter_id is not supported by the Pipedrive simulator");
        }
        Set<Long> ids = idsParam(call);
        Long ownerId = longParam(call, "owner_id");
        Long personId = longParam(call, "person_id");
        Long orgId = longParam(call, "org_id");
        Long pipelineId = longParam(call, "pipeline_id");
        Long stageId = longParam(call, "stage_id");
        Set<String> statuses = null;
        if (call.q("status") != null) {
            statuses = new HashSet<>();
            for (String s : call.q("status").split(",")) {
                String t = s.trim();
                if (!List.of("open", "won", "lost", "deleted").contains(t)) {
                    throw ApiError.validation("Invalid value for 'status': '" + t
                            + "' is not one of [open, won, lost, deleted]");
                }
                statuses.add(t);
            }
        }
        Instant since = SimSchema.parseQueryDateTime("updated_since", call.q("updated_since"));
        Instant until = SimSchema.parseQueryDateTime("updated_until", call.q("updated_until"));
        Comparator<ObjectNode> order = sortOrder(call, "id", "update_time", "add_time");
        Set<String> st = statuses;
        Predicate<ObjectNode> statusFilter = d -> {
            if (st == null) {
                return !isDeleted(d);
            }
            return isDeleted(d) ? st.contains("deleted") : st.contains(d.path("status").asText());
        };
        List<ObjectNode> all;
        synchronized (lock) {
            all = deals.values().stream()
                    .filter(statusFilter)
                    .filter(d -> ids == null || ids.contains(d.path("id").asLong()))
                    .filter(d -> ownerId == null || d.path("owner_id").asLong() == ownerId)
                    .filter(d -> personId == null || d.path("person_id").asLong() == personId)
                    .filter(d -> orgId == null || d.path("org_id").asLong() == orgId)
                    .filter(d -> pipelineId == null || d.path("pipeline_id").asLong() == pipelineId)
                    .filter(d -> stageId == null || d.path("stage_id").asLong() == stageId)
                    .filter(updatedBetween(since, until))
                    .sorted(order)
                    .map(ObjectNode::deepCopy)
                    .toList();
        }
        return page(call, all);
    }

    // ================================================================================== activities

    private static final SimSchema PARTICIPANT = SimSchema.object()
            .field("person_id", id())
            .field("primary", bool());

    private static final SimSchema ATTENDEE = SimSchema.object()
            .field("email", string())
            .field("name", string())
            .field("status", string())
            .field("is_organizer", bool())
            .field("person_id", id())
            .field("user_id", id());

    private static final SimSchema ACTIVITY_ADD = SimSchema.object()
            .field("subject", nonEmptyString())
            .field("type", string())
            .field("owner_id", id())
            .field("deal_id", nullable(id()))
            .field("lead_id", nullable(string()))
            .field("person_id", nullable(id()))
            .field("org_id", nullable(id()))
            .field("project_id", nullable(id()))
            .field("due_date", nullable(date()))
            .field("due_time", nullable(timeHhMm()))
            .field("duration", nullable(timeHhMm()))
            .field("busy", bool())
            .field("done", bool())
            .field("location", nullable(obj(ADDRESS)))
            .field("participants", arrayOf(obj(PARTICIPANT)))
            .field("attendees", arrayOf(obj(ATTENDEE)))
            .field("public_description", nullable(string()))
            .field("priority", nullable(integer(0, Integer.MAX_VALUE)))
            .field("outcome", nullable(integer(0, Long.MAX_VALUE)))
            .field("note", nullable(string()));

    private Resp createActivity(Call call) {
        ObjectNode body = jsonBody(call);
        ACTIVITY_ADD.validate("", body);
        String type = body.path("type").asText("call");
        if (!ACTIVITY_TYPES.contains(type)) {
            throw ApiError.badRequest("Activity type '" + type + "' does not exist (known: "
                    + ACTIVITY_TYPES.stream().sorted().toList() + ")");
        }
        Instant now = now();
        synchronized (lock) {
            if (body.hasNonNull("deal_id")) {
                requireDeal(body.get("deal_id").asLong());
            }
            if (body.hasNonNull("person_id")) {
                requirePerson(body.get("person_id").asLong());
            }
            ObjectNode a = NODES.objectNode();
            a.put("id", activitySeq.incrementAndGet());
            a.put("subject", body.has("subject") ? body.get("subject").asText()
                    : Character.toUpperCase(type.charAt(0)) + type.substring(1));
            a.put("type", type);
            a.put("owner_id", body.has("owner_id") ? body.get("owner_id").asLong() : USER_ID);
            a.put("creator_user_id", USER_ID);
            a.put("is_deleted", false);
            a.put("add_time", iso(now));
            a.put("update_time", iso(now));
            for (String f : List.of("deal_id", "lead_id", "person_id", "org_id", "project_id", "due_date",
                    "due_time", "duration")) {
                a.set(f, body.has(f) ? body.get(f).deepCopy() : NullNode.instance);
            }
            a.put("busy", body.path("busy").asBoolean(false));
            boolean done = body.path("done").asBoolean(false);
            a.put("done", done);
            if (done) {
                a.put("marked_as_done_time", iso(now));
            } else {
                a.putNull("marked_as_done_time");
            }
            a.set("location", body.has("location") ? body.get("location").deepCopy() : NullNode.instance);
            if (body.has("participants")) {
                a.set("participants", body.get("participants").deepCopy());
            } else {
                ArrayNode participants = a.putArray("participants");
                if (body.hasNonNull("person_id")) {
                    participants.addObject().put("person_id", body.get("person_id").asLong()).put("primary", true);
                }
            }
            a.set("attendees", body.has("attendees") ? body.get("attendees").deepCopy() : NODES.arrayNode());
            a.putNull("conference_meeting_client");
            a.putNull("conference_meeting_url");
            a.putNull("conference_meeting_id");
            for (String f : List.of("public_description", "priority", "outcome", "note")) {
                a.set(f, body.has(f) ? body.get(f).deepCopy() : NullNode.instance);
            }
            activities.put(a.get("id").asLong(), a);
            return ok(a.deepCopy());
        }
    }

    private Resp getActivity(long id) {
        synchronized (lock) {
            ObjectNode a = activities.get(id);
            if (a == null) {
                throw ApiError.notFound("Activity not found");
            }
            return ok(a.deepCopy());
        }
    }

    /** DELETE /api/v2/activities/{id}: marked deleted (Pipedrive keeps it 30 days), {@code data: {id}}. */
    private Resp deleteActivity(long id) {
        synchronized (lock) {
            ObjectNode a = activities.get(id);
            if (a != null && isDeleted(a) && shapes.contains(Shape.GONE_AS_410)) {
                return error(410, "Activity has been deleted", null);
            }
            if (a == null || isDeleted(a)) {
                throw ApiError.notFound("Activity not found");
            }
            a.put("is_deleted", true);
            a.put("update_time", iso(now()));
            return ok(NODES.objectNode().put("id", id));
        }
    }

    private Resp listActivities(Call call) {
        Long dealId = longParam(call, "deal_id");
        Long personId = longParam(call, "person_id");
        Long ownerId = longParam(call, "owner_id");
        String done = enumParam(call, "done", null, "true", "false");
        Instant since = SimSchema.parseQueryDateTime("updated_since", call.q("updated_since"));
        Instant until = SimSchema.parseQueryDateTime("updated_until", call.q("updated_until"));
        Comparator<ObjectNode> order = sortOrder(call, "id", "update_time", "add_time", "due_date");
        List<ObjectNode> all;
        synchronized (lock) {
            all = activities.values().stream()
                    .filter(a -> !isDeleted(a))
                    .filter(a -> dealId == null || a.path("deal_id").asLong() == dealId)
                    .filter(a -> personId == null || a.path("person_id").asLong() == personId)
                    .filter(a -> ownerId == null || a.path("owner_id").asLong() == ownerId)
                    .filter(a -> done == null || a.path("done").asBoolean() == Boolean.parseBoolean(done))
                    .filter(updatedBetween(since, until))
                    .sorted(order)
                    .map(ObjectNode::deepCopy)
                    .toList();
        }
        return page(call, all);
    }

    // ================================================================================== v1: notes, webhooks

    /** v1 accepts JSON or form-encoded bodies and is lenient about unknown fields. */
    private static ObjectNode v1Body(Call call) {
        String contentType = call.http.header("content-type");
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (ct.startsWith("application/x-www-form-urlencoded")) {
            ObjectNode n = NODES.objectNode();
            try {
                parseQuery(call.body).forEach(n::put);
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("Malformed form body");
            }
            return n;
        }
        if (!ct.startsWith("application/json")) {
            throw new ApiError(415, "Unsupported Media Type", null);
        }
        try {
            JsonNode node = JSON.readTree(call.body);
            if (node == null || !node.isObject()) {
                throw ApiError.badRequest("Request body must be a JSON object");
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("Malformed JSON in request body");
        }
    }

    /** v1 coerces numeric strings; returns null if absent/null. */
    private static Long v1Id(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() && v.asLong() > 0) {
            return v.asLong();
        }
        if (v.isTextual() && DIGITS.matcher(v.asText()).matches() && Long.parseLong(v.asText()) > 0) {
            return Long.parseLong(v.asText());
        }
        throw ApiError.badRequest("Invalid " + field + ": " + v);
    }

    private static boolean v1Flag(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        String s = v.asText();
        if (s.equals("1") || s.equals("true")) {
            return true;
        }
        if (s.equals("0") || s.equals("false")) {
            return false;
        }
        throw ApiError.badRequest("Invalid " + field + ": " + v);
    }

    private Resp createNote(Call call) {
        ObjectNode body = v1Body(call);
        JsonNode content = body.get("content");
        if (content == null || content.isNull() || !content.isTextual() || content.asText().isBlank()) {
            throw ApiError.badRequest("Note content is required");
        }
        Long dealId = v1Id(body, "deal_id");
        Long personId = v1Id(body, "person_id");
        Long orgId = v1Id(body, "org_id");
        Long projectId = v1Id(body, "project_id");
        Long taskId = v1Id(body, "task_id");
        String leadId = body.hasNonNull("lead_id") ? body.get("lead_id").asText() : null;
        if (dealId == null && personId == null && orgId == null && projectId == null && taskId == null
                && leadId == null) {
            throw ApiError.badRequest(
                    "One of deal_id, person_id, org_id, lead_id, project_id or task_id must be specified");
        }
        Instant addTime = now();
        if (body.hasNonNull("add_time")) {
            addTime = SimSchema.parseBodyDateTime(body.get("add_time").asText());
            if (addTime == null) {
                throw ApiError.badRequest("Invalid add_time (expected YYYY-MM-DD HH:MM:SS)");
            }
        }
        Instant now = now();
        synchronized (lock) {
            ObjectNode deal = dealId == null ? null : deals.get(dealId);
            if (dealId != null && (deal == null || isDeleted(deal))) {
                throw ApiError.badRequest("Deal not found");
            }
            ObjectNode person = personId == null ? null : persons.get(personId);
            if (personId != null && (person == null || isDeleted(person))) {
                throw ApiError.badRequest("Person not found");
            }
            ObjectNode n = NODES.objectNode();
            n.put("id", noteSeq.incrementAndGet());
            n.put("active_flag", true);
            n.put("add_time", SimSchema.formatSql(addTime));
            n.put("content", content.asText());
            if (deal != null) {
                n.putObject("deal").put("title", deal.path("title").asText());
            } else {
                n.putNull("deal");
            }
            n.put("lead_id", leadId);
            putNullableLong(n, "deal_id", dealId);
            n.put("last_update_user_id", USER_ID);
            putNullableLong(n, "org_id", orgId);
            n.putNull("organization");
            if (person != null) {
                n.putObject("person").put("name", person.path("name").asText());
            } else {
                n.putNull("person");
            }
            putNullableLong(n, "person_id", personId);
            putNullableLong(n, "project_id", projectId);
            n.putNull("project");
            putNullableLong(n, "task_id", taskId);
            n.putNull("task");
            n.put("pinned_to_deal_flag", v1Flag(body, "pinned_to_deal_flag"));
            n.put("pinned_to_organization_flag", v1Flag(body, "pinned_to_organization_flag"));
            n.put("pinned_to_person_flag", v1Flag(body, "pinned_to_person_flag"));
            n.put("pinned_to_project_flag", v1Flag(body, "pinned_to_project_flag"));
            n.put("pinned_to_task_flag", v1Flag(body, "pinned_to_task_flag"));
            n.put("update_time", SimSchema.formatSql(now));
            ObjectNode user = n.putObject("user");
            user.put("email", "integration@henk-sim.invalid");
            user.putNull("icon_url");
            user.put("is_you", true);
            user.put("name", "Pipedrive Simulator User");
            Long userId = v1Id(body, "user_id");
            n.put("user_id", userId != null ? userId : USER_ID);
            notes.put(n.get("id").asLong(), n);
            Resp r = ok(n.deepCopy());
            return new Resp(201, r.body);
        }
    }

    private static void putNullableLong(ObjectNode n, String field, Long value) {
        if (value == null) {
            n.putNull(field);
        } else {
            n.put(field, value);
        }
    }

    private Resp getNote(long id) {
        synchronized (lock) {
            ObjectNode n = notes.get(id);
            if (n == null) {
                throw ApiError.notFound("Note not found");
            }
            return ok(n.deepCopy());
        }
    }

    private Resp listNotes(Call call) {
        Long dealId = v1LongParam(call, "deal_id");
        Long personId = v1LongParam(call, "person_id");
        Long orgId = v1LongParam(call, "org_id");
        Long userId = v1LongParam(call, "user_id");
        String leadId = call.q("lead_id");
        Long startParam = v1LongParam(call, "start");
        Long limitParam = v1LongParam(call, "limit");
        int start = startParam == null ? 0 : startParam.intValue();
        int limit = limitParam == null ? DEFAULT_LIMIT : (int) Math.min(MAX_LIMIT, Math.max(1, limitParam));
        List<ObjectNode> all;
        synchronized (lock) {
            all = notes.values().stream()
                    .filter(n -> n.path("active_flag").asBoolean(true))
                    .filter(n -> dealId == null || n.path("deal_id").asLong() == dealId)
                    .filter(n -> personId == null || n.path("person_id").asLong() == personId)
                    .filter(n -> orgId == null || n.path("org_id").asLong() == orgId)
                    .filter(n -> userId == null || n.path("user_id").asLong() == userId)
                    .filter(n -> leadId == null || leadId.equals(n.path("lead_id").asText(null)))
                    .map(ObjectNode::deepCopy)
                    .toList();
        }
        int from = Math.min(start, all.size());
        int to = Math.min(from + limit, all.size());
        ObjectNode body = NODES.objectNode();
        body.put("success", true);
        ArrayNode data = body.putArray("data");
        all.subList(from, to).forEach(data::add);
        ObjectNode pagination = body.putObject("additional_data").putObject("pagination");
        pagination.put("start", start);
        pagination.put("limit", limit);
        pagination.put("more_items_in_collection", to < all.size());
        if (to < all.size()) {
            pagination.put("next_start", to);
        }
        return new Resp(200, body);
    }

    private static Long v1LongParam(Call call, String name) {
        String s = call.q(name);
        if (s == null || s.isEmpty()) {
            return null;
        }
        if (!DIGITS.matcher(s).matches()) {
            throw ApiError.badRequest("Invalid " + name + ": " + s);
        }
        return Long.parseLong(s);
    }

    private static final Set<String> WEBHOOK_ACTIONS =
            Set.of("create", "change", "delete", "*", "added", "updated", "merged", "deleted");
    private static final Set<String> WEBHOOK_OBJECTS = Set.of("activity", "deal", "lead", "note", "organization",
            "person", "pipeline", "product", "stage", "user", "*");

    private Resp createWebhook(Call call) {
        ObjectNode body = v1Body(call);
        ObjectNode errors = NODES.objectNode();
        String url = textOrNull(body, "subscription_url");
        if (url == null || url.isBlank()) {
            errors.putArray("subscription_url").add("subscription_url is required");
        } else if (!url.matches("https?://[^\\s/$.?#][^\\s]*")) {
            errors.putArray("subscription_url").add("subscription_url must be a valid http(s) URL");
        }
        String action = textOrNull(body, "event_action");
        if (action == null || !WEBHOOK_ACTIONS.contains(action)) {
            errors.putArray("event_action").add("event_action must be one of " + WEBHOOK_ACTIONS.stream().sorted().toList());
        }
        String object = textOrNull(body, "event_object");
        if (object == null || !WEBHOOK_OBJECTS.contains(object)) {
            errors.putArray("event_object").add("event_object must be one of " + WEBHOOK_OBJECTS.stream().sorted().toList());
        }
        String name = textOrNull(body, "name");
        if (name == null || name.isBlank()) {
            errors.putArray("name").add("name is required");
        }
        String version = body.hasNonNull("version") ? body.get("version").asText() : "2.0";
        if (!version.equals("1.0") && !version.equals("2.0")) {
            errors.putArray("version").add("version must be 1.0 or 2.0");
        }
        if (!errors.isEmpty()) {
            ObjectNode err = NODES.objectNode();
            err.put("success", false);
            err.set("errors", errors);
            return new Resp(400, err);
        }
        Long userId = v1Id(body, "user_id");
        synchronized (lock) {
            ObjectNode w = NODES.objectNode();
            w.put("id", webhookSeq.incrementAndGet());
            w.put("company_id", COMPANY_ID);
            w.put("owner_id", USER_ID);
            w.put("user_id", userId != null ? userId : USER_ID);
            w.put("event_action", action);
            w.put("event_object", object);
            w.put("subscription_url", url);
            w.put("version", version);
            w.put("is_active", 1);
            w.put("add_time", DateTimeFormatter.ISO_INSTANT.format(now()).replace("Z", ".000Z"));
            w.putNull("remove_time");
            w.put("type", "general");
            w.set("http_auth_user", body.has("http_auth_user") ? body.get("http_auth_user").deepCopy() : NullNode.instance);
            w.set("http_auth_password",
                    body.has("http_auth_password") ? body.get("http_auth_password").deepCopy() : NullNode.instance);
            w.putNull("remove_reason");
            w.putNull("last_delivery_time");
            w.putNull("last_http_status");
            w.put("admin_id", USER_ID);
            w.put("name", name);
            webhooks.put(w.get("id").asLong(), w);
            return new Resp(201, ok(w.deepCopy()).body);
        }
    }

    private static String textOrNull(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() || !v.isTextual() ? null : v.asText();
    }

    private Resp listWebhooks() {
        synchronized (lock) {
            ArrayNode data = NODES.arrayNode();
            webhooks.values().forEach(w -> data.add(w.deepCopy()));
            return ok(data);
        }
    }

    private Resp deleteWebhook(long id) {
        synchronized (lock) {
            if (webhooks.remove(id) == null) {
                throw ApiError.notFound("Webhook not found");
            }
            return ok(NODES.objectNode().put("id", id));
        }
    }

    // ================================================================================== misc

    /** Decodes {@code a=1&b=x%20y}; first value wins; throws IllegalArgumentException on bad escapes. */
    static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    @Override
    public String toString() {
        return "PipedriveSimulator[" + baseUrl() + "]";
    }
}
