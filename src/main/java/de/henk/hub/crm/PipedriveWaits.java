package de.henk.hub.crm;

import de.henk.hub.system.Durations;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What waits for Pipedrive - the outbox, the stored webhook events, the reconciliation - and why, logged once per
 * change rather than once per entry and round: while the circuit is open, calls pause (Pipedrive's refusal of the
 * token, its rate or daily limit) or Pipedrive is down, each of them is held back every few seconds, and one WARN per
 * hold-back would bury the log under the same line. So each {@code source} logs one WARN when it starts waiting, one
 * when the reason changes (circuit open, then unauthorized), one more every {@code henk.pipedrive.wait-log-interval}
 * while it lasts (with how often it waited since), and one INFO when a call goes through again
 * ({@link #resumed()}, told by {@link PipedriveGuard#answered}). Every wait still counts in the metric
 * {@value #METRIC} (tags {@code source}, {@code state}).
 */
@Component("pipedriveWaits")
public class PipedriveWaits {

    private static final Logger log = LoggerFactory.getLogger(PipedriveWaits.class);

    /** Every time something waited for Pipedrive, by source and state. */
    public static final String METRIC = "henk.pipedrive.waits";

    private final MeterRegistry metrics;
    private final Clock clock;
    private final Duration interval;
    /** What each source last logged of its waiting, while it waits. */
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    /** A source's wait as last logged: its state, when, and how often it waited since. */
    private record Waiting(String state, Instant loggedAt, Instant since, long times, boolean log) { }

    @Autowired
    public PipedriveWaits(MeterRegistry metrics, Clock clock,
                          @Value("${henk.pipedrive.wait-log-interval:10m}") String interval) {
        this(metrics, clock, Durations.parse(interval));
    }

    public PipedriveWaits(MeterRegistry metrics, Clock clock, Duration interval) {
        this.metrics = metrics == null ? new SimpleMeterRegistry() : metrics;
        this.clock = clock;
        this.interval = interval;
    }

    /**
     * {@code source} ("outbox", "webhooks", "reconciliation") could not reach Pipedrive now and waits because of
     * {@code failure}: counted every time, logged when the source starts waiting, when the reason changes, and after
     * the interval.
     */
    public void waiting(String source, Exception failure) {
        String state = stateOf(failure);
        metrics.counter(METRIC, "source", source, "state", state).increment();
        Instant now = clock.instant();
        Waiting logged = waiting.compute(source, (key, before) -> {
            if (before == null || !before.state().equals(state)) {
                return new Waiting(state, now, now, 1, true);
            }
            if (!now.isBefore(before.loggedAt().plus(interval))) {
                return new Waiting(state, now, before.since(), before.times() + 1, true);
            }
            return new Waiting(state, before.loggedAt(), before.since(), before.times() + 1, false);
        });
        if (!logged.log()) {
            log.debug("Pipedrive {} waits ({}): {}", source, state, failure.getMessage());
        } else if (logged.times() == 1) {
            log.warn("Pipedrive {} waits ({}): {} - said once while this lasts, again after {}"
                    + " (henk.pipedrive.wait-log-interval)", source, state, failure.getMessage(), interval);
        } else {
            log.warn("Pipedrive {} still waits ({}) since {}, {} times: {}", source, state, logged.since(),
                    logged.times(), failure.getMessage());
        }
    }

    /** A Pipedrive call went through: whatever waited goes on, and says so once. */
    public void resumed() {
        if (waiting.isEmpty()) {
            return; // every answered call asks: nothing to do when nothing waits
        }
        for (String source : new java.util.TreeSet<>(waiting.keySet())) {
            Waiting was = waiting.remove(source);
            if (was != null) {
                log.info("Pipedrive {} goes on: calls go through again after {} (since {}, {} waits)", source,
                        was.state(), was.since(), was.times());
            }
        }
    }

    /**
     * Whether the failure means waiting for Pipedrive rather than a fault of what was asked: the guard held the call
     * back, Pipedrive could not be reached, refused the hub's token or account (401, 402), is busy (429) or down (5xx).
     */
    public static boolean meansWaiting(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PipedriveDeferredException || t instanceof IOException) {
                return true;
            }
            if (t instanceof HttpOperationFailedException http) {
                int status = http.getStatusCode();
                return status == 401 || status == 402 || status == 429 || status >= 500;
            }
        }
        return false;
    }

    /**
     * Why a call waits, in one word: the guard's reason (circuit_open, budget_spent, unauthorized, rate_limited, …),
     * Pipedrive's answer (401, 402 and 429 as the pause they start; else http_503 …) or its absence (unreachable).
     */
    static String stateOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PipedriveDeferredException deferred) {
                return deferred.state();
            }
            if (t instanceof HttpOperationFailedException http) {
                // the answer that starts a pause is the pause's state: one change, not two
                return switch (http.getStatusCode()) {
                    case 401 -> PipedrivePause.UNAUTHORIZED;
                    case 402 -> PipedrivePause.PAYMENT_REQUIRED;
                    case 429 -> PipedrivePause.RATE_LIMITED;
                    default -> "http_" + http.getStatusCode();
                };
            }
            if (t instanceof IOException) {
                return "unreachable";
            }
        }
        return failure == null ? "unknown" : failure.getClass().getSimpleName();
    }
}
