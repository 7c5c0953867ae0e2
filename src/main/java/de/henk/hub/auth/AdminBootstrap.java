package de.henk.hub.auth;

import de.henk.hub.config.HenkProperties;
import de.henk.hub.system.Timestamps;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Creates or updates the bootstrap administrator from HENK_ADMIN_EMAIL / HENK_ADMIN_PASSWORD at start. */
@Component
public class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final HenkProperties.Admin admin;
    private final Clock clock;

    public AdminBootstrap(UserRepository users, PasswordEncoder passwords, HenkProperties properties, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.admin = properties.admin();
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (admin.email() == null || admin.email().isBlank() || admin.password() == null || admin.password().isBlank()) {
            log.info("No bootstrap admin configured (HENK_ADMIN_EMAIL / HENK_ADMIN_PASSWORD)");
            return;
        }
        if (admin.password().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > PasswordPolicy.MAX_BYTES) {
            throw new IllegalStateException("henk.admin.password (HENK_ADMIN_PASSWORD) may have at most "
                    + PasswordPolicy.MAX_BYTES + " bytes (bcrypt reads no further)");
        }
        String email = AuthService.normalizeEmail(admin.email());
        OffsetDateTime now = Timestamps.now(clock);
        users.findByEmail(email).ifPresentOrElse(existing -> {
            EnumSet<Role> roles = EnumSet.copyOf(existing.roles());
            roles.add(Role.ADMIN);
            users.updateRoles(existing.id(), roles, now);
            if (!passwords.matches(admin.password(), existing.passwordHash())) {
                users.updatePassword(existing.id(), passwords.encode(admin.password()), now);
            }
            log.info("Bootstrap admin account is up to date");
        }, () -> {
            users.insert(new UserAccount(UUID.randomUUID().toString(), email, "Administrator",
                    passwords.encode(admin.password()), EnumSet.of(Role.CUSTOMER, Role.ADMIN), now, now));
            log.info("Bootstrap admin account created");
        });
    }
}
