package de.henk.hub.crm;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A deal in the shape of the use case's {@code GET /api/crm/deals} answer, plus sync information. */
public record DealView(long id, String title, BigDecimal value, String currency, String status, Integer stageId,
                       String personName, String email, String phone, String lostReason, String syncStatus,
                       Long pipedriveDealId, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static DealView of(Deal deal) {
        return new DealView(deal.id(), deal.title(), deal.value().stripTrailingZeros(), deal.currency(), deal.status(),
                deal.stageId(), deal.personName(), deal.email(), deal.phone(), deal.lostReason(), deal.syncStatus(),
                deal.pipedriveDealId(), deal.createdAt(), deal.updatedAt());
    }
}
