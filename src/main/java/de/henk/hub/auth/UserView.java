package de.henk.hub.auth;

import java.time.OffsetDateTime;
import java.util.List;

/** A user as the API shows it (never the password hash). */
public record UserView(String userId, String email, String username, List<String> roles, OffsetDateTime createdAt) {

    public static UserView of(UserAccount user) {
        return new UserView(user.id(), user.email(), user.username(),
                user.roles().stream().map(Role::name).sorted().toList(), user.createdAt());
    }
}
