package de.henk.hub.crm;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * CRM sync in Prometheus: outbox depth per status, age of the oldest waiting entry, retries, dead letters and
 * the time from accepting a write to Pipedrive having it.
 */
@Component
public class CrmSyncMetrics implements MeterBinder {

    private final JdbcClient db;
    private final Clock clock;
    private MeterRegistry registry;

    public CrmSyncMetrics(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        for (String status : new String[] {"pending", "dead"}) {
            Gauge.builder("henk.crm.outbox.entries", () -> count(status)).tag("status", status)
                    .description("CRM outbox entries by status").register(registry);
        }
        Gauge.builder("henk.crm.outbox.oldest.pending", this::oldestPendingSeconds).baseUnit("seconds")
                .description("Age of the oldest entry still waiting for Pipedrive").register(registry);
    }

    void retried() {
        if (registry != null) {
            registry.counter("henk.crm.outbox.retries").increment();
        }
    }

    void gaveUp() {
        if (registry != null) {
            registry.counter("henk.crm.outbox.dead.letters").increment();
        }
    }

    void synced(OffsetDateTime acceptedAt) {
        if (registry != null && acceptedAt != null) {
            registry.timer("henk.crm.sync.latency").record(
                    Math.max(0, Duration.between(acceptedAt, OffsetDateTime.now(clock)).toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    private double count(String status) {
        return db.sql("select count(*) from crm_outbox where status = :s").param("s", status).query(Long.class).single();
    }

    private double oldestPendingSeconds() {
        OffsetDateTime oldest = db.sql("select min(created_at) from crm_outbox where status = 'pending'")
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional().orElse(null);
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, OffsetDateTime.now(clock)).toMillis() / 1000.0);
    }
}
