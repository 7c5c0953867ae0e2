package de.henk.hub.auth;

import java.util.Set;

/** Who is calling: a signed-in user or an anonymous visitor, and from which address. */
public record Caller(String userId, String email, Set<Role> roles, String sessionId, String clientAddress) {

    public static Caller anonymous(String clientAddress) {
        return new Caller(null, null, Set.of(), null, clientAddress);
    }

    public boolean authenticated() {
        return userId != null;
    }

    public boolean has(Role role) {
        return role.grantedBy(roles);
    }
}
