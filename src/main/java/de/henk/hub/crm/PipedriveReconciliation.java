package de.henk.hub.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.henk.hub.config.HenkProperties;
import de.henk.hub.system.Timestamps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Repairs what webhooks missed: pulls deals Pipedrive changed since the last run
 * ({@code GET /api/v2/deals?updated_since=…}, cursor-paged) and applies them to the mirror. A database lock
 * makes sure only one hub instance runs it at a time; the high-water mark survives restarts.
 */
@Component("reconciliation")
public class PipedriveReconciliation {

    private static final Logger log = LoggerFactory.getLogger(PipedriveReconciliation.class);
    private static final String JOB = "pipedrive-reconciliation";
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private final JdbcClient db;
    private final ObjectMapper json;
    private final DealMirror mirror;
    private final HenkProperties.Pipedrive.Reconciliation settings;
    private final Clock clock;
    private final PipedriveWaits waits;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    public PipedriveReconciliation(JdbcClient db, ObjectMapper json, DealMirror mirror, HenkProperties properties,
                                   Clock clock, PipedriveWaits waits) {
        this.waits = waits;
        this.db = db;
        this.json = json;
        this.mirror = mirror;
        this.settings = properties.pipedrive().reconciliation();
        this.clock = clock;
    }

    /** Takes the job's lock (for at most the interval); null when another instance holds it. */
    public Run start() {
        OffsetDateTime now = Timestamps.now(clock);
        int won = db.sql("""
                update scheduler_lock set locked_by = :me, locked_until = :until
                where name = :job and locked_until < :now""")
                .param("me", node).param("until", now.plus(settings.interval())).param("job", JOB).param("now", now)
                .update();
        if (won != 1) {
            return null;
        }
        String cursor = db.sql("select cursor_value from scheduler_lock where name = :job").param("job", JOB)
                .query(String.class).optional().orElse(null);
        OffsetDateTime since = cursor != null ? OffsetDateTime.parse(cursor) : now.minus(settings.initialLookback());
        return new Run(since.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
    }

    /** The query of the run's next page. */
    public String pageQuery(Run run) {
        return "updated_since=" + URLEncoder.encode(RFC3339.format(run.since), StandardCharsets.UTF_8)
                + "&sort_by=update_time&sort_direction=asc&limit=500"
                + (run.pageCursor == null ? "" : "&cursor=" + URLEncoder.encode(run.pageCursor, StandardCharsets.UTF_8));
    }

    /**
     * Applies one page of changed deals to the deal mirror (which raises the deal events of what became won or lost)
     * and moves the run on to the next page.
     */
    public void applyPage(String body, Run run) {
        try {
            JsonNode page = json.readTree(body);
            List<DealMirror.MirrorChange> changes = new ArrayList<>();
            for (JsonNode deal : page.path("data")) {
                mirror.apply(deal, deal.path("is_deleted").asBoolean(false)).ifPresent(changes::add);
                OffsetDateTime updated = DealMirror.parse(deal.path("update_time").asText(null));
                if (updated != null && (run.highWater == null || updated.isAfter(run.highWater))) {
                    run.highWater = updated;
                }
                run.seen++;
            }
            JsonNode next = page.path("additional_data").path("next_cursor");
            run.pageCursor = next.isTextual() && !next.asText().isEmpty() ? next.asText() : null;
            run.done = run.pageCursor == null;
            run.repaired += changes.size();
        } catch (IOException e) {
            throw new UncheckedIOException("Pipedrive deals answer is not JSON", e);
        }
    }

    /** Saves the high-water mark and releases the lock. */
    public void finish(Run run) {
        String cursor = run.highWater != null ? run.highWater.toString() : run.since.toString();
        db.sql("update scheduler_lock set cursor_value = :c, locked_until = :now, locked_by = null where name = :job")
                .param("c", cursor).param("now", Timestamps.now(clock)).param("job", JOB).update();
        if (run.repaired > 0) {
            log.info("Reconciliation: {} deals changed in Pipedrive since {}, {} repaired here", run.seen, run.since,
                    run.repaired);
        }
    }

    /**
     * Releases the lock after a failed run without moving the high-water mark. A run Pipedrive held back (circuit
     * open, calls paused, Pipedrive down) is said once while that lasts ({@link PipedriveWaits}); any other failure
     * every time.
     */
    public void abandon(Exception failure) {
        if (PipedriveWaits.meansWaiting(failure)) {
            waits.waiting("reconciliation", failure);
        } else {
            log.warn("Reconciliation with Pipedrive failed, next run retries: {}", failure.getMessage());
        }
        db.sql("update scheduler_lock set locked_until = :now, locked_by = null where name = :job and locked_by = :me")
                .param("now", Timestamps.now(clock)).param("job", JOB).param("me", node).update();
    }

    /** One reconciliation pass: where it started, the page it is on, how far it got. */
    public static final class Run {
        private final OffsetDateTime since;
        private String pageCursor;
        private OffsetDateTime highWater;
        private int seen;
        private int repaired;
        private boolean done;

        Run(OffsetDateTime since) {
            this.since = since;
        }

        /** True until the last page was read. */
        public boolean hasMorePages() {
            return !done;
        }

        public int repaired() {
            return repaired;
        }
    }
}
