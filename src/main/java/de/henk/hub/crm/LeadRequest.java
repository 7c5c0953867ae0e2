package de.henk.hub.crm;

import de.henk.hub.web.CurrencyCode;
import de.henk.hub.web.EmailAddress;
import de.henk.hub.web.SingleLine;
import de.henk.hub.web.VisibleText;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * {@code POST /api/crm/lead}: who the customer is and what the opportunity is worth. An email or a phone number is
 * required (checked by {@link LeadIntake}: a customer's own lead defaults to their account's email). The name and
 * the title are read without the invisible characters at their ends ({@link VisibleText}).
 */
public record LeadRequest(
        @NotBlank @Size(max = 200) @SingleLine @VisibleText String name,
        @EmailAddress String email,
        @Size(max = 40) @Pattern(regexp = "^\\+?[0-9 ()/.-]{5,39}$", message = "must be a phone number") String phone,
        @NotBlank @Size(max = 255) @SingleLine @VisibleText String dealTitle,
        @NotNull @DecimalMin("0") @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) BigDecimal dealValue,
        @CurrencyCode String currency) {

    public LeadRequest {
        name = VisibleText.Check.strip(name);
        dealTitle = VisibleText.Check.strip(dealTitle);
    }
}
