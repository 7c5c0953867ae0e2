package de.henk.hub.auth;

import de.henk.hub.config.HenkProperties;
import de.henk.hub.system.Timestamps;
import de.henk.hub.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues short-lived signed access tokens and rotating, hashed refresh tokens. */
@Service
public class TokenService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JwtEncoder encoder;
    private final LoginSessions sessions;
    private final HenkProperties.Jwt settings;
    private final Clock clock;
    private final JwtDecoder anyAge;

    public TokenService(JwtEncoder encoder, LoginSessions sessions, HenkProperties properties, Clock clock,
                        SecretKey jwtSigningKey) {
        this.encoder = encoder;
        this.sessions = sessions;
        this.settings = properties.jwt();
        this.clock = clock;
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(jwtSigningKey).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(new JwtIssuerValidator(settings.issuer()));
        this.anyAge = decoder;
    }

    /**
     * The login session an access token of ours names, also when the token has expired or its session has ended
     * (for logout: the holder of a token we signed may end its session whenever); empty for a token we did not sign.
     */
    public Optional<String> sessionNamedBy(String accessToken) {
        try {
            return Optional.ofNullable(anyAge.decode(accessToken).getClaimAsString("sid"));
        } catch (JwtException notOurs) {
            return Optional.empty();
        }
    }

    /** A new login session with its first refresh token. */
    @Transactional
    public TokenPair openSession(UserAccount user) {
        OffsetDateTime now = Timestamps.now(clock);
        String sessionId = UUID.randomUUID().toString();
        sessions.open(sessionId, user.id(), now);
        return issue(user, sessionId, now);
    }

    /**
     * Exchanges a refresh token for a new pair. A token that was already used revokes its whole session: either
     * the legitimate client or an attacker holds a copy, and we cannot tell which.
     */
    @Transactional(noRollbackFor = ApiException.class)
    public TokenPair refresh(String refreshToken, java.util.function.Function<String, UserAccount> users) {
        OffsetDateTime now = Timestamps.now(clock);
        var stored = sessions.findRefreshToken(hash(refreshToken))
                .orElseThrow(() -> ApiException.unauthorized("invalid_refresh_token", "The refresh token is not valid"));
        if (stored.revoked()) {
            throw ApiException.unauthorized("session_revoked", "This login session has ended; please sign in again");
        }
        if (stored.rotated() || !sessions.rotate(stored.id(), now)) {
            sessions.revoke(stored.sessionId(), "refresh_token_reused", now);
            throw ApiException.unauthorized("refresh_token_reused",
                    "This refresh token was already used; the session has been ended for your safety");
        }
        if (stored.expiresAt().isBefore(now)) {
            throw ApiException.unauthorized("refresh_token_expired", "The refresh token has expired; please sign in");
        }
        UserAccount user = users.apply(stored.userId());
        return issue(user, stored.sessionId(), now);
    }

    public void revokeByRefreshToken(String refreshToken) {
        OffsetDateTime now = Timestamps.now(clock);
        sessions.findRefreshToken(hash(refreshToken))
                .ifPresent(stored -> sessions.revoke(stored.sessionId(), "logout", now));
    }

    public void revokeSession(String sessionId) {
        sessions.revoke(sessionId, "logout", Timestamps.now(clock));
    }

    private TokenPair issue(UserAccount user, String sessionId, OffsetDateTime now) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(settings.issuer())
                .subject(user.id())
                .issuedAt(now.toInstant())
                .expiresAt(now.plus(settings.accessTokenTtl()).toInstant())
                .id(UUID.randomUUID().toString())
                .claim("email", user.email())
                .claim("roles", user.roles().stream().map(Role::name).sorted().toList())
                .claim("sid", sessionId)
                .build();
        String access = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        sessions.addRefreshToken(UUID.randomUUID().toString(), sessionId, hash(refresh), now,
                now.plus(settings.refreshTokenTtl()));
        return new TokenPair(user, access, refresh, settings.accessTokenTtl());
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
