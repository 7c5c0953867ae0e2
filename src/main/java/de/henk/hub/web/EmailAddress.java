package de.henk.hub.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one rule for an email address, in a request body and in an {@code ?email=} filter
 * ({@link RequestValidator#emailParameter}): well-formed as Bean Validation's {@code @Email} sees it, with a dot in
 * the domain ({@code @Email} alone takes {@code a@b}), no white space anywhere (not even inside a quoted local part:
 * such an address is a typing or copying mistake, and it would split a mail header), at most 254 characters.
 * A part of the address (the local part, a domain label) must not mix Latin, Cyrillic or Greek letters: they look
 * alike, and such an address is a disguise of another ({@link EmailAddresses}).
 * Each part reports its own violation, so a body's answer reads as if the constraints stood on the field itself.
 */
@Documented
@Email(regexp = EmailAddress.SHAPE)
@Size(max = 254)
@Constraint(validatedBy = EmailAddresses.OneAlphabetPerPart.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface EmailAddress {

    /** Something, an @, something, a dot, something; (?U): Unicode white space such as U+00A0 counts too. */
    String SHAPE = "(?U)\\S+@\\S+\\.\\S+";

    String message() default "must be a well-formed email address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
