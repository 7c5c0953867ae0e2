package de.henk.hub.crm;

import de.henk.hub.web.SingleLine;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** {@code PUT /api/crm/deal/{id}}: any of stage, value, status (and a reason when lost). */
public record DealUpdateRequest(
        @Positive Integer stageId,
        @DecimalMin("0") @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) BigDecimal value,
        @Pattern(regexp = "^(open|won|lost)$", message = "must be open, won or lost") String status,
        @Size(max = 255) @SingleLine String lostReason) {

    boolean empty() {
        return stageId == null && value == null && status == null && lostReason == null;
    }
}
