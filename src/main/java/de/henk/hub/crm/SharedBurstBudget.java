package de.henk.hub.crm;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pipedrive's burst budget shared by every hub instance on the database ({@code pipedrive_permit}, migration V18):
 * at most {@code requests} calls in any {@code window}, counted for the API token rather than per instance.
 *
 * <p>Each permit of the budget is a row. Taking permits is two tiny statements: read the rows (at most
 * {@code requests}, plus the pause row 0), then take free ones with a conditional update ({@code free_at <= now}),
 * which the database applies atomically — two instances racing for the last permit cannot both get it; the loser sees
 * fewer rows updated and looks again. A taken permit's {@code free_at} is when the call leaves Pipedrive's rolling
 * window: the moment it is taken plus the window plus a margin for the difference in the time two requests take to
 * reach Pipedrive (a twentieth of the window: a permit is taken just before its call is sent; a tenth cost the
 * 1,000-lead burst 13 % of the limit's throughput). Rows are created as they are first needed (an insert that loses a race on the primary key
 * is simply not a permit), so a huge configured budget costs no rows it never uses.
 *
 * <p>Permits taken together (a customer's request reserving a whole lead) form a {@link Claim}; each call it makes
 * {@link #use restamps} the claim's rows to its own send time, so a lead whose calls take a while still counts each
 * call for a full window.
 *
 * <p>Pipedrive counts a call from when it arrives, the budget from when its permit was taken: a call that took longer
 * than the margin to get there (on a busy machine) would still be in Pipedrive's window when its permit is free again,
 * and the next call on that permit would meet a full window. So Pipedrive's answer stamps the permit again: busy a
 * window after the answer ({@link #answered}), which is no earlier than a window after the call arrived. And
 * Pipedrive says in every answer how many calls remain in its window (x-ratelimit-remaining, of x-ratelimit-limit),
 * counting calls of other clients of the API token too: when fewer remain than the budget believes free, the budget
 * {@link #remaining takes Pipedrive's number}, the difference stamped busy. Both hold for every instance, so that they
 * stop before Pipedrive refuses rather than learn it from a 429.
 *
 * <p>A pause (Pipedrive answered 429 or x-ratelimit-remaining 0, the day's budget is spent, Pipedrive refused the API
 * token or the account) is row 0's {@code free_at}, its {@code reason} why: no instance takes permits before it, and
 * reservations made before it are revoked. An account refusal also stands in row 0's {@code refused} until a call
 * goes through again (migration V20).
 *
 * <p>Every statement runs outside any surrounding transaction (a lost insert race must not abort the caller's). A
 * database error is thrown: {@link PipedriveGuard} then falls back to its in-memory budget.
 */
final class SharedBurstBudget {

    /** Row 0 is not a permit: its free_at is the pause. */
    private static final int PAUSE_ROW = 0;
    /** How often one claim looks again after losing a race for permits that were free. */
    private static final int ATTEMPTS = 3;

    private final JdbcClient db;
    private final TransactionTemplate outsideTransactions;
    private final int requests;
    private final long windowMillis;
    private final long marginMillis;
    private final Clock clock;
    private final String node;
    private final AtomicLong claims = new AtomicLong();
    /** Learned from the last look at the table: the pause of all instances lasts until then. */
    private volatile long knownPauseUntil;
    /** Learned from the last look at the table: an account refusal stands (the next call that goes through ends it). */
    private volatile boolean knownRefusal;
    /**
     * Learned from the last look at the table that found every permit taken: when the first frees up. Only how long
     * {@link #tryTake} sleeps — a claim that lost a race hands permits back earlier, so it never refuses one.
     */
    private volatile long nextFreeAt;

    SharedBurstBudget(JdbcClient db, PlatformTransactionManager transactions, int requests, Duration window,
                      Clock clock, String node) {
        this.db = db;
        this.outsideTransactions = new TransactionTemplate(transactions);
        this.outsideTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.requests = requests;
        this.windowMillis = window.toMillis();
        this.marginMillis = Math.max(1, windowMillis / 20);
        this.clock = clock;
        this.node = node;
    }

    /** Permits taken together; {@code permits} calls may go out under it. */
    record Claim(String id, int permits) { }

    /**
     * Row 0: every instance pauses until {@code until} (epoch milliseconds) because of {@code reason} (null: Pipedrive's
     * burst limit); {@code refused} (or null) stands until a call goes through.
     */
    record Pause(long until, String reason, String refused) { }

    /** Takes {@code n} permits at once if they are free right now, or none (null). */
    Claim tryTakeAll(int n) {
        return outside(() -> claim(n));
    }

    /** Takes a permit, waiting at most {@code maxWait}; null when none frees up in time. */
    Claim tryTake(Duration maxWait) throws InterruptedException {
        long deadline = clock.millis() + maxWait.toMillis();
        while (true) {
            Claim claim = tryTakeAll(1);
            if (claim != null) {
                return claim;
            }
            long now = clock.millis();
            // when all are taken, look again once the first frees up (instances spread a little), else soon
            long next = Math.max(Math.max(knownPauseUntil, nextFreeAt), now + 5)
                    + ThreadLocalRandom.current().nextLong(20);
            if (next > deadline) {
                return null;
            }
            Thread.sleep(next - now);
        }
    }

    /**
     * A call goes out under the claim: its permits are busy until a window after now. False when the claim was
     * revoked by a pause (or outlived its window and was taken by someone else): the call must not go out.
     */
    boolean use(Claim claim) {
        long now = clock.millis();
        return outside(() -> db.sql("update pipedrive_permit set free_at = :until where claimed_by = :claim")
                .param("until", now + windowMillis + marginMillis).param("claim", claim.id()).update() > 0);
    }

    /**
     * Pipedrive answered a call made under {@code claim}: the call has reached Pipedrive, and Pipedrive counts it for a
     * window from then - at the latest a window from now. Its permits stay busy until then, however long the call
     * took to get there, unless they have been taken again already.
     */
    void answered(Claim claim) {
        long until = clock.millis() + windowMillis;
        outside(() -> db.sql("""
                        update pipedrive_permit set free_at = :until
                        where claimed_by = :claim and free_at < :until""")
                .param("until", until).param("claim", claim.id()).update());
    }

    /**
     * Pipedrive's answer said {@code remaining} calls (more than 0: 0 is a {@link #pauseUntil pause}) remain in its
     * window of {@code limit} (0 when it did not say: the budget's own size). The budget believes its free permits
     * remain, of at most Pipedrive's limit; when Pipedrive says fewer, it takes Pipedrive's number: as many free
     * permits as the difference are stamped busy, as if their calls had gone out now, and no instance takes them
     * before they leave the window. A higher number changes nothing (the budget never hands out more than it counts).
     */
    void remaining(int remaining, int limit) {
        int ceiling = limit > 0 ? Math.min(requests, limit) : requests;
        long now = clock.millis();
        if (remaining <= 0 || remaining >= ceiling || now < knownPauseUntil) {
            return; // 0 pauses; at or above the ceiling it cannot be below what the budget believes
        }
        outside(() -> {
            List<Integer> free = new ArrayList<>();
            int[] state = {0, 0}; // busy permits, highest permit
            db.sql("select permit, free_at from pipedrive_permit where permit between 1 and :requests")
                    .param("requests", requests)
                    .query(rs -> {
                        int permit = rs.getInt(1);
                        state[1] = Math.max(state[1], permit);
                        if (rs.getLong(2) <= now) {
                            free.add(permit);
                        } else {
                            state[0]++;
                        }
                    });
            int excess = ceiling - state[0] - remaining;
            if (excess <= 0) {
                return null;
            }
            long until = now + windowMillis + marginMillis;
            // the highest free permits, then new ones above them: instances that read Pipedrive's number at the same
            // moment stamp the same permits rather than one difference each
            free.sort(Collections.reverseOrder());
            List<Integer> stamped = free.subList(0, Math.min(excess, free.size()));
            if (!stamped.isEmpty()) {
                db.sql("""
                                update pipedrive_permit set free_at = :until, claimed_by = null
                                where permit in (:stamped) and free_at <= :now""")
                        .param("until", until).param("stamped", stamped).param("now", now).update();
            }
            for (int permit = state[1] + 1; permit <= state[1] + excess - stamped.size() && permit <= requests;
                 permit++) {
                create(permit, until, null, now); // created busy, or by another instance: taken either way
            }
            return null;
        });
    }

    /** Pipedrive said the budget is spent: no instance takes a permit before {@code untilMillis}. */
    void pauseUntil(long untilMillis) {
        pauseUntil(untilMillis, null);
    }

    /**
     * No instance takes a permit before {@code untilMillis}, because of {@code reason} (null: Pipedrive's burst limit).
     * A pause only ever grows longer; the reason is the longest pause's.
     */
    void pauseUntil(long untilMillis, String reason) {
        long now = clock.millis();
        outside(() -> {
            db.sql("""
                    update pipedrive_permit set free_at = :until, reason = :reason
                    where permit = :pause and free_at < :until""")
                    .param("until", untilMillis).param("reason", reason).param("pause", PAUSE_ROW).update();
            // reservations taken before the pause must not go on calling through it
            db.sql("""
                    update pipedrive_permit set claimed_by = null
                    where permit <> :pause and claimed_by is not null and free_at > :now""")
                    .param("pause", PAUSE_ROW).param("now", now).update();
            return null;
        });
        knownPauseUntil = Math.max(knownPauseUntil, untilMillis);
    }

    /** Until when every instance pauses (epoch milliseconds; in the past when there is no pause). */
    long pausedUntil() {
        return pause().until();
    }

    /** The pause of every instance: until when, why, and whether Pipedrive's refusal of the account stands. */
    Pause pause() {
        Pause pause = outside(() -> db.sql("select free_at, reason, refused from pipedrive_permit where permit = :pause")
                .param("pause", PAUSE_ROW)
                .query((rs, n) -> new Pause(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional().orElse(new Pause(0, null, null)));
        knownRefusal = pause.refused() != null;
        return pause;
    }

    /** Pipedrive refused the API token or the account ({@code refusal}): it stands for every instance. */
    void refused(String refusal) {
        outside(() -> db.sql("update pipedrive_permit set refused = :refused where permit = :pause")
                .param("refused", refusal).param("pause", PAUSE_ROW).update());
        knownRefusal = true;
    }

    /**
     * A call went through: a refusal of the account no longer stands. A statement only when the last look at the table
     * found one, or {@code surely} (this instance saw the refusal itself).
     */
    void accepted(boolean surely) {
        if (!surely && !knownRefusal) {
            return;
        }
        outside(() -> db.sql("update pipedrive_permit set refused = null where permit = :pause and refused is not null")
                .param("pause", PAUSE_ROW).update());
        knownRefusal = false;
    }

    private Claim claim(int n) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long now = clock.millis();
            if (now < knownPauseUntil) {
                return null; // pauses are only ever extended: no need to look
            }
            List<Integer> free = new ArrayList<>();
            long[] state = {0, 0, Long.MAX_VALUE}; // pause, highest permit, earliest busy permit frees
            db.sql("select permit, free_at, refused from pipedrive_permit where permit <= :requests")
                    .param("requests", requests)
                    .query(rs -> {
                        int permit = rs.getInt(1);
                        long freeAt = rs.getLong(2);
                        if (permit == PAUSE_ROW) {
                            state[0] = freeAt;
                            knownRefusal = rs.getString(3) != null;
                        } else {
                            state[1] = Math.max(state[1], permit);
                            if (freeAt <= now) {
                                free.add(permit);
                            } else {
                                state[2] = Math.min(state[2], freeAt);
                            }
                        }
                    });
            if (state[0] > now) {
                knownPauseUntil = state[0];
                return null;
            }
            int creatable = requests - (int) state[1];
            if (free.size() + creatable < n) {
                if (free.isEmpty() && creatable <= 0) {
                    nextFreeAt = state[2];
                }
                return null;
            }
            String id = node + "/" + claims.incrementAndGet();
            long until = now + windowMillis + marginMillis;
            // instances pick at random among the free permits, so that they seldom race for the same rows
            Collections.shuffle(free);
            List<Integer> picked = free.subList(0, Math.min(n, free.size()));
            int taken = picked.isEmpty() ? 0 : db.sql("""
                            update pipedrive_permit set free_at = :until, claimed_by = :claim
                            where permit in (:picked) and free_at <= :now
                              and not exists (select 1 from pipedrive_permit p
                                              where p.permit = :pause and p.free_at > :now)""")
                    .param("until", until).param("claim", id).param("picked", picked).param("now", now)
                    .param("pause", PAUSE_ROW).update();
            for (int permit = (int) state[1] + 1; taken < n && permit <= requests; permit++) {
                if (!create(permit, until, id, now)) {
                    break;
                }
                taken++;
            }
            if (taken == n) {
                return new Claim(id, n);
            }
            if (taken > 0) {
                release(id, now);
            }
        }
        return null;
    }

    /** A permit not used so far, taken as it is created; false when another instance created it first. */
    private boolean create(int permit, long until, String claim, long now) {
        try {
            return db.sql("""
                            insert into pipedrive_permit (permit, free_at, claimed_by)
                            select :permit, :until, :claim from pipedrive_permit
                            where permit = :pause and free_at <= :now""")
                    .param("permit", permit).param("until", until).param("claim", claim).param("pause", PAUSE_ROW)
                    .param("now", now).update() == 1;
        } catch (DuplicateKeyException createdByAnother) {
            return false;
        }
    }

    /** Hands back the permits of a claim that did not get all it needed (no call went out under them). */
    private void release(String claim, long now) {
        db.sql("update pipedrive_permit set free_at = :now, claimed_by = null where claimed_by = :claim")
                .param("now", now).param("claim", claim).update();
    }

    private <T> T outside(Supplier<T> work) {
        return outsideTransactions.execute(status -> work.get());
    }
}
