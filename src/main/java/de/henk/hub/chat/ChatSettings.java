package de.henk.hub.chat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code henk.chat.*} beyond the message length (which {@code HenkProperties} binds): how many turns an anonymous
 * client address and any one session may take per window. Exceeding either is a 429 with {@code Retry-After}.
 */
@ConfigurationProperties(prefix = "henk.chat")
public record ChatSettings(@DefaultValue RateLimit rateLimit) {

    public record RateLimit(@DefaultValue("60") int anonymousPerAddress, @DefaultValue("30") int perSession,
                            @DefaultValue("1m") Duration window) { }
}
