package de.henk.hub.chat;

import de.henk.hub.auth.Caller;
import de.henk.hub.web.ApiException;
import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every chat turn may cost an LLM call, so turns are limited: per client address for anonymous visitors, and per
 * session for everyone (turns that continue a session), each within a sliding window. Over a limit is a 429
 * {@code rate_limited} with {@code Retry-After}.
 *
 * <p>The counts live in the database ({@code chat_rate_limit}) because the hub runs as N instances behind a load
 * balancer: counted in each instance's memory, the limit — the protection against LLM cost — would be N times the
 * configured one. Each key's turns are counted per slot of a tenth of the window; a turn is allowed while the slots of
 * the last window hold fewer than the limit (so a turn leaves the count at most a tenth of the window early, and a
 * burst across a window boundary cannot take twice the limit). Taking a turn is one conditional update of the current
 * slot ({@code turns < limit - earlier slots}), which the database applies atomically however many instances ask at
 * once; only a slot's first turn inserts its row, and an insert that loses a race on the primary key retries the
 * update. No locks, no transactions, no database-specific upsert, the same SQL on H2 and PostgreSQL. (The earlier
 * slots are read before the update: only at the instant a slot begins can a turn still being counted in the slot
 * before slip past another instance — a turn per racing instance at most, against N times the limit before.) It
 * runs outside any transaction, as a route step: on PostgreSQL the lost insert race would otherwise abort the
 * surrounding one.
 *
 * <p>The table never holds an address or a session id: keys are HMAC-SHA-256 hashes of them under a key derived from
 * the hub's signing secret (a plain hash of an IPv4 address could be reversed by hashing all four billion). Rows older than two windows are
 * deleted by each instance at most once per window (an idempotent delete, harmless when instances overlap).
 */
@Component("chatLimits")
public class ChatRateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(ChatRateLimiter.class);

    /** Slots per window: the precision of the sliding window. */
    static final int SLOTS = 10;

    private final JdbcClient db;
    private final ChatSettings.RateLimit limits;
    private final Clock clock;
    private final long windowMillis;
    private final long slotMillis;
    private final AtomicLong nextCleanup = new AtomicLong(Long.MIN_VALUE);

    private final SecretKeySpec keying;

    @org.springframework.beans.factory.annotation.Autowired
    public ChatRateLimiter(JdbcClient db, ChatSettings settings, Clock clock, de.henk.hub.config.HenkProperties properties) {
        this(db, settings, clock, de.henk.hub.auth.JwtKeys.signingKey(properties).getEncoded());
    }

    /**
     * {@code secret}: the hub's signing secret (shared by all instances, as their tokens must be); the keys in the
     * table are keyed hashes under a key derived from it, so the table cannot be read back by hashing every address.
     */
    ChatRateLimiter(JdbcClient db, ChatSettings settings, Clock clock, byte[] secret) {
        this.keying = new SecretKeySpec(hmac(new SecretKeySpec(secret, "HmacSHA256"), "henk chat rate limit"),
                "HmacSHA256");
        this.db = db;
        this.limits = settings.rateLimit();
        this.clock = clock;
        this.slotMillis = Math.max(1, limits.window().toMillis() / SLOTS);
        this.windowMillis = slotMillis * SLOTS;
    }

    /** Route step before a turn is answered: counts it, or refuses it. */
    public void check(Caller caller, ChatRequest request) {
        long now = clock.millis();
        deleteOldCountsNowAndThen(now);
        if (!caller.authenticated() && caller.clientAddress() != null) {
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
        long earlier = db.sql("""
                        select coalesce(sum(turns), 0) from chat_rate_limit
                        where limit_key = :key and slot_start >= :first and slot_start < :slot""")
                .param("key", key).param("first", at(firstSlot)).param("slot", at(slot))
                .query((rs, n) -> rs.getLong(1)).single();
        long allowance = limit - earlier;
        if (allowance > 0 && counted(key, at(slot), allowance)) {
            return;
        }
        long retryAfter = retryAfterSeconds(slotTurns(key, firstSlot), limit, slot, now);
        throw new ApiException(429, "rate_limited",
                "Too many chat messages – please wait " + retryAfter + " s before the next one", List.of(),
                Map.of("Retry-After", Long.toString(retryAfter)));
    }

    /** One more turn in the slot, unless it already holds {@code allowance} turns. */
    private boolean counted(String key, OffsetDateTime slot, long allowance) {
        if (increment(key, slot, allowance)) {
            return true;
        }
        boolean exists = db.sql("select count(*) from chat_rate_limit where limit_key = :key and slot_start = :slot")
                .param("key", key).param("slot", slot).query((rs, n) -> rs.getLong(1)).single() > 0;
        if (exists) {
            // full, or another turn inserted the slot's row after our update missed it: one more try tells which
            return increment(key, slot, allowance);
        }
        try {
            db.sql("insert into chat_rate_limit (limit_key, slot_start, turns) values (:key, :slot, 1)")
                    .param("key", key).param("slot", slot).update();
            return true;
        } catch (DuplicateKeyException concurrentFirstTurn) {
            return increment(key, slot, allowance);
        }
    }

    private boolean increment(String key, OffsetDateTime slot, long allowance) {
        return db.sql("""
                        update chat_rate_limit set turns = turns + 1
                        where limit_key = :key and slot_start = :slot and turns < :allowance""")
                .param("key", key).param("slot", slot).param("allowance", allowance).update() == 1;
    }

    /** The key's turns per slot in the current window, oldest slot first (index 0 = {@code firstSlot}). */
    private long[] slotTurns(String key, long firstSlot) {
        long[] turns = new long[SLOTS];
        db.sql("select slot_start, turns from chat_rate_limit where limit_key = :key and slot_start >= :first")
                .param("key", key).param("first", at(firstSlot))
                .query(rs -> {
                    long start = rs.getObject("slot_start", OffsetDateTime.class).toInstant().toEpochMilli();
                    int index = (int) ((start - firstSlot) / slotMillis);
                    if (index >= 0 && index < SLOTS) {
                        turns[index] += rs.getLong("turns");
                    }
                });
        return turns;
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
            db.sql("delete from chat_rate_limit where slot_start < :before").param("before", at(now - 2 * windowMillis))
                    .update();
        } catch (DataAccessException e) {
            // a turn is never refused for this; the next window tries again
            LOG.warn("Old chat rate-limit counts not deleted ({})", e.getClass().getSimpleName());
        }
    }

    private static OffsetDateTime at(long epochMillis) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }

    /** The table's key for an address or session: HMAC-SHA-256 under the derived key, hex. */
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
