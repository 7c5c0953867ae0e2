package de.henk.hub.appointments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.henk.hub.crm.Deal;
import de.henk.hub.crm.OutboxEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An appointment as a Pipedrive activity, for the pipedrive routes: the outbox payload written at booking time
 * ({@code {"appointment_id", "activity"}}), the body of {@code POST /api/v2/activities}, and the activity id kept
 * on the appointment so that cancelling it can delete the activity again. Entries written before activity ids
 * were kept carry the bare activity body; they are still sent, and have nothing to cancel.
 */
@Component("appointmentActivities")
public class AppointmentActivities {

    private final JdbcClient db;
    private final ObjectMapper json;

    public AppointmentActivities(JdbcClient db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** The outbox payload for a booking: which appointment, and the activity as it was booked. */
    String bookedPayload(AppointmentView a, AppointmentType type) {
        ObjectNode activity = json.createObjectNode();
        OffsetDateTime start = a.startsAt().withOffsetSameInstant(ZoneOffset.UTC);
        activity.put("subject", type.label("de") + " – " + a.customerName());
        activity.put("type", "meeting");
        activity.put("due_date", start.toLocalDate().toString());
        activity.put("due_time", String.format("%02d:%02d", start.getHour(), start.getMinute()));
        activity.put("duration", String.format("%02d:%02d", a.durationMinutes() / 60, a.durationMinutes() % 60));
        activity.put("note", a.notes() == null ? "" : a.notes());
        ObjectNode payload = json.createObjectNode();
        payload.put("appointment_id", a.id());
        payload.set("activity", activity);
        return payload.toString();
    }

    /** The payload of a cancellation: which appointment's activity is to go. */
    String cancelledPayload(long appointmentId) {
        return json.createObjectNode().put("appointment_id", appointmentId).toString();
    }

    /** False when the appointment was cancelled before its activity reached Pipedrive: then nothing is created. */
    public boolean stillBooked(OutboxEntry entry) {
        Long appointmentId = appointmentId(entry);
        if (appointmentId == null) {
            return true;
        }
        return db.sql("select count(*) from appointment where id = :id and status = 'booked'")
                .param("id", appointmentId).query(Long.class).single() > 0;
    }

    /** {@code POST /api/v2/activities}: the booked activity on the deal, its person the primary participant. */
    public String newActivity(OutboxEntry entry, Deal deal) {
        JsonNode payload = read(entry.payload());
        ObjectNode body = (payload.has("activity") ? payload.get("activity") : payload).deepCopy();
        body.put("deal_id", deal.pipedriveDealId());
        ObjectNode participant = body.putArray("participants").addObject();
        participant.put("person_id", deal.pipedrivePersonId());
        participant.put("primary", true);
        return body.toString();
    }

    /** Keeps Pipedrive's id of the created activity on the appointment ({@code data.id} of the answer). */
    public void recordCreated(OutboxEntry entry, String answer) {
        Long appointmentId = appointmentId(entry);
        Long id = de.henk.hub.crm.PipedriveResponses.number(read(answer).path("data").path("id"));
        if (appointmentId != null && id != null) {
            db.sql("update appointment set pipedrive_activity_id = :activity where id = :id")
                    .param("activity", id).param("id", appointmentId).update();
        }
    }

    /** The Pipedrive activity a cancellation removes, or null when it never reached Pipedrive (or is gone). */
    public Long activityToCancel(OutboxEntry entry) {
        Long appointmentId = appointmentId(entry);
        if (appointmentId == null) {
            return null;
        }
        return db.sql("select pipedrive_activity_id from appointment where id = :id").param("id", appointmentId)
                .query((rs, n) -> rs.getObject(1, Long.class)).optional().orElse(null);
    }

    /** The activity is gone from Pipedrive: a replayed cancellation will not try again. */
    public void recordCancelled(OutboxEntry entry) {
        Long appointmentId = appointmentId(entry);
        if (appointmentId != null) {
            db.sql("update appointment set pipedrive_activity_id = null where id = :id")
                    .param("id", appointmentId).update();
        }
    }

    private Long appointmentId(OutboxEntry entry) {
        JsonNode id = read(entry.payload()).path("appointment_id");
        return id.canConvertToLong() ? id.asLong() : null;
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text == null ? "{}" : text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
