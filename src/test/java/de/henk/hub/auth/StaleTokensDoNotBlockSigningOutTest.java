package de.henk.hub.auth;

import com.nimbusds.jwt.JWTParser;
import de.henk.hub.support.Api;
import de.henk.hub.support.HubTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoints whose credential is in the body (register, login, refresh, logout) are not refused for a stale
 * access token sent along: the dashboard signs out with its (by then often expired) access token and the refresh
 * token, and that refresh token's session must end — it stayed usable for 30 days when the 401 came first.
 */
class StaleTokensDoNotBlockSigningOutTest extends HubTest {

    private static final String NOT_OURS = "eyJhbGciOiJIUzI1NiJ9.e30.c3RhbGU";

    @Autowired
    private JwtEncoder encoder;

    @Test
    void signingOutWithAnExpiredAccessTokenAndTheRefreshTokenEndsTheSession() throws Exception {
        Account account = register(uniqueEmail("kunde"));
        Api.Response logout = api.post("/api/auth/logout", Map.of("refresh_token", account.refreshToken()),
                expiredCopyOf(account));
        assertThat(logout.status()).as(logout.toString()).isEqualTo(204);
        assertThat(api.post("/api/auth/refresh", Map.of("refresh_token", account.refreshToken()), null).status())
                .isEqualTo(401);
        assertThat(api.get("/api/auth/me", account.accessToken()).status()).isEqualTo(401);
    }

    @Test
    void anExpiredAccessTokenAloneStillEndsItsSession() throws Exception {
        Account account = register(uniqueEmail("kunde"));
        Api.Response logout = api.send("POST", "/api/auth/logout", null, Api.headers(expiredCopyOf(account)));
        assertThat(logout.status()).as(logout.toString()).isEqualTo(204);
        assertThat(api.get("/api/auth/me", account.accessToken()).status()).isEqualTo(401);
        Api.Response refresh = api.post("/api/auth/refresh", Map.of("refresh_token", account.refreshToken()), null);
        assertThat(refresh.text("code")).isEqualTo("session_revoked");
    }

    @Test
    void aTokenWeDidNotSignEndsNothingAndAloneIsA401() {
        Account account = register(uniqueEmail("kunde"));
        Api.Response forgedOnly = api.send("POST", "/api/auth/logout", null, Api.headers(NOT_OURS));
        assertThat(forgedOnly.status()).isEqualTo(401);
        assertThat(forgedOnly.text("code")).isEqualTo("invalid_token");
        assertThat(api.get("/api/auth/me", account.accessToken()).status()).isEqualTo(200);
        // beside the refresh token it is ignored: the refresh token's session ends
        assertThat(api.post("/api/auth/logout", Map.of("refresh_token", account.refreshToken()), NOT_OURS).status())
                .isEqualTo(204);
        assertThat(api.get("/api/auth/me", account.accessToken()).status()).isEqualTo(401);
    }

    @Test
    void registerLoginAndRefreshIgnoreAStaleBearerToken() {
        String email = uniqueEmail("kunde");
        Api.Response registered = api.post("/api/auth/register",
                Map.of("email", email, "username", "Max Mustermann", "password", PASSWORD), NOT_OURS);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        Api.Response loggedIn = api.post("/api/auth/login", Map.of("email", email, "password", PASSWORD), NOT_OURS);
        assertThat(loggedIn.status()).as(loggedIn.toString()).isEqualTo(200);
        Api.Response refreshed = api.post("/api/auth/refresh",
                Map.of("refresh_token", loggedIn.text("refresh_token")), NOT_OURS);
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        // every other endpoint still refuses it: a bad token is never silently anonymous
        assertThat(api.post("/api/chat", Map.of("message", "Hallo"), NOT_OURS).status()).isEqualTo(401);
    }

    @Test
    void anAccessTokenSentAsTheRefreshTokenIsAnInvalidRefreshToken() {
        Account account = register(uniqueEmail("kunde"));
        Api.Response refresh = api.post("/api/auth/refresh", Map.of("refresh_token", account.accessToken()), null);
        assertThat(refresh.status()).as(refresh.toString()).isEqualTo(401);
        assertThat(refresh.text("code")).isEqualTo("invalid_refresh_token");
        // and the session it came from goes on
        assertThat(api.get("/api/auth/me", account.accessToken()).status()).isEqualTo(200);
    }

    /** The account's access token as it is after its 15 minutes: the same session, signed by the hub, expired. */
    private String expiredCopyOf(Account account) throws Exception {
        String sid = JWTParser.parse(account.accessToken()).getJWTClaimsSet().getStringClaim("sid");
        Instant past = Instant.now().minusSeconds(3600);
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                JwtClaimsSet.builder().issuer("henk-hub").subject(account.userId()).issuedAt(past.minusSeconds(900))
                        .expiresAt(past).claim("roles", List.of("CUSTOMER")).claim("sid", sid)
                        .claim("email", account.email()).build())).getTokenValue();
    }
}
