package de.henk.hub.crm;

import de.henk.hub.config.HenkProperties;
import de.henk.hub.system.Durations;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;

/**
 * Keeps the hub a good Pipedrive citizen: a client-side limiter under the configured burst budget, and a pause when
 * Pipedrive says the budget is spent (x-ratelimit-remaining: 0, 429 with Retry-After/x-ratelimit-reset), the day's
 * budget is spent (x-daily-requests-left: 0) or it refuses the hub's API token or account (401, 402) -
 * {@link PipedrivePause} knows why and until when. The pipedrive-call route asks {@link #admit} before and reports
 * {@link #answered(Map)} or {@link #accountRefused} after every call; the outbox reports failures via
 * {@link #failed(Exception)}. The circuit breaker is the route's ({@code circuitBreaker} step
 * {@value #CIRCUIT_BREAKER} in routes/pipedrive.camel.yaml, its numbers {@code henk.pipedrive.circuit-breaker.*});
 * this bean only reads its state, for health and before spending budget.
 *
 * <p>Pipedrive counts the burst limit per API token, so the budget and the pause are shared by every hub instance
 * through the database ({@link SharedBurstBudget}; {@code henk.pipedrive.limits.shared}). When the database does not
 * answer, this instance counts on its own ({@link BurstBudget}) rather than hold a lead back.
 */
@Component("pipedriveGuard")
public class PipedriveGuard {

    private static final Logger log = LoggerFactory.getLogger(PipedriveGuard.class);

    /** Calls a new lead needs at most: person search, person create, deal create. */
    static final int INLINE_CALLS = 3;

    /** The id of the {@code circuitBreaker} step in pipedrive-call: its breaker's name in the registry. */
    public static final String CIRCUIT_BREAKER = "pipedrive-circuit-breaker";

    /**
     * The exchange variable in which {@link #admit(Object, Exchange)} leaves the shared budget's claim a call goes out
     * under, for Pipedrive's answer to stamp ({@link #answered(Map, Object)}).
     */
    public static final String PERMIT = "pipedrivePermit";

    /** How soon an entry deferred by the open circuit is looked at again (the breaker decides whether to call). */
    private static final Duration RETRY_WHILE_OPEN = Duration.ofSeconds(2);

    /** The instance's own budget: the only one when sharing is off, the fallback when the database fails. */
    private final BurstBudget budget;
    /** The budget of all instances, or null ({@code henk.pipedrive.limits.shared: false}). */
    private final SharedBurstBudget shared;
    private final AtomicLong nextFallbackWarning = new AtomicLong();
    private final Duration maxWaitForPermit;
    /** Where the route's circuitBreaker step keeps its breaker (by step id). */
    private final CircuitBreakerRegistry breakers;
    private final Clock clock;
    /** Why and until when calls pause (this instance and, shared, all). */
    private final PipedrivePause pause;
    /** Told when a call goes through: whoever waited logs once that it goes on (null: nobody to tell). */
    private final PipedriveWaits waits;

    /** Without the routes: no circuit breaker (always closed) - the budget and the pauses alone. */
    public PipedriveGuard(HenkProperties properties, Clock clock, JdbcClient db,
                          PlatformTransactionManager transactions) {
        this(properties, clock, db, transactions, CircuitBreakerRegistry.ofDefaults());
    }

    /** Without the hub's log of waits: nobody is told when calls go through again. */
    public PipedriveGuard(HenkProperties properties, Clock clock, JdbcClient db,
                          PlatformTransactionManager transactions, CircuitBreakerRegistry breakers) {
        this(properties, clock, db, transactions, breakers, null);
    }

