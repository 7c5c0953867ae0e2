package de.henk.hub.chat;

import de.henk.hub.auth.Caller;
import de.henk.hub.web.ApiException;
import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every chat turn may cost an LLM call, so turns are limited: per client address for anonymous visitors, per account
 * for signed-in customers (all their sessions together), and per session for everyone (turns that continue a
 * session), each within a sliding window. Over a limit is a 429
 * {@code rate_limited} with {@code Retry-After}.
 *
 * <p>Each key's turns are counted per slot of a tenth of the window; a turn is allowed while the slots of the last
 * window hold fewer than the limit (so a turn leaves the count at most a tenth of the window early, and a burst
 * across a window boundary cannot take twice the limit). Where the counts live is {@code
 * henk.chat.rate-limit.counts}: {@code database} ({@link DatabaseTurnCounts}, the table {@code chat_rate_limit},
 * shared by N instances behind a load balancer), {@code memory} ({@link MemoryTurnCounts}, this instance only), or
 * {@code auto}: memory on the embedded H2 file database, which one process at a time can open, the table on any
 * other. (The earlier slots are read before the slot is counted: only at the instant a slot begins can a turn still
 * being counted in the slot before slip past another instance — a turn per racing instance at most.)
 *
 * <p>The counts never hold an address or a session id: keys are HMAC-SHA-256 hashes of them under a key derived from
 * the hub's signing secret (a plain hash of an IPv4 address could be reversed by hashing all four billion). Counts
 * older than two windows are forgotten by each instance at most once per window (idempotent, harmless when
 * instances overlap).
 */
@Component("chatLimits")
public class ChatRateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(ChatRateLimiter.class);

    /** Slots per window: the precision of the sliding window. */
    static final int SLOTS = 10;

    private final TurnCounts counts;
    private final ChatSettings.RateLimit limits;
    private final Clock clock;
    private final long windowMillis;
    private final long slotMillis;
    private final AtomicLong nextCleanup = new AtomicLong(Long.MIN_VALUE);

    private final SecretKeySpec keying;

    @org.springframework.beans.factory.annotation.Autowired
    public ChatRateLimiter(JdbcClient db, ChatSettings settings, Clock clock, de.henk.hub.config.HenkProperties properties,
                           @org.springframework.beans.factory.annotation.Value("${spring.datasource.url:}") String databaseUrl) {
        this(counts(settings.rateLimit().counts(), databaseUrl, db), settings, clock,
                de.henk.hub.auth.JwtKeys.signingKey(properties).getEncoded());
    }

    /** {@code henk.chat.rate-limit.counts}: database, memory, or auto (memory on an embedded H2 file, else database). */
    static TurnCounts counts(String where, String databaseUrl, JdbcClient db) {
        String store = where == null ? "auto" : where.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (store) {
            case "database" -> new DatabaseTurnCounts(db);
            case "memory" -> new MemoryTurnCounts();
            case "auto" -> onlyOneProcess(databaseUrl) ? new MemoryTurnCounts() : new DatabaseTurnCounts(db);
            default -> throw new IllegalStateException(
                    "henk.chat.rate-limit.counts must be auto, database or memory, not '" + where + "'");
        };
    }

    /** An embedded H2 file (no AUTO_SERVER): the process that opens it is the only one that can. */
    static boolean onlyOneProcess(String databaseUrl) {
        String url = databaseUrl == null ? "" : databaseUrl.toLowerCase(java.util.Locale.ROOT);
        return url.startsWith("jdbc:h2:file:") && !url.contains("auto_server=true");
    }

    /**
     * {@code secret}: the hub's signing secret (shared by all instances, as their tokens must be); the keys in the
     * table are keyed hashes under a key derived from it, so the table cannot be read back by hashing every address.
     */
    ChatRateLimiter(TurnCounts counts, ChatSettings settings, Clock clock, byte[] secret) {
        this.keying = new SecretKeySpec(hmac(new SecretKeySpec(secret, "HmacSHA256"), "henk chat rate limit"),
                "HmacSHA256");
        this.counts = counts;
        this.limits = settings.rateLimit();
        this.clock = clock;
        this.slotMillis = Math.max(1, limits.window().toMillis() / SLOTS);
        this.windowMillis = slotMillis * SLOTS;
    }

    /** Route step before a turn is answered: counts it, or refuses it. */
    public void check(Caller caller, ChatRequest request) {
        long now = clock.millis();
        deleteOldCountsNowAndThen(now);
        if (caller.authenticated()) {
            // every session of the account together: a new session per message is no way around the session limit
            take("account:" + caller.userId(), limits.perAccount(), now);
        } else if (caller.clientAddress() != null) {
            take("address:" + caller.clientAddress(), limits.anonymousPerAddress(), now);
        }
        if (request.sessionId() != null) {
            take("session:" + request.sessionId(), limits.perSession(), now);
        }
    }

    private void take(String subject, int limit, long now) {
        String key = key(subject);
        long slot = Math.floorDiv(now, slotMillis) * slotMillis;
        long firstSlot = slot - (SLOTS - 1) * slotMillis;
        long allowance = limit - counts.earlier(key, firstSlot, slot);
        if (allowance > 0 && counts.counted(key, slot, allowance)) {
            return;
        }
        long retryAfter = retryAfterSeconds(counts.slotTurns(key, firstSlot, slotMillis, SLOTS), limit, slot, now);
        throw new ApiException(429, "rate_limited",
                "Too many chat messages – please wait " + retryAfter + " s before the next one", List.of(),
                Map.of("Retry-After", Long.toString(retryAfter)));
    }

    /**
     * Whole seconds (at least 1) until enough of the oldest slots have left the window for one more turn, as the
     * counts stand now; at most one window.
     */
    private long retryAfterSeconds(long[] turns, int limit, long slot, long now) {
        long remaining = 0;
        for (long t : turns) {
            remaining += t;
        }
        if (remaining < limit) {
            return 1; // refused in a race that has since settled
        }
        long waitMillis = slot + windowMillis - now;
        for (int leaving = 0; leaving < SLOTS; leaving++) {
            remaining -= turns[leaving];
            if (remaining < limit) {
                waitMillis = slot + (leaving + 1) * slotMillis - now;
                break;
            }
        }
        return Math.max(1, (waitMillis + 999) / 1000);
    }

    private void deleteOldCountsNowAndThen(long now) {
        long due = nextCleanup.get();
        if (now < due || !nextCleanup.compareAndSet(due, now + windowMillis)) {
            return;
        }
        try {
            counts.forgetBefore(now - 2 * windowMillis);
        } catch (DataAccessException e) {
            // a turn is never refused for this; the next window tries again
            LOG.warn("Old chat rate-limit counts not deleted ({})", e.getClass().getSimpleName());
        }
    }

    /** The counts' key for an address or session: HMAC-SHA-256 under the derived key, hex. */
    String key(String subject) {
        return HexFormat.of().formatHex(hmac(keying, subject));
    }

    private static byte[] hmac(SecretKeySpec key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | java.security.InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
