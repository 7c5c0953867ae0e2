package de.henk.hub.auth;

import de.henk.hub.config.HenkProperties;
import de.henk.hub.support.HubTest;
import de.henk.hub.web.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Login throttling that cannot be turned against the owner: a stranger's failures lock the stranger's address for
 * that account, not the owner at home; one address failing across many accounts is still stopped; locks grow.
 */
class StrangersCannotLockOutTheOwnerTest extends HubTest {

    @Autowired
    private JdbcClient db;

    private LoginThrottle throttle(int perAccount, int perAddress) {
        HenkProperties settings = new HenkProperties(null, null, null, null, new HenkProperties.Auth(
                new HenkProperties.Auth.LoginThrottle(perAccount, perAddress, Duration.ofMinutes(15),
                        Duration.ofMinutes(1), Duration.ofMinutes(30)), null),
                null, null, null, null, null, null, null, null);
        return new LoginThrottle(db, settings, Clock.systemUTC());
    }

    @Test
    void aStrangersFailuresDoNotLockTheOwnerOut() {
        LoginThrottle throttle = throttle(5, 20);
        String owner = uniqueEmail("owner");
        String stranger = "198.51.100." + (int) (Math.random() * 250);
        String home = "192.0.2." + (int) (Math.random() * 250);
        for (int i = 0; i < 5; i++) {
            throttle.checkAllowed(owner, stranger);
            throttle.recordFailure(owner, stranger);
        }
        assertThatThrownBy(() -> throttle.checkAllowed(owner, stranger)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo("too_many_attempts"));
        throttle.checkAllowed(owner, home); // the owner, from their own address, signs in as ever
    }

    @Test
    void oneAddressTryingManyAccountsIsStoppedAndLocksGrow() {
        LoginThrottle throttle = throttle(5, 3);
        String address = "203.0.113." + (int) (Math.random() * 250);
        for (int i = 0; i < 3; i++) {
            throttle.checkAllowed("victim-" + i + "@example.com", address);
            throttle.recordFailure("victim-" + i + "@example.com", address);
        }
        assertThatThrownBy(() -> throttle.checkAllowed(uniqueEmail("next"), address))
                .isInstanceOf(ApiException.class);
        assertThat(throttle.lockout(0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(throttle.lockout(1)).isEqualTo(Duration.ofMinutes(2));
        assertThat(throttle.lockout(3)).isEqualTo(Duration.ofMinutes(8));
        assertThat(throttle.lockout(10)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void theTableHoldsNoEmailAndNoAddress() {
        LoginThrottle throttle = throttle(5, 20);
        String email = uniqueEmail("private");
        throttle.recordFailure(email, "192.0.2.77");
        List<String> keys = db.sql("select throttle_key from login_failure").query(String.class).list();
        assertThat(keys).noneMatch(k -> k.contains(email) || k.contains("192.0.2.77") || k.contains("@"));
    }
}
