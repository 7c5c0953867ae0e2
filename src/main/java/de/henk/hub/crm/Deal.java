package de.henk.hub.crm;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** The hub's copy of a deal; {@code id} is the hub's id, the one the API's URLs take. */
public record Deal(long id, long leadId, String userId, String title, BigDecimal value, String currency,
                   String status, Integer stageId, String lostReason, String personName, String email, String phone,
                   Long pipedrivePersonId, Long pipedriveDealId, String syncStatus, OffsetDateTime createdAt,
                   OffsetDateTime updatedAt) {

    Deal withUpdatedAt(OffsetDateTime at) {
        return new Deal(id, leadId, userId, title, value, currency, status, stageId, lostReason, personName, email,
                phone, pipedrivePersonId, pipedriveDealId, syncStatus, createdAt, at);
    }

    Deal withSyncStatus(String sync) {
        return new Deal(id, leadId, userId, title, value, currency, status, stageId, lostReason, personName, email,
                phone, pipedrivePersonId, pipedriveDealId, sync, createdAt, updatedAt);
    }
}
