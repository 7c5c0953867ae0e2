package de.henk.hub.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.henk.hub.config.HenkProperties;
import de.henk.hub.system.Timestamps;
import de.henk.hub.web.ApiException;
import de.henk.hub.web.SingleLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pipedrive webhooks (v2 format: {meta, data, previous}; v1's {meta, current, previous, event} too:
 * {@link PipedriveWebhookEvent}). Receiving only authenticates and stores the event (deduplicated by its id, v2's
 * meta.id) so Pipedrive gets its 2xx fast; the webhook routes apply stored events afterwards
 * (an event left 'processing' by a crashed instance is taken up again after five minutes) — by reading the entity
 * from Pipedrive and applying what Pipedrive says, never what the webhook body says.
 */
@Component("pipedriveWebhooks")
public class PipedriveWebhooks {

    private static final Logger log = LoggerFactory.getLogger(PipedriveWebhooks.class);

    private final JdbcClient db;
    private final ObjectMapper json;
    private final DealMirror mirror;
    private final HenkProperties.Pipedrive.Webhook settings;
    private final Clock clock;
    private final PipedriveWaits waits;

    public PipedriveWebhooks(JdbcClient db, ObjectMapper json, DealMirror mirror, HenkProperties properties,
                             Clock clock, PipedriveWaits waits) {
        this.waits = waits;
        this.db = db;
        this.json = json;
        this.mirror = mirror;
        this.settings = properties.pipedrive().webhook();
        this.clock = clock;
    }

    /** HTTP Basic with the configured credentials, compared in constant time. */
    public void authenticate(String authorization) {
        if (!settings.enabled()) {
            throw new ApiException(404, "webhooks_disabled", "Pipedrive webhooks are not configured on this hub");
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
        byte[] given = (authorization == null ? "" : authorization.trim()).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, expected.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(401, "invalid_webhook_credentials", "Webhook credentials are missing or wrong",
                    List.of(), Map.of("WWW-Authenticate", "Basic realm=\"pipedrive-webhooks\""));
        }
    }

    /**
     * Stores the event once; a redelivery with the same event id is acknowledged and ignored. Both of Pipedrive's
     * formats are taken ({@link PipedriveWebhookEvent}): v2, which the hub registers, and v1, which a webhook made by
     * hand in Pipedrive may still send.
     */
    public Map<String, Object> receive(String body) {
        PipedriveWebhookEvent event = PipedriveWebhookEvent.of(read(body));
        String id = event.id();
        String entity = event.entity();
        String action = event.action();
        if (id.isBlank() || entity.isBlank() || action.isBlank()) {
            throw ApiException.badRequest("invalid_webhook", "A webhook needs meta.id, meta.entity and meta.action"
                    + " (v2), or meta.object, meta.action and meta.id (v1)");
        }
        // what is stored beside the payload: as long as its column holds, one line (Pipedrive's are short words)
        if (id.length() > 100 || entity.length() > 30 || action.length() > 30
                || SingleLine.Check.hasControlCharacter(id + entity + action)) {
            throw ApiException.badRequest("invalid_webhook", "meta.id (at most 100 characters), meta.entity and"
                    + " meta.action (at most 30) must be short one-line texts");
        }
        Long entityId = event.entityId();
        try {
            db.sql("""
                    insert into crm_webhook_event (id, entity, action, entity_id, payload, status, received_at)
                    values (:id, :entity, :action, :entityId, :payload, 'pending', :now)""")
                    .param("id", id).param("entity", entity).param("action", action)
                    .param("entityId", entityId, java.sql.Types.BIGINT).param("payload", body)
                    .param("now", Timestamps.now(clock)).update();
            return Map.of("received", true, "duplicate", false);
        } catch (DuplicateKeyException redelivered) {
            return Map.of("received", true, "duplicate", true);
        }
    }

    /** Claims stored events to apply (oldest first; SKIP LOCKED so several instances share the work). */
    @Transactional
    public List<String> claimPending() {
        List<String> ids = db.sql("""
                select id from crm_webhook_event
                where status = 'pending' or (status = 'processing' and received_at < :stale)
                order by received_at, id fetch first 50 rows only for update skip locked""")
                .param("stale", Timestamps.now(clock).minusMinutes(5))
                .query(String.class).list();
        ids.forEach(id -> db.sql("update crm_webhook_event set status = 'processing' where id = :id")
                .param("id", id).update());
        return ids;
    }

