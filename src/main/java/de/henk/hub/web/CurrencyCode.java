package de.henk.hub.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Currency;

/**
 * An amount's currency: an ISO 4217 code in capitals, as the hub stores it and Pipedrive takes it ("EUR", "CHF").
 * Three capitals that are no currency ("ABC", "ZZZ") are refused, and so are the ISO codes that are no money one
 * counts a price in (fraction digits undefined: "XXX" no currency, "XTS" testing, "XAU" gold, "XDR" …).
 * Lowercase ("eur") is refused rather than rewritten, as the API's other codes are taken as written. Null is valid.
 */
@Documented
@Constraint(validatedBy = CurrencyCode.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface CurrencyCode {

    String message() default "must be an ISO 4217 currency code in capitals such as EUR";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<CurrencyCode, String> {

        public static boolean isCurrency(String code) {
            if (code == null || !code.matches("[A-Z]{3}")) {
                return false;
            }
            try {
                return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
            } catch (IllegalArgumentException unknown) {
                return false;
            }
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isCurrency(value);
        }
    }
}
