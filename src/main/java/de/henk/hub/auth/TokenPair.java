package de.henk.hub.auth;

import java.time.Duration;

/** A freshly issued access + refresh token, and the account they were issued for. */
public record TokenPair(UserAccount user, String accessToken, String refreshToken, Duration accessTokenTtl) { }
