package de.henk.hub.crm;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** The hub's copy of a deal; {@code id} is the hub's id, the one the API's URLs take. */
public record Deal(long id, long leadId, String userId, String title, BigDecimal value, String currency,
                   String status, Integer stageId, String lostReason, String personName, String email, String phone,
                   Long pipedrivePersonId, Long pipedriveDealId, String syncStatus, OffsetDateTime createdAt,
                   OffsetDateTime updatedAt) { }
