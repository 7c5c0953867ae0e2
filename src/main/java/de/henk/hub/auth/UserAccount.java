package de.henk.hub.auth;

import java.time.OffsetDateTime;
import java.util.Set;

public record UserAccount(String id, String email, String username, String passwordHash, Set<Role> roles,
                          OffsetDateTime createdAt, OffsetDateTime updatedAt) { }
