package de.henk.hub.auth;

import de.henk.hub.web.ApiException;
import de.henk.hub.web.ServletRequests;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.Exchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Who is calling, for the access level every REST route names (routes/api.camel.yaml, {@code access-*}): before the
 * route's first step it reads what Spring Security verified (from the worker thread's propagated context, or from
 * the request it was stored on) into a {@link Caller} the route keeps in the {@code caller} variable, and checks
 * the level's role.
 */
@Component("callers")
public class Callers {

    public Caller current(Exchange exchange) {
        HttpServletRequest request = ServletRequests.remember(exchange).orElse(null);
        String address = request != null ? request.getRemoteAddr() : null;
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken) && request != null) {
            Object stored = request.getAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME);
            if (stored instanceof SecurityContext context) {
                authentication = context.getAuthentication();
            }
        }
        if (authentication instanceof JwtAuthenticationToken token && token.isAuthenticated()) {
            Jwt jwt = token.getToken();
            return new Caller(jwt.getSubject(), jwt.getClaimAsString("email"), roles(jwt), jwt.getClaimAsString("sid"),
                    address);
        }
        return Caller.anonymous(address);
    }

    /** The access level's check: the caller must be signed in and hold the role (ADMIN implies BETA). */
    public void require(Caller caller, String role) {
        if (caller == null || !caller.authenticated()) {
            throw ApiException.unauthorized("authentication_required", "Sign in to use this endpoint");
        }
        Role needed = Role.parse(role).orElseThrow(() -> new IllegalArgumentException("unknown role " + role));
        if (!caller.has(needed)) {
            throw ApiException.forbidden("forbidden", "This needs the " + needed + " role");
        }
    }

    private static Set<Role> roles(Jwt jwt) {
        List<String> names = jwt.getClaimAsStringList("roles");
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            names.forEach(name -> Role.parse(name).ifPresent(roles::add));
        }
        return roles;
    }
}
