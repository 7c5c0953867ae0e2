package de.henk.hub.orders;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

public record OrderView(long id, long dealId, String customerId, String customerName, String customerEmail,
                        String title, String status, LocalDate expectedReadyDate, List<Step> steps,
                        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public record Step(String status, LocalDate expectedDate, OffsetDateTime reachedAt) { }
}
