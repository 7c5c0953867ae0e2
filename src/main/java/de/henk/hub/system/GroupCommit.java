package de.henk.hub.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit: units of database work that many threads hand in at the same time are written in one shared
 * transaction, one commit for all of them, and each caller returns only once the commit that holds its work is done
 * — so what a caller acknowledges is as durable as with a transaction of its own, at a fraction of the commits (on
 * the embedded H2 file every commit rewrites the changed pages of each tree it touched; on PostgreSQL every commit is
 * a WAL flush).
 *
 * <p>No thread of its own: the caller that finds the writer free becomes the leader and commits everything handed in
 * so far (at most {@code maxUnitsPerCommit}); the others wait until a leader has committed their unit, or lead the
 * next commit themselves. When the shared transaction fails, the leader runs each of its units again in a
 * transaction of its own, so one unit's failure (a duplicate key, a constraint) fails that unit only and nothing of
 * it is half-stored. {@code maxUnitsPerCommit = 1} runs every unit in a transaction of its own on its caller's
 * thread, as without group commit.
 *
 * <p>A unit runs on the leader's thread: it must be plain database work that needs nothing from its caller's thread
 * (no thread-bound transaction, security context or MDC).
 */
public final class GroupCommit {

    /** A follower that is not woken looks again after this long (a safety net; a leader wakes the next one). */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final TransactionTemplate tx;
    private final int maxUnitsPerCommit;
    private final ReentrantLock writer = new ReentrantLock();
    private final Queue<Unit> pending = new ConcurrentLinkedQueue<>();

    public GroupCommit(TransactionTemplate tx, int maxUnitsPerCommit) {
        if (maxUnitsPerCommit < 1) {
            throw new IllegalArgumentException("maxUnitsPerCommit must be at least 1, was " + maxUnitsPerCommit);
        }
        this.tx = tx;
        this.maxUnitsPerCommit = maxUnitsPerCommit;
    }

    /** Runs {@code work} in a transaction (shared with others handed in meanwhile) and returns once it committed. */
    public void execute(Runnable work) {
        if (maxUnitsPerCommit == 1 || TransactionSynchronizationManager.isActualTransactionActive()) {
            // no sharing: a transaction of its own, on the caller's thread — or, inside the caller's own
            // transaction, the work belongs to that one and commits with it
            tx.executeWithoutResult(status -> work.run());
            return;
        }
        Unit unit = new Unit(work, Thread.currentThread());
        pending.add(unit);
        while (!unit.done) {
            if (writer.tryLock()) {
                try {
                    while (!unit.done) {
                        commit(nextBatch());
                    }
                } finally {
                    writer.unlock();
                }
                wakeNextLeader();
            } else {
                LockSupport.parkNanos(this, RECHECK_NANOS);
            }
        }
        unit.rethrow();
    }

    private List<Unit> nextBatch() {
        List<Unit> batch = new ArrayList<>();
        Unit next;
        while (batch.size() < maxUnitsPerCommit && (next = pending.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }

    private void commit(List<Unit> batch) {
        try {
            tx.executeWithoutResult(status -> batch.forEach(unit -> unit.work.run()));
            batch.forEach(unit -> unit.finish(null));
        } catch (RuntimeException | Error shared) {
            if (batch.size() == 1) {
                batch.get(0).finish(shared);
                return;
            }
            for (Unit unit : batch) {
                commitAlone(unit);
            }
        }
    }

    private void commitAlone(Unit unit) {
        try {
            tx.executeWithoutResult(status -> unit.work.run());
            unit.finish(null);
        } catch (RuntimeException | Error failed) {
            unit.finish(failed);
        }
    }

    /** Work handed in while this leader held the writer: its caller may be parked, so it leads the next commit. */
    private void wakeNextLeader() {
        Unit next = pending.peek();
        if (next != null) {
            LockSupport.unpark(next.caller);
        }
    }

    private static final class Unit {
        final Runnable work;
        final Thread caller;
        volatile boolean done;
        Throwable failure;

        Unit(Runnable work, Thread caller) {
            this.work = work;
            this.caller = caller;
        }

        void finish(Throwable failed) {
            failure = failed;
            done = true;
            if (caller != Thread.currentThread()) {
                LockSupport.unpark(caller);
            }
        }

        void rethrow() {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
        }
    }
}