    /**
     * Where Pipedrive itself says what the event is about ({@code /api/v2/deals/{id}}, {@code /api/v2/persons/{id}}),
     * or null when there is nothing the hub mirrors. A webhook is only a trigger: its body is never trusted
     * (Pipedrive's v2 webhooks carry no signature, and the Basic credentials are one static secret).
     */
    public String truthPath(String eventId) {
        PipedriveWebhookEvent event = PipedriveWebhookEvent.of(storedEvent(eventId));
        Long id = event.entityId();
        String entity = event.entity();
        String action = event.action();
        if (id == null || id <= 0) {
            return null;
        }
        if ("deal".equals(entity)) {
            return "/api/v2/deals/" + id;
        }
        return "person".equals(entity) && "change".equals(action) ? "/api/v2/persons/" + id : null;
    }

    /**
     * Applies what Pipedrive answered for the event's entity ({@code null}: Pipedrive said 404, it is gone) to the
     * deal mirror, and marks the event done. A deal that became won or lost there raises its deal event in the mirror
     * ({@link DealEvents}), as a change made in the hub does.
     */
    @Transactional
    public void applyFromPipedrive(String eventId, String answer) {
        PipedriveWebhookEvent event = PipedriveWebhookEvent.of(storedEvent(eventId));
        String entity = event.entity();
        Optional<DealMirror.MirrorChange> change = Optional.empty();
        if (answer == null) {
            Long id = event.entityId();
            if ("deal".equals(entity) && id != null) {
                change = mirror.apply(json.createObjectNode().put("id", id), true);
            }
        } else {
            JsonNode data = read(answer).path("data");
            if (data.isObject() && "deal".equals(entity)) {
                change = mirror.apply(data, data.path("is_deleted").asBoolean(false));
            } else if (data.isObject() && "person".equals(entity)) {
                mirror.applyPerson(data);
            }
        }
        db.sql("update crm_webhook_event set status = 'done', processed_at = :now where id = :id")
                .param("now", Timestamps.now(clock)).param("id", eventId).update();
        change.ifPresent(c -> log.info("Pipedrive webhook for deal {} applied as Pipedrive has it: {} -> {}",
                c.dealId(), c.statusBefore(), c.statusAfter()));
    }

    /** An event whose entity has nothing for the hub (an activity, a product): done without a call. */
    public void ignore(String eventId) {
        db.sql("update crm_webhook_event set status = 'done', processed_at = :now where id = :id")
                .param("now", Timestamps.now(clock)).param("id", eventId).update();
    }

    private JsonNode storedEvent(String eventId) {
        return read(db.sql("select payload from crm_webhook_event where id = :id").param("id", eventId)
                .query(String.class).single());
    }

    /*
     * What a failure leads to is decided by routeConfiguration pipedrive-webhook-retry-policy
     * (routes/pipedrive-sync-back.camel.yaml); these record it.
     */

    /**
     * Pipedrive could not be asked now (budget, circuit, outage): the event waits for the next round - said once
     * while the reason lasts ({@link PipedriveWaits}), not once per event and round.
     */
    public void waitForNextRound(String eventId, Exception failure) {
        log.debug("Pipedrive webhook event {} could not be applied yet: {}", eventId, failure.getMessage());
        waits.waiting("webhooks", failure);
        record(eventId, "pending", failure);
    }

    /** The event cannot be applied (Pipedrive refused the read, an unreadable answer): failed, with the reason. */
    public void failedForGood(String eventId, Exception failure) {
        log.warn("Pipedrive webhook event {} could not be applied: {}", eventId, failure.getMessage());
        record(eventId, "failed", failure);
    }

    private void record(String eventId, String status, Exception failure) {
        String message = String.valueOf(failure.getMessage());
        db.sql("update crm_webhook_event set status = :status, last_error = :e where id = :id")
                .param("status", status)
                .param("e", message.substring(0, Math.min(1000, message.length())))
                .param("id", eventId).update();
    }

    private JsonNode read(String body) {
        try {
            JsonNode node = json.readTree(body == null ? "" : body);
            if (node == null || !node.isObject()) {
                throw ApiException.badRequest("invalid_webhook", "The webhook body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw ApiException.badRequest("malformed_json", "The webhook body is not valid JSON");
        }
    }
}
