package de.henk.hub.auth;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** CUSTOMER (everyone), BETA (the sales team), ADMIN (implies BETA). */
public enum Role {
    CUSTOMER, BETA, ADMIN;

    public boolean grantedBy(Collection<Role> held) {
        return held.stream().anyMatch(r -> r == this || r.ordinal() > this.ordinal());
    }

    public static Optional<Role> parse(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equals(name == null ? "" : name.toUpperCase(Locale.ROOT)))
                .findFirst();
    }

    public static Set<Role> fromColumn(String column) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String part : column.split(",")) {
            parse(part.trim()).ifPresent(roles::add);
        }
        return roles;
    }

    public static String toColumn(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }
}
