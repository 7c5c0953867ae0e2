package de.henk.hub.chat;

import de.henk.hub.auth.Caller;
import de.henk.hub.web.ApiException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Every chat turn may cost an LLM call, so turns are limited: per client address for anonymous visitors, and per
 * session for everyone (turns that continue a session; sliding window). Over the limit is a 429 {@code rate_limited} with {@code Retry-After}.
 * The counts live in this instance's memory: behind a load balancer each node allows the limit (a shared store
 * would be the next step); keys are addresses and session ids, never message content.
 */
@Component("chatLimits")
public class ChatRateLimiter {

    private static final int MAX_KEYS = 100_000;

    private final ChatSettings.RateLimit limits;
    private final Clock clock;
    private final Map<String, Deque<Long>> turns = new ConcurrentHashMap<>();

    public ChatRateLimiter(ChatSettings settings, Clock clock) {
        this.limits = settings.rateLimit();
        this.clock = clock;
    }

    /** Route step before a turn is answered: counts it, or refuses it. */
    public void check(Caller caller, ChatRequest request) {
        long now = clock.millis();
        if (turns.size() > MAX_KEYS) {
            evictIdle(now);
        }
        if (!caller.authenticated() && caller.clientAddress() != null) {
            take("address:" + caller.clientAddress(), limits.anonymousPerAddress(), now);
        }
        if (request.sessionId() != null) {
            take("session:" + request.sessionId(), limits.perSession(), now);
        }
    }

    private void take(String key, int limit, long now) {
        long window = limits.window().toMillis();
        Deque<Long> times = turns.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - window) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                long retryAfter = Math.max(1, (times.peekFirst() + window - now + 999) / 1000);
                throw new ApiException(429, "rate_limited",
                        "Too many chat messages – please wait " + retryAfter + " s before the next one", List.of(),
                        Map.of("Retry-After", Long.toString(retryAfter)));
            }
            times.addLast(now);
        }
    }

    private void evictIdle(long now) {
        long window = limits.window().toMillis();
        turns.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().isEmpty() || e.getValue().peekLast() <= now - window;
            }
        });
    }
}
