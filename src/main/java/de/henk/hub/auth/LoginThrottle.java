package de.henk.hub.auth;

import de.henk.hub.config.HenkProperties;
import de.henk.hub.system.Timestamps;
import de.henk.hub.web.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per account and per client address in the database (so every hub instance sees them)
 * and locks the key for a while once a window holds too many failures.
 */
@Component
public class LoginThrottle {

    private final JdbcClient db;
    private final HenkProperties.Auth.LoginThrottle settings;
    private final Clock clock;

    public LoginThrottle(JdbcClient db, HenkProperties properties, Clock clock) {
        this.db = db;
        this.settings = properties.auth().loginThrottle();
        this.clock = clock;
    }

    public void checkAllowed(String email, String address) {
        OffsetDateTime now = Timestamps.now(clock);
        lockedUntil(accountKey(email), now).or(() -> lockedUntil(addressKey(address), now)).ifPresent(until -> {
            long seconds = Math.max(1, Duration.between(now, until).toSeconds());
            throw new ApiException(429, "too_many_attempts",
                    "Too many failed sign-in attempts. Try again in " + seconds + " seconds.",
                    java.util.List.of(), Map.of("Retry-After", Long.toString(seconds)));
        });
    }

    public void recordFailure(String email, String address) {
        OffsetDateTime now = Timestamps.now(clock);
        count(accountKey(email), settings.maxFailuresPerAccount(), now);
        count(addressKey(address), settings.maxFailuresPerAddress(), now);
    }

    public void recordSuccess(String email) {
        db.sql("delete from login_failure where throttle_key = :key").param("key", accountKey(email)).update();
    }

    private Optional<OffsetDateTime> lockedUntil(String key, OffsetDateTime now) {
        return db.sql("select locked_until from login_failure where throttle_key = :key").param("key", key)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional()
                .filter(until -> until != null && until.isAfter(now));
    }

    private void count(String key, int max, OffsetDateTime now) {
        OffsetDateTime windowStart = now.minus(settings.window());
        // a window that has passed starts over; otherwise one more failure, and a lock once the budget is spent
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
                count(key, max, now);
                return;
            }
        }
        db.sql("update login_failure set locked_until = :until where throttle_key = :key and failures >= :max")
                .param("until", now.plus(settings.lockout())).param("key", key).param("max", max).update();
    }

    private static String accountKey(String email) {
        return "account:" + email;
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "unknown" : address);
    }
}
