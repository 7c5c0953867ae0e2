package de.henk.hub.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Events whose mails could not be made, kept for another try (table {@code notification_dead_letter}). The route
 * {@code notify-of-event} parks an event here after its redeliveries ({@link #park}); the route
 * {@code notification-dead-letters} hands parked events back to it ({@link #due}) and clears those that went
 * through ({@link #resolved}). Counted as {@code henk_notifications_parked_total{type}}.
 */
@Component("notificationDeadLetters")
public class NotificationDeadLetters {

    private static final Logger log = LoggerFactory.getLogger(NotificationDeadLetters.class);
    private static final int MAX_ERROR_LENGTH = 2000;
    private static final int MAX_KEY_LENGTH = 200;

    private final JdbcClient db;
    private final ObjectMapper json;
    private final MeterRegistry metrics;
    private final Clock clock;

    public NotificationDeadLetters(JdbcClient db, ObjectMapper json, MeterRegistry metrics, Clock clock) {
        this.db = db;
        this.json = json;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** A parked event: its id (the CloudEvent's, or a digest of an unreadable message) and the message itself. */
    public record Parked(String eventId, String cloudEvent, int attempts) { }

    /**
     * Parks the event {@code message} that failed with {@code failure}, or counts one more failed try of an event
     * parked before. Its mails are not lost: the retry route tries again, and an operator sees it in the table and
     * in the error log (event id, type and the exception's class; the message, which may quote the
     * customer, only in the table).
     */
    public void park(String message, Throwable failure) {
        String body = message == null ? "" : message;
        JsonNode event = readOrNull(body);
        String eventId = clip(event != null && event.hasNonNull("id") ? event.path("id").asText() : "unreadable:" + digest(body),
                MAX_KEY_LENGTH);
        String type = event != null && event.hasNonNull("type") ? clip(event.path("type").asText(), MAX_KEY_LENGTH) : null;
        String error = clip(describe(failure), MAX_ERROR_LENGTH);
        OffsetDateTime now = OffsetDateTime.now(clock);
        int updated = db.sql("""
                update notification_dead_letter set attempts = attempts + 1, error = :error, last_failed_at = :now
                where event_id = :id""").param("error", error).param("now", now).param("id", eventId).update();
        if (updated == 0) {
            db.sql("""
                    insert into notification_dead_letter
                      (event_id, event_type, cloud_event, error, attempts, first_failed_at, last_failed_at)
                    values (:id, :type, :event, :error, 1, :now, :now)""")
                    .param("id", eventId).param("type", type).param("event", body).param("error", error)
                    .param("now", now).update();
        }
        Counter.builder("henk.notifications.parked").description("Events whose mails could not be made, parked")
                .tag("type", type == null ? "unreadable" : type).register(metrics).increment();
        // the exception's class only: its message may quote what the customer wrote (it is in the table)
        log.error("Notification for event {} ({}) failed and is parked for another try: {}", eventId,
                type == null ? "unreadable" : type, failure == null ? "unknown" : failure.getClass().getName());
    }

    /** Parked events to try again, those waiting longest first. */
    public List<Parked> due(int limit) {
        return db.sql("""
                select event_id, cloud_event, attempts from notification_dead_letter
                order by last_failed_at, event_id limit :limit""").param("limit", Math.max(1, limit))
                .query((rs, n) -> new Parked(rs.getString(1), rs.getString(2), rs.getInt(3))).list();
    }

    /** The parked event went through: its row goes. */
    public void resolved(String eventId) {
        db.sql("delete from notification_dead_letter where event_id = :id").param("id", eventId).update();
    }

    private JsonNode readOrNull(String body) {
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (Exception unreadable) {
            return null;
        }
    }

    private static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        return failure.getClass().getName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static String digest(String body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
