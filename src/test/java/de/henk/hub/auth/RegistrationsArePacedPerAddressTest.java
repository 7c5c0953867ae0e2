package de.henk.hub.auth;

import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import de.henk.hub.support.SecondHub;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registration attempts are limited per client address ({@code henk.auth.registration.*}): one address registered
 * account after account unrefused — each a chat allowance of its own, a bcrypt hash of CPU, and with 409
 * {@code email_taken} an answer whether an email has an account. The test's hub trusts X-Forwarded-For (as behind a
 * load balancer) so that its address is its own, whatever else registered from 127.0.0.1 on the shared database.
 */
class RegistrationsArePacedPerAddressTest extends HubTest {

    private static final int LIMIT = 3;
    private static SecondHub hub;

    @BeforeAll
    static void startAHubWithALowLimit() throws Exception {
        hub = SecondHub.start(Map.of("henk.auth.registration.max-per-address", String.valueOf(LIMIT),
                "henk.auth.registration.window", "1h", "server.forward-headers-strategy", "native"));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void anAddressGetsItsAttemptsThenA429WithRetryAfter() {
        String address = "2001:db8:" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000)) + "::7";
        String taken = uniqueEmail("paced");
        assertThat(register(address, taken).status()).isEqualTo(201);
        // a failed attempt counts too: email_taken tells whether an email has an account
        assertThat(register(address, taken).text("code")).isEqualTo("email_taken");
        assertThat(register(address, uniqueEmail("paced")).status()).isEqualTo(201);
        Api.Response refused = register(address, uniqueEmail("paced"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.text("code")).isEqualTo("too_many_registrations");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        // another address is not affected
        assertThat(register("2001:db8::" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000)),
                uniqueEmail("paced")).status()).isEqualTo(201);
    }

    private static Api.Response register(String address, String email) {
        Map<String, String> headers = new HashMap<>(Map.of("X-Forwarded-For", address));
        return hub.api().send("POST", "/api/auth/register",
                Map.of("email", email, "username", "Max Mustermann", "password", PASSWORD), headers);
    }
}
