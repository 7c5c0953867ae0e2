package de.henk.hub.crm;

import de.henk.hub.config.HenkProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the hub a good Pipedrive citizen: a client-side limiter under the configured burst budget, a pause when
 * Pipedrive says the budget is spent (x-ratelimit-remaining: 0, 429 with Retry-After/x-ratelimit-reset), and a
 * circuit breaker that stops calling during an outage. The pipedrive-call route asks {@link #admit()} before and
 * reports {@link #answered(Map)} after every call; the outbox reports failures via {@link #failed(Exception)}.
 */
@Component("pipedriveGuard")
public class PipedriveGuard {

    private static final Logger log = LoggerFactory.getLogger(PipedriveGuard.class);

    /** Calls a new lead needs at most: person search, person create, deal create. */
    static final int INLINE_CALLS = 3;

    /** How soon an entry deferred by the open circuit is looked at again (the breaker decides whether to call). */
    private static final Duration RETRY_WHILE_OPEN = Duration.ofSeconds(2);

    private final BurstBudget budget;
    private final Duration maxWaitForPermit;
    private final CircuitBreaker breaker;
    private final Clock clock;
    private volatile Instant pausedUntil = Instant.EPOCH;

    public PipedriveGuard(HenkProperties properties, Clock clock) {
        HenkProperties.Pipedrive.Limits limits = properties.pipedrive().limits();
        this.clock = clock;
        this.budget = new BurstBudget(limits.requestsPerWindow(), limits.window(), clock);
        this.maxWaitForPermit = limits.maxWaitForPermit();
        this.breaker = CircuitBreaker.of("pipedrive", CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(limits.circuitOpenFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build());
    }

    /**
     * Before a call: the outbox takes a slot of the burst budget, waiting briefly for one; a customer's request
     * (inline sync) reserved its slots before it started. Defers the call when Pipedrive is paused or the
     * circuit is open.
     */
    public void admit(Boolean inline) {
        Instant now = clock.instant();
        if (now.isBefore(pausedUntil)) {
            Duration pause = Duration.between(now, pausedUntil);
            if (Boolean.TRUE.equals(inline) || pause.compareTo(maxWaitForPermit) > 0) {
                throw new PipedriveDeferredException("Pipedrive rate limit: paused until " + pausedUntil, pause);
            }
            // a short pause: the outbox waits it out rather than abandon a lead half-way
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new PipedriveDeferredException("interrupted", pause);
            }
        }
        if (!breaker.tryAcquirePermission()) {
            throw new PipedriveDeferredException("Pipedrive circuit is open", RETRY_WHILE_OPEN);
        }
        if (Boolean.TRUE.equals(inline)) {
            return; // budget reserved by reserveForInline()
        }
        boolean slot;
        try {
            slot = budget.tryTake(maxWaitForPermit);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            slot = false;
        }
        if (!slot) {
            breaker.releasePermission();
            throw new PipedriveDeferredException("client-side Pipedrive budget spent", Duration.ofSeconds(1));
        }
    }

    /**
     * Whether a customer's request may try Pipedrive itself: it reserves the budget of a whole lead (search,
     * person, deal) up front, so concurrent requests cannot each start an attempt that stops half-way and spends
     * budget twice. The inline calls then do not take slots of their own.
     */
    public boolean reserveForInline() {
        if (clock.instant().isBefore(pausedUntil) || breaker.getState() == CircuitBreaker.State.OPEN) {
            return false;
        }
        return budget.tryTakeAll(INLINE_CALLS);
    }

    /** After a 2xx answer: the call counts as a success; an exhausted budget pauses further calls until reset. */
    public void answered(Map<String, Object> headers) {
        breaker.onSuccess(0, TimeUnit.MILLISECONDS);
        Object remaining = header(headers, "x-ratelimit-remaining");
        if (remaining != null && "0".equals(remaining.toString().trim())) {
            pauseFor(seconds(header(headers, "x-ratelimit-reset")).orElse(2L));
        }
    }

    /** A failed call: 429 pauses until Pipedrive's reset; 5xx, timeouts and connection errors feed the breaker. */
    public void failed(Exception failure) {
        HttpOperationFailedException http = httpFailure(failure);
        if (http != null && http.getStatusCode() == 429) {
            breaker.releasePermission();
            Map<String, String> headers = http.getResponseHeaders() == null ? Map.of() : http.getResponseHeaders();
            long wait = seconds(firstPresent(headers, "retry-after", "Retry-After"))
                    .or(() -> seconds(firstPresent(headers, "x-ratelimit-reset", "X-RateLimit-Reset"))).orElse(2L);
            pauseFor(wait);
        } else if (http != null && http.getStatusCode() < 500) {
            breaker.onSuccess(0, TimeUnit.MILLISECONDS); // Pipedrive is up; the request was the problem
        } else if (http != null || isIo(failure)) {
            breaker.onError(0, TimeUnit.MILLISECONDS, failure);
        } else {
            breaker.releasePermission();
        }
    }

    public String state() {
        if (clock.instant().isBefore(pausedUntil)) {
            return "rate_limited";
        }
        return breaker.getState().name().toLowerCase();
    }

    private void pauseFor(long seconds) {
        Instant until = clock.instant().plusSeconds(Math.max(1, Math.min(seconds, 600)));
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
            log.warn("Pipedrive rate limit reached: pausing calls for {} s", seconds);
        }
    }


    private static Object header(Map<String, Object> headers, String name) {
        for (var entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static String firstPresent(Map<String, String> headers, String... names) {
        for (String name : names) {
            if (headers.get(name) != null) {
                return headers.get(name);
            }
        }
        return null;
    }

    private static java.util.Optional<Long> seconds(Object value) {
        if (value == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Long.parseLong(value.toString().trim()));
        } catch (NumberFormatException notSeconds) {
            return java.util.Optional.empty();
        }
    }

    static HttpOperationFailedException httpFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpOperationFailedException http) {
                return http;
            }
        }
        return null;
    }

    private static boolean isIo(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