    @Autowired
    public PipedriveGuard(HenkProperties properties, Clock clock, JdbcClient db,
                          PlatformTransactionManager transactions, CircuitBreakerRegistry breakers,
                          PipedriveWaits waits) {
        this.waits = waits;
        HenkProperties.Pipedrive.Limits limits = properties.pipedrive().limits();
        this.clock = clock;
        this.budget = new BurstBudget(limits.requestsPerWindow(), limits.window(), clock);
        this.shared = !limits.shared() ? null : new SharedBurstBudget(db, transactions, limits.requestsPerWindow(),
                limits.window(), clock, java.lang.management.ManagementFactory.getRuntimeMXBean().getName() + "/"
                + java.util.UUID.randomUUID().toString().substring(0, 8));
        this.maxWaitForPermit = limits.maxWaitForPermit();
        this.breakers = breakers;
        this.pause = new PipedrivePause(shared, clock, this::countingAlone);
    }

    /** The route's breaker, once pipedrive-call has started. */
    private Optional<CircuitBreaker> breaker() {
        return breakers.find(CIRCUIT_BREAKER);
    }

    /**
     * Whether the route's circuit breaker would let a call out now (asked without keeping the permission: the
     * circuitBreaker step asks again for the call itself).
     */
    private boolean circuitLetsCallsThrough() {
        return breaker().map(breaker -> {
            if (!breaker.tryAcquirePermission()) {
                return false;
            }
            breaker.releasePermission();
            return true;
        }).orElse(true);
    }

    /**
     * The route's step: {@link #admit(Object)}, with the claim left in the exchange's variable {@value #PERMIT} for
     * {@link #answered(Map, Object)} (a step, not an expression: a deferral must reach the route as itself).
     */
    public void admit(Object inlineParameter, Exchange exchange) {
        exchange.removeVariable(PERMIT);
        SharedBurstBudget.Claim claim = admit(inlineParameter);
        if (claim != null) {
            exchange.setVariable(PERMIT, claim);
        }
    }

    /** The onFallback of the route's circuit breaker when it made no call: deferred, not an attempt. */
    public void circuitOpen() {
        throw new PipedriveDeferredException(PipedriveDeferredException.CIRCUIT_OPEN, "Pipedrive circuit is open",
                RETRY_WHILE_OPEN);
    }

