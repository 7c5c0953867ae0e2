package de.henk.hub.auth;

import de.henk.hub.config.HenkProperties;
import de.henk.hub.system.Timestamps;
import de.henk.hub.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Failed logins, counted in the database (so every hub instance sees them) under two keys: the account together
 * with the client address ({@code max-failures-per-account}), and the address alone ({@code max-failures-per-address},
 * which stops credential stuffing across many accounts). Once a key's budget is spent it is locked, for
 * {@code lockout} and twice as long with every further failure (up to {@code max-lockout}). A stranger's failures
 * from another address never lock the owner out, and a correct password clears the owner's own pair.
 * The table holds no email or address: keys are HMAC-SHA-256 hashes under a key derived from the signing secret.
 */
@Component
public class LoginThrottle {

    private final JdbcClient db;
    private final HenkProperties.Auth.LoginThrottle settings;
    private final Clock clock;
    private final SecretKeySpec keying;
    private final HenkProperties.Auth.Registration registration;

    public LoginThrottle(JdbcClient db, HenkProperties properties, Clock clock) {
        this.db = db;
        this.settings = properties.auth().loginThrottle();
        this.registration = properties.auth().registration();
        this.clock = clock;
        // the signing secret is shared by all instances (their tokens must be), so all hash alike
        byte[] secret = properties.jwt() == null ? "henk-hub".getBytes(StandardCharsets.UTF_8)
                : JwtKeys.signingKey(properties).getEncoded();
        this.keying = new SecretKeySpec(hmac(new SecretKeySpec(secret, "HmacSHA256"), "henk login throttle"),
                "HmacSHA256");
    }

    public void checkAllowed(String email, String address) {
        OffsetDateTime now = Timestamps.now(clock);
        lockedUntil(pairKey(email, address), now).or(() -> lockedUntil(addressKey(address), now)).ifPresent(until -> {
            long seconds = Math.max(1, Duration.between(now, until).toSeconds());
            throw new ApiException(429, "too_many_attempts",
                    "Too many failed sign-in attempts. Try again in " + seconds + " seconds.",
                    java.util.List.of(), Map.of("Retry-After", Long.toString(seconds)));
        });
    }

    /**
     * Counts a registration attempt of the address, or refuses it with 429 {@code too_many_registrations} once the
     * address has made {@code henk.auth.registration.max-per-address} in the window: accounts are free, and each
     * brings a chat allowance of its own and an answer whether an email already has an account.
     */
    public void takeRegistration(String address) {
        HenkProperties.Auth.Registration limits = registration;
        if (limits == null) {
            return;
        }
        OffsetDateTime now = Timestamps.now(clock);
        String key = "register:" + hash(address(address));
        count(key, Integer.MAX_VALUE, now, limits.window());
        var counted = db.sql("select failures, window_started_at from login_failure where throttle_key = :key")
                .param("key", key).query((rs, n) -> Map.entry(rs.getInt(1), rs.getObject(2, OffsetDateTime.class)))
                .single();
        if (counted.getKey() > limits.maxPerAddress()) {
            long seconds = Math.max(1, Duration.between(now, counted.getValue().plus(limits.window())).toSeconds());
            throw new ApiException(429, "too_many_registrations",
                    "Too many accounts were registered from this address. Try again in " + seconds + " seconds.",
                    java.util.List.of(), Map.of("Retry-After", Long.toString(seconds)));
        }
    }

    public void recordFailure(String email, String address) {
        OffsetDateTime now = Timestamps.now(clock);
        count(pairKey(email, address), settings.maxFailuresPerAccount(), now);
        count(addressKey(address), settings.maxFailuresPerAddress(), now);
    }

    public void recordSuccess(String email, String address) {
        db.sql("delete from login_failure where throttle_key = :key").param("key", pairKey(email, address)).update();
    }

    private Optional<OffsetDateTime> lockedUntil(String key, OffsetDateTime now) {
        return db.sql("select locked_until from login_failure where throttle_key = :key").param("key", key)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional()
                .filter(until -> until != null && until.isAfter(now));
    }

    private void count(String key, int max, OffsetDateTime now) {
        count(key, max, now, settings.window());
    }

    private void count(String key, int max, OffsetDateTime now, Duration window) {
        OffsetDateTime windowStart = now.minus(window);
        // a window that has passed starts over; otherwise one more failure
        int updated = db.sql("""
                update login_failure set
                  failures = case when window_started_at < :windowStart then 1 else failures + 1 end,
                  window_started_at = case when window_started_at < :windowStart then :now else window_started_at end
                where throttle_key = :key""")
                .param("windowStart", windowStart).param("now", now).param("key", key).update();
        if (updated == 0) {
            try {
                db.sql("insert into login_failure (throttle_key, failures, window_started_at) values (:key, 1, :now)")
                        .param("key", key).param("now", now).update();
            } catch (DuplicateKeyException raced) {
                count(key, max, now, window);
                return;
            }
        }
        int failures = db.sql("select failures from login_failure where throttle_key = :key").param("key", key)
                .query(Integer.class).single();
        if (failures >= max) {
            db.sql("update login_failure set locked_until = :until where throttle_key = :key")
                    .param("until", now.plus(lockout(failures - max))).param("key", key).update();
        }
    }

    /** {@code lockout}, doubled for every failure beyond the budget, at most {@code max-lockout}. */
    Duration lockout(int beyond) {
        Duration cap = settings.maxLockout() == null ? Duration.ofHours(1) : settings.maxLockout();
        Duration lock = settings.lockout();
        for (int i = 0; i < beyond && lock.compareTo(cap) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(cap) > 0 ? cap : lock;
    }

    private String pairKey(String email, String address) {
        return "pair:" + hash((email == null ? "" : email.toLowerCase(Locale.ROOT)) + "\n" + address(address));
    }

    private String addressKey(String address) {
        return "address:" + hash(address(address));
    }

    private static String address(String address) {
        return address == null ? "unknown" : address;
    }

    private String hash(String subject) {
        return HexFormat.of().formatHex(hmac(keying, subject));
    }

    private static byte[] hmac(SecretKeySpec key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
