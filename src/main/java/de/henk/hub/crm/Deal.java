package de.henk.hub.crm;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** The hub's copy of a deal; {@code id} is the hub's id, the one the API's URLs take. */
public record Deal(long id, long leadId, String userId, String title, BigDecimal value, String currency,
                   String status, Integer stageId, String lostReason, String personName, String email, String phone,
                   Long pipedrivePersonId, Long pipedriveDealId, String syncStatus, OffsetDateTime createdAt,
                   OffsetDateTime updatedAt) {

    /** Same title, value, currency, stage, status and lost reason — what the team and the events care about. */
    boolean sameTermsAs(Deal other) {
        return java.util.Objects.equals(title, other.title) && value.compareTo(other.value) == 0
                && java.util.Objects.equals(currency, other.currency) && java.util.Objects.equals(stageId, other.stageId)
                && java.util.Objects.equals(status, other.status)
                && java.util.Objects.equals(lostReason, other.lostReason);
    }
}
