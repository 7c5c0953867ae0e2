package de.henk.hub.crm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Why and until when every Pipedrive call pauses, in this instance and (shared budget) in all: Pipedrive's burst limit
 * is spent ({@value #RATE_LIMITED}), the day's budget is spent ({@value #DAILY_BUDGET_SPENT}: x-daily-requests-left 0,
 * until Pipedrive's reset at 00:00 UTC), or Pipedrive refused the hub's API token ({@value #UNAUTHORIZED}, 401) or the
 * company's account ({@value #PAYMENT_REQUIRED}, 402) for {@code henk.pipedrive.account-pause}. A refusal outlasts its
 * pause: it stands - health DOWN - until a call goes through again, so that the next call after the pause asks
 * Pipedrive whether the token works now. {@link PipedriveGuard} asks and tells this; the routes talk to the guard.
 *
 * <p>When the database does not answer, this instance's own pause and refusal count ({@code countingAlone}).
 */
final class PipedrivePause {

    private static final Logger log = LoggerFactory.getLogger(PipedrivePause.class);

    static final String RATE_LIMITED = "rate_limited";
    static final String DAILY_BUDGET_SPENT = "daily_budget_spent";
    static final String UNAUTHORIZED = "unauthorized";
    static final String PAYMENT_REQUIRED = "payment_required";

    /** The pause of all instances, or null (no shared budget). */
    private final SharedBurstBudget shared;
    private final Clock clock;
    /** Told when the database fails: this instance then counts on its own. */
    private final Consumer<RuntimeException> countingAlone;
    private volatile Pause local = new Pause(Instant.EPOCH, RATE_LIMITED);
    /** Pipedrive's refusal of the token or account as this instance saw it, until a call goes through. */
    private final AtomicReference<String> refusal = new AtomicReference<>();

    /** This instance pauses until {@code until} because of {@code reason}. */
    record Pause(Instant until, String reason) { }

    PipedrivePause(SharedBurstBudget shared, Clock clock, Consumer<RuntimeException> countingAlone) {
        this.shared = shared;
        this.clock = clock;
        this.countingAlone = countingAlone;
    }

    /** This instance's pause, or null when it does not pause now. */
    Pause now() {
        Pause pause = local;
        return clock.instant().isBefore(pause.until()) ? pause : null;
    }

    /**
     * What a 2xx answer's headers say: x-ratelimit-remaining 0 pauses until x-ratelimit-reset (the burst budget),
     * x-daily-requests-left 0 until Pipedrive's daily reset.
     */
    void answered(Map<String, ?> headers) {
        if (Long.valueOf(0).equals(number(header(headers, "x-ratelimit-remaining")))) {
            rateLimited(Optional.ofNullable(number(header(headers, "x-ratelimit-reset"))).orElse(2L));
        }
        if (Long.valueOf(0).equals(number(header(headers, "x-daily-requests-left")))) {
            dailyBudgetSpent();
        }
    }

    /**
     * A 429: every call pauses until Pipedrive's reset (Retry-After, else x-ratelimit-reset, in seconds; else 2 s) - or,
     * with x-daily-requests-left 0, until its daily reset.
     */
    void rateLimited(Map<String, ?> headers) {
        Long wait = number(header(headers, "Retry-After"));
        rateLimited(wait != null ? wait : Optional.ofNullable(number(header(headers, "x-ratelimit-reset"))).orElse(2L));
        if (Long.valueOf(0).equals(number(header(headers, "x-daily-requests-left")))) {
            dailyBudgetSpent();
        }
    }

    /** Pipedrive's burst limit is spent (429, x-ratelimit-remaining 0): a pause of {@code seconds} (1 s to 10 min). */
    private void rateLimited(long seconds) {
        if (pause(clock.instant().plusSeconds(Math.max(1, Math.min(seconds, 600))), RATE_LIMITED)) {
            log.warn("Pipedrive rate limit reached: pausing calls for {} s", seconds);
        }
    }

    /**
     * x-daily-requests-left 0: no more POST/PUT requests today, which Pipedrive counts in UTC - every call pauses until
     * the next 00:00 UTC rather than spend the burst budget on answers of 429.
     */
    private void dailyBudgetSpent() {
        Instant midnight = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1)
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        if (pause(midnight, DAILY_BUDGET_SPENT)) {
            log.warn("Pipedrive's daily request budget is spent (x-daily-requests-left: 0): every Pipedrive call pauses"
                    + " until {} (Pipedrive's reset, 00:00 UTC); leads wait in the outbox", midnight);
        }
    }

    /**
     * Pipedrive refused the API token ({@value #UNAUTHORIZED}) or the account ({@value #PAYMENT_REQUIRED}): every call
     * pauses for {@code pause}, and the refusal stands until a call goes through. One ERROR when it starts (a WARN
     * each time it is still refused after a pause); a refusal answered to a call that went out before the pause
     * changes nothing.
     */
    synchronized void refused(String reason, Duration pause) {
        Pause current = now();
        if (current != null && reason.equals(current.reason())) {
            return;
        }
        pause(clock.instant().plus(pause), reason);
        boolean standing = reason.equals(refusal.getAndSet(reason));
        if (shared != null) {
            try {
                // the refusal of all instances: seen first by another, or ended by a call of another since
                standing = reason.equals(shared.pause().refused());
                shared.refused(reason);
            } catch (DataAccessException | TransactionException e) {
                countingAlone.accept(e);
            }
        }
        String lasting = pause.toString().substring(2).toLowerCase(); // PT5M: 5m
        if (!standing) {
            log.error("{} Every Pipedrive call pauses for {} (henk.pipedrive.account-pause), then the next one tries"
                    + " again; leads wait in the outbox, no attempt is counted.", explain(reason), lasting);
        } else {
            log.warn("Pipedrive still refuses the {}: pausing every call for another {}",
                    UNAUTHORIZED.equals(reason) ? "hub's API token" : "company's account", lasting);
        }
    }

    /** A call went through: a refusal of the token or account no longer stands. */
    void accepted() {
        String was = refusal.getAndSet(null);
        if (was != null) {
            log.info("Pipedrive accepts the hub's calls again ({} is over)", was);
        }
        if (shared != null) {
            try {
                shared.accepted(was != null);
            } catch (DataAccessException | TransactionException e) {
                countingAlone.accept(e);
            }
        }
    }

    /**
     * Why calls pause or cannot succeed now, or null: a standing refusal (shared, else this instance's) first, then this
     * instance's pause, then the pause of all instances.
     */
    String state() {
        Instant now = clock.instant();
        Pause own = now();
        if (shared != null) {
            try {
                SharedBurstBudget.Pause all = shared.pause();
                if (all.refused() != null) {
                    return all.refused();
                }
                refusal.set(null); // a call of another instance went through
                if (own != null) {
                    return own.reason();
                }
                return all.until() > now.toEpochMilli() ? (all.reason() == null ? RATE_LIMITED : all.reason()) : null;
            } catch (DataAccessException | TransactionException e) {
                countingAlone.accept(e);
            }
        }
        String refused = refusal.get();
        return refused != null ? refused : own == null ? null : own.reason();
    }

    /** Until when this instance pauses, or null. */
    Instant until() {
        Pause pause = now();
        return pause == null ? null : pause.until();
    }

    /** What the refusal is and what an operator does about it (for the log and health). */
    static String explain(String refusal) {
        return switch (refusal) {
            case UNAUTHORIZED -> "Pipedrive refuses the hub's API token (401 Unauthorized). Check"
                    + " henk.pipedrive.api-token (HENK_PIPEDRIVE_API_TOKEN): the token may be mistyped, regenerated in"
                    + " Pipedrive, or its user deactivated.";
            case PAYMENT_REQUIRED -> "Pipedrive refuses the company's account (402 Payment Required: the account is"
                    + " not open). Check the Pipedrive subscription: trial over, or payment details missing.";
            default -> refusal;
        };
    }

    /** A header of Pipedrive's answer by its name in any spelling (HTTP header names are case-insensitive). */
    static Object header(Map<String, ?> headers, String name) {
        if (headers != null) {
            for (var entry : headers.entrySet()) {
                if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name)) {
                    return entry.getValue();
                }
            }
        }
        return null;
    }

    /** A whole number (seconds, a count), or null when the header is absent or something else (an HTTP date). */
    static Long number(Object value) {
        try {
            return value == null ? null : Long.parseLong(value.toString().trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** This instance pauses, and (shared budget) so do all others; false when a pause as long is on already. */
    private boolean pause(Instant until, String reason) {
        synchronized (this) {
            if (!until.isAfter(local.until())) {
                return false;
            }
            local = new Pause(until, reason);
        }
        if (shared != null) {
            try {
                shared.pauseUntil(until.toEpochMilli(), RATE_LIMITED.equals(reason) ? null : reason);
            } catch (DataAccessException | TransactionException e) {
                countingAlone.accept(e);
            }
        }
        return true;
    }
}
