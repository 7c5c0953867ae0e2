package de.henk.hub.auth;

import de.henk.hub.web.EmailAddress;
import de.henk.hub.web.SingleLine;
import de.henk.hub.web.VisibleText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the auth and admin endpoints (JSON snake_case). */
public final class AuthRequests {

    private AuthRequests() { }

    public record Register(
            @NotBlank @EmailAddress String email,
            @NotBlank @Size(max = 100) @SingleLine @VisibleText String username,
            @NotBlank @Size(max = 200) String password,
            @Size(max = 64) String sessionId) {

        /** The name is read without the invisible characters at its ends ({@link VisibleText}). */
        public Register {
            username = VisibleText.Check.strip(username);
        }
    }

    public record Login(
            @NotBlank @Size(max = 254) String email,
            @NotBlank @Size(max = 200) String password,
            Boolean isBetaUser) { }

    /**
     * A refresh token is 43 characters; up to {@link #MAX_TOKEN} a wrong one (an access token sent in its place) is
     * looked up and answered 401 {@code invalid_refresh_token} like any token that is none of ours.
     */
    public record Refresh(@NotBlank @Size(max = MAX_TOKEN) String refreshToken) { }

    public record Logout(@Size(max = MAX_TOKEN) String refreshToken) { }

    static final int MAX_TOKEN = 4096;

    public record Roles(@NotEmpty @Size(max = 3) List<@NotBlank String> roles) { }
}
