package de.henk.hub.auth;

import com.nimbusds.jwt.JWTParser;
import de.henk.hub.config.HenkProperties;
import de.henk.hub.support.Api;
import de.henk.hub.web.ApiException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import de.henk.hub.support.HubTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Refresh-token rotation with reuse detection, logout, login throttling and role grants. */
class TokensAndLoginTest extends HubTest {

    @Test
    void refreshRotatesAndAReusedTokenEndsTheSession() {
        Account account = register(uniqueEmail("kunde"));
        Api.Response first = api.post("/api/auth/refresh", Map.of("refresh_token", account.refreshToken()), null);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        String rotated = first.text("refresh_token");
        assertThat(rotated).isNotEqualTo(account.refreshToken());
        assertThat(api.get("/api/auth/me", first.text("access_token")).status()).isEqualTo(200);

        // the old token again: someone replayed it — the whole session ends, also for the new tokens
        Api.Response replay = api.post("/api/auth/refresh", Map.of("refresh_token", account.refreshToken()), null);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.text("code")).isEqualTo("refresh_token_reused");
        Api.Response afterReplay = api.post("/api/auth/refresh", Map.of("refresh_token", rotated), null);
        assertThat(afterReplay.status()).isEqualTo(401);
        assertThat(afterReplay.text("code")).isEqualTo("session_revoked");
        assertThat(api.get("/api/auth/me", first.text("access_token")).status()).isEqualTo(401);
    }

    @Test
    void logoutWithTheRefreshTokenEndsTheSession() {
        Account account = register(uniqueEmail("kunde"));
        assertThat(api.post("/api/auth/logout", Map.of("refresh_token", account.refreshToken()), null).status())
                .isEqualTo(204);
        assertThat(api.post("/api/auth/refresh", Map.of("refresh_token", account.refreshToken()), null).status())
                .isEqualTo(401);
        assertThat(api.get("/api/auth/me", account.accessToken()).status()).isEqualTo(401);
        // a logout without body, bearer only
        Account again = login(account.email(), PASSWORD, null);
        assertThat(api.send("POST", "/api/auth/logout", null, Api.headers(again.accessToken())).status())
                .isEqualTo(204);
        assertThat(api.get("/api/auth/me", again.accessToken()).status()).isEqualTo(401);
        Api.Response nothing = api.post("/api/auth/logout", Map.of(), null);
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.text("code")).isEqualTo("nothing_to_logout");
    }

    @Test
    void repeatedFailuresLockTheAccountWithRetryAfter() {
        String email = uniqueEmail("kunde");
        register(email);
        for (int i = 0; i < 5; i++) {
            Api.Response wrong = api.post("/api/auth/login", Map.of("email", email, "password", "Wrong-Pass-99"), null);
            assertThat(wrong.status()).isEqualTo(401);
        }
        Api.Response locked = api.post("/api/auth/login", Map.of("email", email, "password", PASSWORD), null);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.text("code")).isEqualTo("too_many_attempts");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 900L);
        // other accounts are unaffected
        String other = uniqueEmail("kunde");
        register(other);
        assertThat(api.post("/api/auth/login", Map.of("email", other, "password", PASSWORD), null).status())
                .isEqualTo(200);
    }

    @Test
    void oneClientAddressIsThrottledAcrossAccounts(@Autowired JdbcClient db) {
        // the bean with a small address budget: over HTTP every test client shares 127.0.0.1
        HenkProperties settings = new HenkProperties(null, null, null, null, new HenkProperties.Auth(
                new HenkProperties.Auth.LoginThrottle(5, 3, Duration.ofMinutes(15), Duration.ofMinutes(15),
                        Duration.ofHours(1)), null),
                null, null, null, null, null, null, null, null);
        LoginThrottle throttle = new LoginThrottle(db, settings, Clock.systemUTC());
        String address = "203.0.113." + (int) (Math.random() * 250);
        for (int i = 0; i < 3; i++) {
            throttle.checkAllowed("fresh@example.com", address);
            throttle.recordFailure("someone-" + i + "@example.com", address);
        }
        assertThatThrownBy(() -> throttle.checkAllowed("fresh@example.com", address))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.headers()).containsKey("Retry-After");
                });
        throttle.checkAllowed("fresh@example.com", "198.51.100.7");
    }

    @Test
    void grantedRolesApplyFromTheNextRefreshAndAdminsCannotDemoteThemselves() throws Exception {
        Account account = register(uniqueEmail("sales"));
        Account admin = admin();
        Api.Response found = api.get("/api/admin/users?email=" + account.email(), admin.accessToken());
        assertThat(found.json().path("users")).hasSize(1);
        Api.Response granted = api.put("/api/admin/users/" + account.userId() + "/roles", Map.of("roles", List.of("BETA")),
                admin.accessToken());
        assertThat(granted.json().path("roles").toString()).contains("BETA", "CUSTOMER");
        assertThat(api.get("/api/crm/deals", account.accessToken()).status()).isEqualTo(403);
        Api.Response refreshed = api.post("/api/auth/refresh", Map.of("refresh_token", account.refreshToken()), null);
        assertThat(JWTParser.parse(refreshed.text("access_token")).getJWTClaimsSet().getStringListClaim("roles"))
                .contains("BETA");
        assertThat(api.get("/api/crm/deals", refreshed.text("access_token")).status()).isEqualTo(200);

        Api.Response bogus = api.put("/api/admin/users/" + account.userId() + "/roles", Map.of("roles", List.of("GOD")),
                admin.accessToken());
        assertThat(bogus.status()).isEqualTo(400);
        assertThat(bogus.text("code")).isEqualTo("unknown_role");
        Api.Response self = api.put("/api/admin/users/" + admin.userId() + "/roles", Map.of("roles", List.of("BETA")),
                admin.accessToken());
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.text("code")).isEqualTo("cannot_demote_self");
        assertThat(api.put("/api/admin/users/nope/roles", Map.of("roles", List.of("BETA")), admin.accessToken()).status())
                .isEqualTo(404);
    }

    @Test
    void aRoleTakenAwayEndsTheUsersSessionsAtOnce() {
        Account account = register(uniqueEmail("ehemals"));
        Account admin = admin();
        api.put("/api/admin/users/" + account.userId() + "/roles", Map.of("roles", List.of("BETA")), admin.accessToken());
        Api.Response beta = api.post("/api/auth/refresh", Map.of("refresh_token", account.refreshToken()), null);
        String betaToken = beta.text("access_token");
        assertThat(api.get("/api/crm/deals", betaToken).status()).isEqualTo(200);
        Account other = login(account.email(), PASSWORD, null);

        Api.Response revoked = api.put("/api/admin/users/" + account.userId() + "/roles", Map.of("roles", List.of("CUSTOMER")),
                admin.accessToken());

        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().path("roles").toString()).doesNotContain("BETA");
        assertThat(api.get("/api/crm/deals", betaToken).status()).as("the token with BETA in it").isEqualTo(401);
        assertThat(api.get("/api/crm/deals", other.accessToken()).status()).as("a second device").isEqualTo(401);
        assertThat(api.post("/api/auth/refresh", Map.of("refresh_token", beta.text("refresh_token")), null).status())
                .isEqualTo(401);
        Account again = login(account.email(), PASSWORD, null);
        assertThat(api.get("/api/crm/deals", again.accessToken()).status()).isEqualTo(403);
        assertThat(api.get("/api/admin/users?email=x", admin.accessToken()).status()).as("the admin's own session")
                .isEqualTo(200);
    }

    @Test
    void passwordsAreStoredWithBcrypt(@Autowired UserRepository users) {
        String email = uniqueEmail("kunde");
        register(email);
        String hash = users.findByEmail(email).orElseThrow().passwordHash();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);
    }
}