    /**
     * Before a call: the outbox takes a slot of the burst budget, waiting briefly for one; a customer's request
     * (inline sync) reserved its slots before it started ({@code inline}, null for every other call). Defers the
     * call when Pipedrive is paused (the outbox waits out a short pause of the burst limit instead), the route's
     * circuit is open (no budget is spent on a call it would refuse), or a pause revoked the reservation. The
     * {@code pipedrive-action} kamelet hands over its {@code inline} parameter as it is: the reservation of
     * {@code crm-sync-now}, or anything else (null, "false") for a call that takes its own slot. Returns the shared
     * budget's claim the call goes out under, or null when this instance counts it on its own.
     */
    public SharedBurstBudget.Claim admit(Object inlineParameter) {
        Reservation inline = inlineParameter instanceof Reservation reservation ? reservation : null;
        PipedrivePause.Pause paused = this.pause.now();
        if (paused != null) {
            Duration pause = Duration.between(clock.instant(), paused.until());
            if (inline != null || pause.compareTo(maxWaitForPermit) > 0
                    || !PipedrivePause.RATE_LIMITED.equals(paused.reason())) {
                throw new PipedriveDeferredException(paused.reason(), "Pipedrive calls paused (" + paused.reason()
                        + ") until " + paused.until(), pause);
            }
            // a short pause: the outbox waits it out rather than abandon a lead half-way
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new PipedriveDeferredException("interrupted", pause);
            }
        }
        if (!circuitLetsCallsThrough()) {
            circuitOpen();
        }
        if (inline != null) {
            Permit permit = spend(inline);
            if (permit == null) {
                throw new PipedriveDeferredException(PipedriveDeferredException.BUDGET_SPENT, "Pipedrive budget: no"
                        + " permit for this call of the customer's request (its reservation was revoked by a pause, or"
                        + " spent)", Duration.ofSeconds(1));
            }
            return permit.claim();
        }
        Permit slot;
        try {
            slot = take(maxWaitForPermit);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            slot = null;
        }
        if (slot == null) {
            throw new PipedriveDeferredException(PipedriveDeferredException.BUDGET_SPENT,
                    "client-side Pipedrive budget spent", Duration.ofSeconds(1));
        }
        return slot.claim();
    }

    /** A permit a call goes out under: of the shared budget ({@code claim}), or of this instance's ({@link #HERE}). */
    private record Permit(SharedBurstBudget.Claim claim) {
        static final Permit HERE = new Permit(null);
    }

    /**
     * Whether a customer's request may try Pipedrive itself: it reserves the budget of a whole lead (search,
     * person, deal) up front, so concurrent requests cannot each start an attempt that stops half-way and spends
     * budget twice. The inline calls then do not take slots of their own. Null when there is no budget for a whole
     * lead right now (or Pipedrive is paused, or the circuit open): then the outbox does it.
     */
    public Reservation reserveForInline() {
        if (pause.now() != null
                || breaker().map(breaker -> breaker.getState() == CircuitBreaker.State.OPEN).orElse(false)) {
            return null;
        }
        if (shared != null) {
            try {
                SharedBurstBudget.Claim claim = shared.tryTakeAll(INLINE_CALLS);
                return claim == null ? null : new Reservation(claim, INLINE_CALLS);
            } catch (DataAccessException | TransactionException e) {
                countingAlone(e);
            }
        }
        return budget.tryTakeAll(INLINE_CALLS) ? new Reservation(null, INLINE_CALLS) : null;
    }

    /**
     * The budget a customer's request reserved for one lead; its calls go out under it. In the shared budget each
     * call restamps the reserved permits to its own send time.
     */
    public static final class Reservation {
        private final SharedBurstBudget.Claim claim;
        private final int permits;
        private final AtomicInteger calls = new AtomicInteger();

        Reservation(SharedBurstBudget.Claim claim, int permits) {
            this.claim = claim;
            this.permits = permits;
        }

        @Override
        public String toString() {
            return "Reservation[" + calls.get() + " of " + permits + " calls]";
        }
    }

    /** A call under a reservation: its permit, or null when it must not go out (a pause revoked the reservation). */
    private Permit spend(Reservation reservation) {
        if (reservation.calls.incrementAndGet() > reservation.permits) {
            // more calls than reserved (e.g. the stages looked up on the way): one more permit, without waiting
            return takeNow();
        }
        if (reservation.claim == null) {
            return Permit.HERE; // reserved in this instance's budget: counted when reserved
        }
        try {
            return shared.use(reservation.claim) ? new Permit(reservation.claim) : null;
        } catch (DataAccessException | TransactionException e) {
            countingAlone(e);
            return Permit.HERE; // reserved a moment ago; the lead is not held back for the database
        }
    }

    private Permit takeNow() {
        if (shared != null) {
            try {
                SharedBurstBudget.Claim claim = shared.tryTakeAll(1);
                return claim == null ? null : new Permit(claim);
            } catch (DataAccessException | TransactionException e) {
                countingAlone(e);
            }
        }
        return budget.tryTakeAll(1) ? Permit.HERE : null;
    }

    /** A permit of the shared budget (or, when the database fails, of this instance's), waiting at most maxWait. */
    private Permit take(Duration maxWait) throws InterruptedException {
        if (shared != null) {
            try {
                SharedBurstBudget.Claim claim = shared.tryTake(maxWait);
                return claim == null ? null : new Permit(claim);
            } catch (DataAccessException | TransactionException e) {
                countingAlone(e);
            }
        }
        return budget.tryTake(maxWait) ? Permit.HERE : null;
    }

    private void countingAlone(RuntimeException e) {
        long now = clock.millis();
        long due = nextFallbackWarning.get();
        if (now >= due && nextFallbackWarning.compareAndSet(due, now + 60_000)) {
            log.warn("Shared Pipedrive budget unavailable ({}): this instance counts its calls on its own",
                    e.getClass().getSimpleName());
        }
    }

    /** {@link #answered(Map, Object)} of a call whose permit is not known. */
    public void answered(Map<String, Object> headers) {
        answered(headers, null);
    }

    /**
     * After a 2xx answer: Pipedrive took the call, so a refusal of the token or account is over; an exhausted burst
     * budget pauses further calls until x-ratelimit-reset, an exhausted daily budget (x-daily-requests-left 0) until
     * Pipedrive's daily reset. The shared budget learns what Pipedrive counts: the call's {@code permit} (the claim
     * {@link #admit(Object, Exchange)} left in {@value #PERMIT}; anything else stamps nothing) stays busy a window
     * after the answer, and fewer calls left in Pipedrive's window (x-ratelimit-remaining) than the budget believes
     * free leave it as many.
     */
    public void answered(Map<String, Object> headers, Object permit) {
        pause.accepted();
        pause.answered(headers);
        if (waits != null) {
            waits.resumed();
        }
        if (shared == null) {
            return;
        }
        try {
            if (permit instanceof SharedBurstBudget.Claim claim) {
                shared.answered(claim);
            }
            Long remaining = PipedrivePause.number(PipedrivePause.header(headers, "x-ratelimit-remaining"));
            if (remaining != null && remaining > 0) { // none left: Pipedrive's pause (above) holds every call back
                Long limit = PipedrivePause.number(PipedrivePause.header(headers, "x-ratelimit-limit"));
                shared.remaining((int) Math.min(remaining, Integer.MAX_VALUE),
                        limit == null || limit <= 0 ? 0 : (int) Math.min(limit, Integer.MAX_VALUE));
            }
        } catch (DataAccessException | TransactionException e) {
            countingAlone(e);
        }
    }

    /**
     * A failed push: 429 pauses every call until Pipedrive's reset - or, with x-daily-requests-left 0, until its daily
     * reset. (What counts towards opening the circuit the route's circuit breaker has counted already, at the call.)
     */
    public void failed(Exception failure) {
        HttpOperationFailedException http = httpFailure(failure);
        if (http != null && http.getStatusCode() == 429) {
            pause.rateLimited(http.getResponseHeaders());
        }
    }

    /**
     * Pipedrive refused the hub's API token (401) or the company's account (402), as the {@code refusal} says (any
     * other answer changes nothing): every call pauses for {@code pause} ("5m", henk.pipedrive.account-pause), and the
     * refusal stands - health DOWN - until a call goes through again.
     */
    public void accountRefused(Exception refusal, String pause) {
        HttpOperationFailedException http = httpFailure(refusal);
        String reason = http == null ? null : switch (http.getStatusCode()) {
            case 401 -> PipedrivePause.UNAUTHORIZED;
            case 402 -> PipedrivePause.PAYMENT_REQUIRED;
            default -> null;
        };
        if (reason != null) {
            this.pause.refused(reason, Durations.parse(pause));
        }
    }

    /** How long this instance still pauses its calls, in ms (at least 1 s): when a deferred entry is due again. */
    public long pausedForMs() {
        PipedrivePause.Pause paused = pause.now();
        long left = paused == null ? 0 : Duration.between(clock.instant(), paused.until()).toMillis();
        return Math.max(1000, left);
    }

    /**
     * Why calls pause or cannot succeed: unauthorized or payment_required while Pipedrive's refusal stands,
     * daily_budget_spent or rate_limited while this instance or (shared budget) any instance pauses; else the route's
     * breaker's state (closed before the route has made it).
     */
    public String state() {
        String paused = pause.state();
        if (paused != null) {
            return paused;
        }
        return breaker().map(breaker -> breaker.getState().name().toLowerCase()).orElse("closed");
    }

    /** Until when this instance pauses its calls, or null. */
    public Instant pausedUntil() {
        return pause.until();
    }


    static HttpOperationFailedException httpFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpOperationFailedException http) {
                return http;
            }
        }
        return null;
    }
}
