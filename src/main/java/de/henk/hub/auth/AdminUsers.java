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
    private final Clock clock;

    public AdminUsers(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    public UserList find(String email, String page, String size) {
        Page.Request request = Page.request(page, size);
        List<UserView> found = users.search(email, request.offset(), request.size()).stream().map(UserView::of).toList();
        return new UserList(found, request.of(users.count(email)));
    }

    /** Sets the user's roles; CUSTOMER is always kept, and an admin cannot take ADMIN away from themself. */
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
        users.updateRoles(user.id(), roles, Timestamps.now(clock));
        return UserView.of(users.findById(userId).orElseThrow());
    }

    public record UserList(List<UserView> users, Page page) { }
}
