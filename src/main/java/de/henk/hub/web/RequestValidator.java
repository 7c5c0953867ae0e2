package de.henk.hub.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** Bean Validation for request bodies; a violation becomes a 400 {@code validation_failed} listing each field. */
@Component("requests")
public class RequestValidator {

    private final Validator validator;

    public RequestValidator(Validator validator) {
        this.validator = validator;
    }

    public <T> T validate(T request) {
        if (request == null) {
            throw ApiException.badRequest("invalid_body", "A JSON object is required as request body");
        }
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            List<ApiException.FieldError> errors = violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> new ApiException.FieldError(snake(v), v.getMessage()))
                    .toList();
            throw ApiException.validation(errors);
        }
        return request;
    }

    /** Whether the request came with a body at all (some endpoints accept none). */
    public boolean hasBody(String body) {
        return body != null && !body.isBlank();
    }

    private static String snake(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().toString().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
