package de.henk.hub.crm;

import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/** Exponential back-off with jitter; the numbers come from the retry policy in the route files. */
@Component("retryBackoff")
public class RetryBackoff {

    /**
     * The wait before attempt {@code attempt + 1}: {@code baseMs} doubled per earlier attempt, at most {@code maxMs},
     * then a random point in its upper half, so a burst of failures does not retry in lockstep.
     */
    public long jitteredMs(int attempt, long baseMs, long maxMs) {
        double exponential = baseMs * Math.pow(2, Math.min(Math.max(attempt, 1) - 1, 20));
        long capped = (long) Math.min(exponential, maxMs);
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    }
}
