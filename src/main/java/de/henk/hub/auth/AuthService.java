package de.henk.hub.auth;

import de.henk.hub.chat.ChatSessions;
import de.henk.hub.system.Timestamps;
import de.henk.hub.web.ApiException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registration, login, token refresh and logout. Who is a beta user is decided here, never by the client. */
@Service("auth")
public class AuthService {

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final TokenService tokens;
    private final LoginThrottle throttle;
    private final ChatSessions chatSessions;
    private final Clock clock;
    private final String dummyHash;

    public AuthService(UserRepository users, PasswordEncoder passwords, TokenService tokens, LoginThrottle throttle,
                       ChatSessions chatSessions, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.throttle = throttle;
        this.chatSessions = chatSessions;
        this.clock = clock;
        this.dummyHash = passwords.encode(UUID.randomUUID().toString());
    }

    /** Route step before a registration: counts the attempt of the caller's address, or refuses it (429). */
    public void allowRegistration(Caller caller) {
        throttle.takeRegistration(caller.clientAddress());
    }

    @Transactional
    public AuthResponse register(AuthRequests.Register request) {
        String email = normalizeEmail(request.email());
        String username = request.username().strip();
        PasswordPolicy.check(request.password(), email, username);
        if (users.findByEmail(email).isPresent()) {
            throw emailTaken();
        }
        OffsetDateTime now = Timestamps.now(clock);
        UserAccount user = new UserAccount(UUID.randomUUID().toString(), email, username,
                passwords.encode(request.password()), EnumSet.of(Role.CUSTOMER), now, now);
        try {
            users.insert(user);
        } catch (DuplicateKeyException raced) {
            throw emailTaken();
        }
        String claimed = request.sessionId() != null && chatSessions.claim(request.sessionId(), user.id())
                ? request.sessionId() : null;
        return AuthResponse.of(tokens.openSession(user), claimed);
    }

    @Transactional(noRollbackFor = ApiException.class)
    public AuthResponse login(AuthRequests.Login request, Caller caller) {
        String email = normalizeEmail(request.email());
        throttle.checkAllowed(email, caller.clientAddress());
        UserAccount user = users.findByEmail(email).orElse(null);
        // compare against a dummy hash for unknown accounts so timing does not reveal which emails exist
        boolean matches = passwords.matches(request.password(), user != null ? user.passwordHash() : dummyHash);
        if (user == null || !matches) {
            throttle.recordFailure(email, caller.clientAddress());
            throw ApiException.unauthorized("invalid_credentials", "Email or password is wrong");
        }
        throttle.recordSuccess(email, caller.clientAddress());
        if (Boolean.TRUE.equals(request.isBetaUser()) && !Role.BETA.grantedBy(user.roles())) {
            throw ApiException.forbidden("not_beta_user", "This account is not part of the sales team");
        }
        return AuthResponse.of(tokens.openSession(user), null);
    }

    public AuthResponse refresh(AuthRequests.Refresh request) {
        return AuthResponse.of(tokens.refresh(request.refreshToken(), this::activeUser), null);
    }

    /**
     * Ends the login session named by the refresh token in the body and/or by the bearer token. The bearer token is
     * read here, not by the security filter (SecurityConfig#BODY_CREDENTIAL_PATHS): a client signing out after its
     * access token expired still ends its session, and a stale or forged bearer token beside a refresh token does
     * not keep the refresh token's session alive.
     */
    public void logout(AuthRequests.Logout request, String authorization) {
        boolean hasRefresh = request != null && request.refreshToken() != null && !request.refreshToken().isBlank();
        String bearer = bearerToken(authorization);
        if (!hasRefresh && bearer == null) {
            throw ApiException.badRequest("nothing_to_logout", "Send a bearer token or a refresh_token to log out");
        }
        if (hasRefresh) {
            tokens.revokeByRefreshToken(request.refreshToken());
        }
        if (bearer != null) {
            var session = tokens.sessionNamedBy(bearer);
            if (session.isPresent()) {
                tokens.revokeSession(session.get());
            } else if (!hasRefresh) {
                throw ApiException.unauthorized("invalid_token", "The access token is invalid");
            }
        }
    }

    /** The token of an {@code Authorization: Bearer …} header; null for none, an empty one or another scheme. */
    private static String bearerToken(String authorization) {
        String value = authorization == null ? "" : authorization.strip();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7) && !value.substring(7).isBlank()) {
            return value.substring(7).strip();
        }
        return null;
    }

    public UserView me(Caller caller) {
        return UserView.of(activeUser(caller.userId()));
    }

    private UserAccount activeUser(String userId) {
        return users.findById(userId)
                .orElseThrow(() -> ApiException.unauthorized("account_not_found", "This account no longer exists"));
    }

    /** One spelling per address ({@link de.henk.hub.web.EmailAddresses#normalize}): NFKC, lower case. */
    public static String normalizeEmail(String email) {
        return de.henk.hub.web.EmailAddresses.normalize(email);
    }

    private static ApiException emailTaken() {
        return ApiException.conflict("email_taken", "An account with this email already exists");
    }
}
