package de.henk.hub.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import de.henk.hub.config.HenkProperties;
import de.henk.hub.system.Timestamps;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hub's domain events as CloudEvents 1.0 JSON. {@link #record} joins the caller's transaction, so an event
 * exists exactly when its change was committed; the events routes publish the outbox to henk.events.uri.
 * {@link #unrecorded} makes one that is sent at once, at most once (telemetry such as henk.chat.turn).
 */
@Component("events")
public class DomainEvents {

    public static final String SOURCE = "urn:henk-hub";
    /**
     * Event ids are time-ordered UUIDs (version 7: milliseconds, then random bits): still unique without
     * coordination, and in the order they were recorded, so new rows go to the end of the outbox's primary key.
     */
    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    private final JdbcClient db;
    private final ObjectMapper json;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int batchSize;

    public DomainEvents(JdbcClient db, ObjectMapper json, TransactionTemplate tx, Clock clock,
                        HenkProperties properties) {
        int batchSize = properties.events().batchSize();
        if (batchSize < 1) {
            throw new IllegalStateException("henk.events.batch-size must be at least 1, not " + batchSize);
        }
        this.batchSize = batchSize;
        this.db = db;
        this.json = json;
        this.tx = tx;
        this.clock = clock;
    }

    /** Records {@code henk.<type>} about {@code subject} (e.g. "deal/42") with its data in the outbox. */
    public String record(String type, String subject, Map<String, ?> data) {
        OffsetDateTime now = Timestamps.now(clock);
        PendingEvent event = cloudEvent(type, subject, data, now);
        db.sql("""
                insert into event_outbox (id, type, subject, payload, status, attempts, next_attempt_at, created_at)
                values (:id, :type, :subject, :payload, 'pending', 0, :now, :now)""")
                .param("id", event.id()).param("type", event.type()).param("subject", subject)
                .param("payload", event.payload()).param("now", now).update();
        return event.id();
    }

    /**
     * {@code henk.<type>} as a CloudEvent to send now, without the outbox — for telemetry such as
     * {@code henk.chat.turn}, published at most once (route send-cloudevent).
     */
    public PendingEvent unrecorded(String type, String subject, Map<String, ?> data) {
        return cloudEvent(type, subject, data, Timestamps.now(clock));
    }

    private PendingEvent cloudEvent(String type, String subject, Map<String, ?> data, OffsetDateTime now) {
        String id = IDS.generate().toString();
        ObjectNode event = json.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("source", SOURCE);
        event.put("type", "henk." + type);
        event.put("subject", subject);
        event.put("time", Timestamps.rfc3339(now));
        event.put("datacontenttype", "application/json");
        event.set("data", json.valueToTree(data));
        return new PendingEvent(id, "henk." + type, subject, write(event));
    }

    /**
     * Claims due events, oldest first (SKIP LOCKED + lease: several instances never publish one twice at once) —
     * one select and one update for the whole batch.
     */
    public List<PendingEvent> claimPending() {
        return tx.execute(status -> {
            OffsetDateTime now = Timestamps.now(clock);
            List<PendingEvent> claimed = db.sql("""
                    select id, type, subject, payload from event_outbox
                    where status = 'pending' and next_attempt_at <= :now
                      and (claim_expires_at is null or claim_expires_at < :now)
                    order by created_at, id fetch first :batch rows only for update skip locked""")
                    .param("now", now).param("batch", batchSize)
                    .query((rs, n) -> new PendingEvent(rs.getString("id"), rs.getString("type"),
                            rs.getString("subject"), rs.getString("payload")))
                    .list();
            if (!claimed.isEmpty()) {
                db.sql("update event_outbox set claim_expires_at = :until where id in (:ids)")
                        .param("until", now.plusSeconds(60)).param("ids", ids(claimed)).update();
            }
            return claimed;
        });
    }

    /**
     * Marks what the channel took as published, in one statement for the batch: the route hands over what each
     * event's publishing returned (the event, or nothing when it failed and waits for its next attempt). Killed
     * before this, the hub publishes those events again — at least once, as the channel's consumers expect.
     */
    @Transactional
    public int published(List<?> outcomes) {
        List<String> ids = outcomes == null ? List.of() : ids(outcomes.stream()
                .filter(PendingEvent.class::isInstance).map(PendingEvent.class::cast).toList());
        if (ids.isEmpty()) {
            return 0;
        }
        return db.sql("update event_outbox set status = 'published', published_at = :now, claim_expires_at = null"
                        + " where id in (:ids) and status = 'pending'")
                .param("now", Timestamps.now(clock)).param("ids", ids).update();
    }

    /**
     * Whether the publisher claims another batch at once: before the first one ({@code null}), and after a full
     * one ({@code published}: how many of it the channel took — a full batch means more may be waiting).
     */
    public boolean moreWaiting(Integer published) {
        return published == null || published >= batchSize;
    }

    private static List<String> ids(List<PendingEvent> events) {
        return events.stream().map(PendingEvent::id).toList();
    }

    public void failed(PendingEvent event, Exception failure) {
        db.sql("""
                update event_outbox set attempts = attempts + 1, claim_expires_at = null,
                  next_attempt_at = :next where id = :id""")
                .param("next", Timestamps.now(clock).plusSeconds(5)).param("id", event.id()).update();
    }

    /** Event data from key/value pairs, keeping their order and allowing nulls. */
    public static Map<String, Object> data(Object... keysAndValues) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            data.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return data;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An event waiting to be published: the partition key is its subject (the aggregate). */
    public record PendingEvent(String id, String type, String subject, String payload) { }
}
