package de.henk.hub.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** What register, login and refresh answer: the account and a fresh token pair. */
public record AuthResponse(String userId, String email, String username, List<String> roles, String accessToken,
                           String refreshToken, String tokenType, long expiresIn,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String claimedSessionId) {

    static AuthResponse of(TokenPair tokens, String claimedSessionId) {
        UserAccount user = tokens.user();
        return new AuthResponse(user.id(), user.email(), user.username(),
                user.roles().stream().map(Role::name).sorted().toList(), tokens.accessToken(), tokens.refreshToken(),
                "Bearer", tokens.accessTokenTtl().toSeconds(), claimedSessionId);
    }
}
