package de.henk.hub.chat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code henk.chat.*}: the longest message in characters (longer is a 400 {@code message_too_long}), how many turns an
 * anonymous client address, a signed-in account (all its sessions) and any one session may take per window (exceeding either is a 429 with
 * {@code Retry-After}), and how HENK offers appointment times: how many days ahead it searches and how many times it
 * offers at once.
 */
@ConfigurationProperties(prefix = "henk.chat")
public record ChatSettings(@DefaultValue("2000") int maxMessageLength, @DefaultValue RateLimit rateLimit,
                           @DefaultValue Slots slots, @DefaultValue Store store) {

    /**
     * {@code maxTurnsPerCommit}: how many turns answered at the same time may share one commit (group commit, each
     * still acknowledged only once it is stored); 1 gives every turn a commit of its own.
     */
    public record Store(@DefaultValue("32") int maxTurnsPerCommit) { }

    public record Slots(@DefaultValue("14") int searchDays, @DefaultValue("3") int offered) { }

    /** {@code counts}: where turns are counted — auto, database (shared by all instances) or memory (this one). */
    public record RateLimit(@DefaultValue("60") int anonymousPerAddress, @DefaultValue("30") int perSession,
                            @DefaultValue("60") int perAccount, @DefaultValue("1m") Duration window,
                            @DefaultValue("auto") String counts) { }
}
