package de.henk.hub.crm;

import java.time.Duration;

/** A Pipedrive call not made right now (circuit open, rate budget spent): try again later, not a failed attempt. */
public class PipedriveDeferredException extends RuntimeException {

    private final Duration retryIn;

    public PipedriveDeferredException(String reason, Duration retryIn) {
        super(reason);
        this.retryIn = retryIn;
    }

    public Duration retryIn() {
        return retryIn;
    }
}
