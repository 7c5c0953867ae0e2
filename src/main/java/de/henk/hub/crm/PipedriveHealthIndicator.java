package de.henk.hub.crm;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code pipedrive} in /actuator/health: paused (no token), ok, or the reason it cannot sync. A missing initial
 * stage is DOWN — a configuration error — and so is an API token or account Pipedrive refuses (401, 402: someone has
 * to fix the token or the subscription). An unreachable or busy Pipedrive is reported but does not take the hub
 * down: leads keep being accepted into the outbox.
 */
@Component("pipedrive")
public class PipedriveHealthIndicator implements HealthIndicator {

    private final CrmSync sync;
    private final PipedriveStages stages;
    private final JdbcClient db;
    private final PipedriveGuard guard;

    public PipedriveHealthIndicator(CrmSync sync, PipedriveStages stages, JdbcClient db, PipedriveGuard guard) {
        this.guard = guard;
        this.sync = sync;
        this.stages = stages;
        this.db = db;
    }

    @Override
    public Health health() {
        Health.Builder health;
        String calls = guard.state();
        if (!sync.enabled()) {
            health = Health.up().withDetail("sync", "paused: no henk.pipedrive.api-token configured");
        } else if (PipedrivePause.UNAUTHORIZED.equals(calls) || PipedrivePause.PAYMENT_REQUIRED.equals(calls)) {
            // not asked for its stages: every call pauses, and the answer is known
            health = Health.down().withDetail("sync", calls).withDetail("error", PipedrivePause.explain(calls));
        } else if (PipedrivePause.DAILY_BUDGET_SPENT.equals(calls)) {
            // nobody has to act, and asking for the stages would only be deferred until the reset
            health = Health.up().withDetail("sync", "waiting for Pipedrive's daily reset (x-daily-requests-left: 0)");
        } else {
            try {
                PipedriveStages.Stage initial = stages.initialStage();
                health = Health.up().withDetail("sync", "ok").withDetail("initial_stage_id", initial.id())
                        .withDetail("pipeline_id", initial.pipelineId());
            } catch (PipedriveStageMissingException missing) {
                health = Health.down().withDetail("sync", "misconfigured").withDetail("error", missing.getMessage());
            } catch (RuntimeException unreachable) {
                health = Health.unknown().withDetail("sync", "degraded")
                        .withDetail("error", "Pipedrive is not reachable: " + unreachable.getClass().getSimpleName());
            }
        }
        if (guard.pausedUntil() != null) {
            health.withDetail("calls_paused_until", guard.pausedUntil().toString());
        }
        return health
                .withDetail("calls", calls)
                .withDetail("outbox_pending", count("pending"))
                .withDetail("outbox_dead", count("dead"))
                .build();
    }

    private long count(String status) {
        return db.sql("select count(*) from crm_outbox where status = :s").param("s", status).query(Long.class).single();
    }
}
