package de.henk.hub.crm;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A rolling-window request budget like Pipedrive's burst limit: at most {@code requests} calls in any
 * {@code window}. A caller may wait up to a given time for a slot (the outbox) or not at all (a customer's request).
 */
final class BurstBudget {

    private final int requests;
    private final long windowMillis;
    private final Clock clock;
    private final Deque<Long> recent = new ArrayDeque<>();

    BurstBudget(int requests, Duration window, Clock clock) {
        this.requests = requests;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** Takes {@code n} slots at once if they are free right now, or none. */
    synchronized boolean tryTakeAll(int n) {
        long now = clock.millis();
        while (!recent.isEmpty() && recent.peekFirst() <= now - windowMillis) {
            recent.pollFirst();
        }
        if (requests - recent.size() < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            recent.addLast(now);
        }
        return true;
    }

    /** Takes a slot, waiting at most {@code maxWait}; false when none frees up in time. */
    synchronized boolean tryTake(Duration maxWait) throws InterruptedException {
        long deadline = clock.millis() + maxWait.toMillis();
        while (true) {
            long now = clock.millis();
            while (!recent.isEmpty() && recent.peekFirst() <= now - windowMillis) {
                recent.pollFirst();
            }
            if (recent.size() < requests) {
                recent.addLast(now);
                return true;
            }
            long freeAt = recent.peekFirst() + windowMillis;
            if (freeAt > deadline) {
                return false;
            }
            wait(Math.max(1, freeAt - now));
        }
    }
}
