package de.henk.hub.crm;

import de.henk.hub.system.Durations;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/** Exponential back-off with jitter; the numbers come from the retry policy in the route files. */
@Component("retryBackoff")
public class RetryBackoff {

    /**
     * The wait in milliseconds before attempt {@code attempt + 1}: {@code base} ("2s") doubled per earlier attempt, at most {@code max},
     * then a random point in its upper half, so a burst of failures does not retry in lockstep.
     */
    public long jitteredMs(int attempt, String base, String max) {
        return jittered(attempt, Durations.parse(base).toMillis(), Durations.parse(max).toMillis());
    }

    static long jittered(int attempt, long baseMs, long maxMs) {
        double exponential = baseMs * Math.pow(2, Math.min(Math.max(attempt, 1) - 1, 20));
        long capped = (long) Math.min(exponential, maxMs);
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    }
}
