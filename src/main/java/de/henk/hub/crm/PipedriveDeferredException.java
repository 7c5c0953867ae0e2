package de.henk.hub.crm;

import java.time.Duration;

/**
 * A Pipedrive call not made right now (circuit open, rate budget spent, calls paused): try again later, not a failed
 * attempt. {@code state} says why in one word ({@value #CIRCUIT_OPEN}, {@value #BUDGET_SPENT}, or the pause's reason
 * such as {@code unauthorized}) - what {@link PipedriveWaits} logs once per change rather than once per call.
 */
public class PipedriveDeferredException extends RuntimeException {

    public static final String CIRCUIT_OPEN = "circuit_open";
    public static final String BUDGET_SPENT = "budget_spent";
    public static final String DEFERRED = "deferred";

    private final Duration retryIn;
    private final String state;

    public PipedriveDeferredException(String reason, Duration retryIn) {
        this(DEFERRED, reason, retryIn);
    }

    public PipedriveDeferredException(String state, String reason, Duration retryIn) {
        super(reason);
        this.retryIn = retryIn;
        this.state = state;
    }

    public Duration retryIn() {
        return retryIn;
    }

    /** Why the call waits, in one word: the same for every call held back for the same reason. */
    public String state() {
        return state;
    }
}
