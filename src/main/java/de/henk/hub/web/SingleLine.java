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

/**
 * A name, title or reason is one line of text: no CR, LF, tab or other control character (below U+0020, U+007F).
 * Such values end up in mail subjects, Pipedrive titles and log lines, where a line break would split them.
 * Free text (chat messages, notes, staff messages) does not carry this constraint.
 */
@Documented
@Constraint(validatedBy = SingleLine.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface SingleLine {

    String message() default "must not contain line breaks or other control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<SingleLine, CharSequence> {

        /** Whether a text has a control character in it. */
        public static boolean hasControlCharacter(CharSequence text) {
            return text != null && text.chars().anyMatch(c -> c < 0x20 || c == 0x7F);
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return !hasControlCharacter(value);
        }
    }
}
