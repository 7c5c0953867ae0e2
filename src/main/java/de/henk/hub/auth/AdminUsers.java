package de.henk.hub.auth;

import de.henk.hub.system.Page;
import de.henk.hub.system.Timestamps;
import de.henk.hub.web.ApiException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administration of accounts: find users, grant and revoke roles. */
@Service("adminUsers")
public class AdminUsers {

    private final UserRepository users;
    private final LoginSessions sessions;
    private final Clock clock;

    public AdminUsers(UserRepository users, LoginSessions sessions, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.clock = clock;
    }

    public UserList find(String email, String page, String size) {
        Page.Request request = Page.request(page, size);
        List<UserView> found = users.search(email, request.offset(), request.size()).stream().map(UserView::of).toList();
        return new UserList(found, request.of(users.count(email)));
    }

    /**
     * Sets the user's roles; CUSTOMER is always kept, and an admin cannot take ADMIN away from themself. A role taken
     * away ends the user's login sessions at once — their access tokens carry the old roles and would otherwise work
     * until they expire — so they sign in again with what they have now. A role granted applies from the next refresh.
     */
    @Transactional
    public UserView setRoles(String userId, AuthRequests.Roles request, Caller admin) {
        EnumSet<Role> roles = EnumSet.of(Role.CUSTOMER);
        for (String name : request.roles()) {
            roles.add(Role.parse(name).orElseThrow(() -> new ApiException(400, "unknown_role",
                    "Unknown role '" + name + "'; use CUSTOMER, BETA or ADMIN",
                    List.of(new ApiException.FieldError("roles", "unknown role " + name)), java.util.Map.of())));
        }
        UserAccount user = users.findById(userId)
                .orElseThrow(() -> ApiException.notFound("user_not_found", "No user with this id"));
        if (user.id().equals(admin.userId()) && !roles.contains(Role.ADMIN)) {
            throw ApiException.conflict("cannot_demote_self", "You cannot remove your own ADMIN role");
        }
        var now = Timestamps.now(clock);
        users.updateRoles(user.id(), roles, now);
        if (!roles.containsAll(user.roles())) {
            sessions.revokeAllOf(user.id(), "roles_revoked", now);
        }
        return UserView.of(users.findById(userId).orElseThrow());
    }

    public record UserList(List<UserView> users, Page page) { }
}
