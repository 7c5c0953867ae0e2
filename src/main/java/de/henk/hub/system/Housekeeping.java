package de.henk.hub.system;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes what the hub no longer needs, for routes/housekeeping.camel.yaml: rows whose work is done and whose
 * retention has passed. Each deletion goes in batches of {@link #BATCH} rows, one short transaction each (auto-commit),
 * so that a first run over a year of rows does not hold locks on a busy table. Every instance may run it: deleting
 * twice deletes nothing more.
 */
@Component("housekeeping")
public class Housekeeping {

    /** Rows one statement deletes at most. */
    static final int BATCH = 1000;
    /** Event types the hub reads back after publishing (SalesAnalytics: when a deal was won). Never pruned. */
    static final List<String> EVENTS_READ_BACK = List.of("henk.deal.won");

    private final JdbcClient db;
    private final Clock clock;

    public Housekeeping(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Events published longer ago than the retention (the event channel has them; pending ones always stay). */
    public int publishedEvents(String retention) {
        OffsetDateTime before = before(retention);
        return inBatches(() -> db.sql("""
                delete from event_outbox where id in (
                  select id from event_outbox
                  where status = 'published' and published_at < :before and type not in (:kept)
                  fetch first %d rows only)""".formatted(BATCH))
                .param("before", before).param("kept", EVENTS_READ_BACK).update());
    }

    /** Pipedrive webhook deliveries processed longer ago than the retention (Pipedrive retries within hours). */
    public int processedWebhooks(String retention) {
        OffsetDateTime before = before(retention);
        return inBatches(() -> db.sql("""
                delete from crm_webhook_event where id in (
                  select id from crm_webhook_event
                  where status = 'done' and processed_at < :before
                  fetch first %d rows only)""".formatted(BATCH))
                .param("before", before).update());
    }

    /** Refresh tokens expired longer ago than the grace (a token past expires_at signs nobody in). */
    public int expiredRefreshTokens(String grace) {
        OffsetDateTime before = before(grace);
        return inBatches(() -> db.sql("""
                delete from refresh_token where id in (
                  select id from refresh_token where expires_at < :before
                  fetch first %d rows only)""".formatted(BATCH))
                .param("before", before).update());
    }

    private OffsetDateTime before(String retention) {
        Duration kept = Durations.parse(retention);
        if (kept.isNegative() || kept.isZero()) {
            throw new IllegalArgumentException("a retention must be positive: " + retention);
        }
        return Timestamps.now(clock).minus(kept);
    }

    private static int inBatches(java.util.function.IntSupplier batch) {
        int total = 0;
        int deleted;
        do {
            deleted = batch.getAsInt();
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
