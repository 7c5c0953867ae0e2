package de.henk.hub.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.henk.hub.system.Timestamps;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies Pipedrive's view of a deal (from a webhook or reconciliation) to the hub's copy. Pipedrive wins when
 * its update_time is newer — except while the hub still has changes of its own waiting in the outbox: those go
 * out first, and Pipedrive's next answer brings the deal back in line.
 */
@Component("dealMirror")
public class DealMirror {

    private static final Logger log = LoggerFactory.getLogger(DealMirror.class);

    private final JdbcClient db;
    private final ObjectMapper json;
    private final CrmStore store;
    private final DealEvents dealEvents;
    private final Clock clock;

    public DealMirror(JdbcClient db, ObjectMapper json, CrmStore store, DealEvents dealEvents, Clock clock) {
        this.store = store;
        this.dealEvents = dealEvents;
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    /** What changed for the hub's deal, or empty when nothing (unknown deal, older state, pending local change). */
    @Transactional
    public Optional<MirrorChange> apply(JsonNode pipedriveDeal, boolean deleted) {
        long pipedriveId = pipedriveDeal.path("id").asLong();
        Optional<Current> current = db.sql("""
                select id, status, pipedrive_update_time from crm_deal where pipedrive_deal_id = :pid for update""")
                .param("pid", pipedriveId)
                .query((rs, n) -> new Current(rs.getLong("id"), rs.getString("status"),
                        rs.getObject("pipedrive_update_time", OffsetDateTime.class)))
                .optional();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Current deal = current.get();
        OffsetDateTime updated = parse(pipedriveDeal.path("update_time").asText(null));
        // Pipedrive's update_time has whole seconds: the same second may hold a newer change, and re-applying an
        // identical state is harmless
        if (updated != null && deal.pipedriveUpdateTime() != null && updated.isBefore(deal.pipedriveUpdateTime())) {
            return Optional.empty();
        }
        long pending = db.sql("select count(*) from crm_outbox where deal_id = :d and status = 'pending'")
                .param("d", deal.id()).query(Long.class).single();
        if (pending > 0) {
            log.debug("Deal {} has local changes waiting for Pipedrive; its webhook state is not applied", deal.id());
            return Optional.empty();
        }
        String status = deleted ? "deleted" : text(pipedriveDeal, "status", deal.status());
        Deal before = store.deal(deal.id());
        db.sql("""
                update crm_deal set
                  title = coalesce(:title, title),
                  deal_value = coalesce(:value, deal_value),
                  currency = coalesce(:currency, currency),
                  stage_id = coalesce(:stage, stage_id),
                  status = :status,
                  lost_reason = :reason,
                  pipedrive_update_time = coalesce(:updated, pipedrive_update_time),
                  sync_status = 'synced',
                  updated_at = :now
                where id = :id""")
                .param("title", text(pipedriveDeal, "title", null), java.sql.Types.VARCHAR)
                .param("value", amount(pipedriveDeal.path("value")), java.sql.Types.NUMERIC)
                .param("currency", text(pipedriveDeal, "currency", null), java.sql.Types.VARCHAR)
                .param("stage", pipedriveDeal.hasNonNull("stage_id") ? pipedriveDeal.path("stage_id").asInt() : null,
                        java.sql.Types.INTEGER)
                .param("status", status)
                .param("reason", "lost".equals(status) ? text(pipedriveDeal, "lost_reason", null) : null,
                        java.sql.Types.VARCHAR)
                .param("updated", updated, java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("now", Timestamps.now(clock)).param("id", deal.id()).update();
        Deal after = store.deal(deal.id());
        if (!before.sameTermsAs(after)) {
            dealEvents.changed(before, after, "pipedrive");
        }
        return Optional.of(new MirrorChange(deal.id(), deal.status(), status));
    }

    /**
     * A person renamed or given a new phone in Pipedrive: the hub's deals of that person follow (and one known only
     * by phone takes the email the team added).
     */
    @Transactional
    public int applyPerson(JsonNode person) {
        String name = text(person, "name", null);
        String phone = null;
        for (JsonNode candidate : person.path("phones")) {
            String value = candidate.isTextual() ? candidate.asText() : candidate.path("value").asText(null);
            if (value != null && !value.isBlank() && (phone == null || candidate.path("primary").asBoolean(false))) {
                phone = value;
            }
        }
        String email = null;
        for (JsonNode candidate : person.path("emails")) {
            String value = candidate.isTextual() ? candidate.asText() : candidate.path("value").asText(null);
            if (value != null && value.contains("@") && (email == null || candidate.path("primary").asBoolean(false))) {
                email = de.henk.hub.web.EmailAddresses.normalize(value);
            }
        }
        // an email the team added in Pipedrive fills in a deal known only by phone; a known email is kept; a name the
        // team gave is no placeholder any more: the customer's later name does not replace it (LeadIntake.addContact)
        return db.sql("""
                update crm_deal set person_name = coalesce(:name, person_name), phone = coalesce(:phone, phone),
                  email = coalesce(email, :email), updated_at = :now,
                  person_name_placeholder = person_name_placeholder and coalesce(:name, person_name) = person_name
                where pipedrive_person_id = :pid""")
                .param("name", name, java.sql.Types.VARCHAR).param("phone", phone, java.sql.Types.VARCHAR)
                .param("email", email, java.sql.Types.VARCHAR)
                .param("now", Timestamps.now(clock)).param("pid", person.path("id").asLong()).update();
    }

    /** Remembers Pipedrive's update_time of the hub's own write, so its webhook echo is not applied again. */
    public void recordUpdateTime(long dealId, String body) {
        // body is Pipedrive's answer to the hub's own PATCH/POST
        try {
            JsonNode data = json.readTree(body).path("data");
            OffsetDateTime updated = parse(data.path("update_time").asText(null));
            if (updated != null) {
                db.sql("update crm_deal set pipedrive_update_time = :u where id = :id")
                        .param("u", updated).param("id", dealId).update();
            }
        } catch (java.io.IOException ignored) {
            // not JSON: nothing to remember
        }
    }

    /**
     * A deal's value: a number (2500, 2500.5) or its digits as text ("2500.50"); null - the hub's value stays - when
     * Pipedrive sent none or something else, never a 0 it did not say.
     */
    static java.math.BigDecimal amount(JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            try {
                return new java.math.BigDecimal(value.asText().strip());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? fallback : value.asText();
    }

    /**
     * A time as Pipedrive gives it: API v2's RFC 3339 ({@code 2025-04-15T14:57:34Z}, with or without fractions or
     * another offset), or v1's {@code 2025-04-15 14:57:34} in UTC; a time without an offset is UTC as well. Null
     * when it is none of these.
     */
    static OffsetDateTime parse(String isoTime) {
        if (isoTime == null || isoTime.isBlank()) {
            return null;
        }
        String time = isoTime.strip().replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) ", "$1T");
        try {
            return OffsetDateTime.parse(time);
        } catch (java.time.format.DateTimeParseException withoutOffset) {
            try {
                return java.time.LocalDateTime.parse(time).atOffset(java.time.ZoneOffset.UTC);
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
    }

    private record Current(long id, String status, OffsetDateTime pipedriveUpdateTime) { }

    /** The hub deal a Pipedrive change was applied to, with its status before and after. */
    public record MirrorChange(long dealId, String statusBefore, String statusAfter) { }
}
