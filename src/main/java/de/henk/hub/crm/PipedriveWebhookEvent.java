package de.henk.hub.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * What a Pipedrive webhook delivery is about, in either of Pipedrive's two formats:
 * <ul>
 * <li>v2 (the default of webhooks made since March 2025, and what the hub registers):
 * {@code {meta: {id, action: create|change|delete, entity, entity_id}, data, previous}} - {@code meta.id} is the
 * event's own id, {@code meta.entity_id} the deal's or person's (digits as text);</li>
 * <li>v1 (a webhook made by hand in Pipedrive's settings or an older integration):
 * {@code {v: 1, meta: {action: added|updated|merged|deleted, object, id, timestamp, timestamp_micro}, current,
 * previous, event: "updated.deal", retry}} - {@code meta.id} is the entity's id, and nothing names the event itself,
 * so its id is made of what stays the same when Pipedrive delivers it again (entity, id, action, the change's time;
 * else the body without its delivery counters).</li>
 * </ul>
 * The action is read into v2's words ({@code create}, {@code change}, {@code delete}; v1's {@code merged} keeps its
 * entity, so it is a change). The body itself is never applied: the hub reads the entity from Pipedrive.
 */
record PipedriveWebhookEvent(String id, String entity, String action, Long entityId) {

    /** Reads the event; its fields are null or empty where the body does not say. */
    static PipedriveWebhookEvent of(JsonNode body) {
        JsonNode meta = body.path("meta");
        if (isV1(body)) {
            String entity = text(meta.path("object"));
            String action = text(meta.path("action"));
            String event = text(body.path("event"));
            int dot = event.indexOf('.');
            if (dot > 0) {
                // "updated.deal": the action and the object, where meta leaves them out
                action = action.isEmpty() ? event.substring(0, dot) : action;
                entity = entity.isEmpty() ? event.substring(dot + 1) : entity;
            }
            Long entityId = firstId(meta.path("id"), body.path("current").path("id"), body.path("previous").path("id"));
            return new PipedriveWebhookEvent(v1Id(body, entity, action, entityId), entity.toLowerCase(Locale.ROOT),
                    v2Action(action), entityId);
        }
        Long entityId = firstId(meta.path("entity_id"), body.path("data").path("id"), body.path("previous").path("id"));
        return new PipedriveWebhookEvent(text(meta.path("id")), text(meta.path("entity")).toLowerCase(Locale.ROOT),
                v2Action(text(meta.path("action"))), entityId);
    }

    /**
     * v1: {@code v} or {@code meta.v} is 1, or the body has v1's {@code current} / {@code event} and no v2
     * {@code meta.entity}.
     */
    private static boolean isV1(JsonNode body) {
        JsonNode meta = body.path("meta");
        if (body.path("v").asInt(0) == 1 || meta.path("v").asInt(0) == 1) {
            return true;
        }
        return !meta.hasNonNull("entity") && (meta.hasNonNull("object") || body.has("current") || body.has("event"));
    }

    /** v1's words for an action in v2's; v2's words stay as they are. */
    private static String v2Action(String action) {
        String lower = action.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "added" -> "create";
            case "updated", "merged" -> "change";
            case "deleted" -> "delete";
            default -> lower;
        };
    }

    /**
     * A v1 event's id: the same for each delivery of one change, different for the next change of the entity.
     * meta.timestamp_micro (else meta.timestamp) says when the change happened; without either, a digest of the
     * body without its delivery counters.
     */
    private static String v1Id(JsonNode body, String entity, String action, Long entityId) {
        JsonNode meta = body.path("meta");
        String when = text(meta.path("timestamp_micro"));
        if (when.isEmpty()) {
            when = text(meta.path("timestamp"));
        }
        if (when.isEmpty() || !when.matches("[0-9A-Za-z:.+\\-]{1,40}")) {
            when = digestWithoutCounters(body);
        }
        String id = "v1-" + entity + "-" + (entityId == null ? "" : entityId) + "-" + action + "-" + when;
        return id.length() <= 100 ? id : "v1-" + digestWithoutCounters(body);
    }

    private static String digestWithoutCounters(JsonNode body) {
        JsonNode copy = body.deepCopy();
        if (copy instanceof ObjectNode object) {
            object.remove(List.of("retry", "attempt"));
            if (object.path("meta") instanceof ObjectNode meta) {
                meta.remove(List.of("retry", "attempt", "attempt_no", "next_attempt_ts"));
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(copy.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Long firstId(JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            Long id = PipedriveResponses.number(candidate);
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText().strip() : "";
    }
}
