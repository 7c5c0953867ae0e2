package de.henk.hub.web;

import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Bean Validation for request bodies; a violation becomes a 400 {@code validation_failed} listing each field. */
@Component("requests")
public class RequestValidator {

    private final Validator validator;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    public RequestValidator(Validator validator, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.validator = validator;
        this.json = json;
    }

    public <T> T validate(T request) {
        // a body of JSON null: Jackson reads null and Camel's unmarshal then leaves the raw bytes as the body
        if (request == null || request instanceof byte[] || request instanceof CharSequence
                || request instanceof java.io.InputStream) {
            throw ApiException.badRequest("invalid_body", "A JSON object is required as request body");
        }
        List<ApiException.FieldError> errors = new ArrayList<>();
        validator.validate(request).forEach(v -> errors.add(new ApiException.FieldError(
                snake(v.getPropertyPath().toString()), v.getMessage())));
        errors.addAll(nulCharacters(request));
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(ApiException.FieldError::field));
            throw ApiException.validation(errors);
        }
        return request;
    }

    /**
     * No text of a request may carry U+0000: it means nothing in a name, a message or an id, and PostgreSQL cannot
     * store it (nor compare it in a query), so it would fail the request there with a 500. Every request body is a
     * record; each of its texts is checked, whatever the field and however deep: in nested records, lists, arrays
     * and maps (keys too). A text, or texts in a list or map, are named by their field ({@code roles}); a nested
     * record's field by its path, as Bean Validation names it ({@code address.street}, {@code items[2].name}).
     * Each field is named once.
     */
    private static List<ApiException.FieldError> nulCharacters(Object request) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        collectNul("", request, fields);
        return fields.entrySet().stream().map(field -> new ApiException.FieldError(field.getKey(), field.getValue()))
                .toList();
    }

    /**
     * Also refused: half of a UTF-16 surrogate pair ({@code "\ud800x"} in JSON) — no character at all; stored, it
     * came back as JSON no parser accepts, a "?" in mails, and a password that matched other passwords.
     */
    private static void collectNul(String path, Object value, Map<String, String> fields) {
        if (value instanceof CharSequence text) {
            if (text.chars().anyMatch(c -> c == 0)) {
                fields.putIfAbsent(path, "must not contain the NUL character (U+0000)");
            } else if (loneSurrogate(text)) {
                fields.putIfAbsent(path, "must be valid Unicode text (half of a surrogate pair is no character)");
            }
        } else if (value instanceof Record record) {
            for (RecordComponent component : COMPONENTS.get(record.getClass())) {
                String name = snake(component.getName());
                collectNul(path.isEmpty() ? name : path + "." + name, value(component, record), fields);
            }
        } else if (value instanceof Collection<?> values) {
            int index = 0;
            for (Object element : values) {
                collectNul(element instanceof Record ? path + "[" + index + "]" : path, element, fields);
                index++;
            }
        } else if (value instanceof Object[] values) {
            collectNul(path, Arrays.asList(values), fields);
        } else if (value instanceof Map<?, ?> entries) {
            for (Map.Entry<?, ?> entry : entries.entrySet()) {
                collectNul(path, entry.getKey(), fields);
                collectNul(entry.getValue() instanceof Record ? path + "[" + entry.getKey() + "]" : path,
                        entry.getValue(), fields);
            }
        }
    }

    private static boolean loneSurrogate(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** A record's components, looked up once per class (Class.getRecordComponents copies them on every call). */
    private static final ClassValue<List<RecordComponent>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<RecordComponent> computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return List.of();
            }
            RecordComponent[] components = type.getRecordComponents();
            for (RecordComponent component : components) {
                component.getAccessor().trySetAccessible();
            }
            return List.of(components);
        }
    };

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    /**
     * An {@code ?email=} filter: null when not given; else the same rule as an email in a body ({@link EmailAddress})
     * after stripping the ends, and normalised as accounts store it (NFKC, lower case), or 400 {@code invalid_parameter}
     * (a search for "abc" is a mistake, not an empty result).
     */
    public String emailParameter(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String address = email.strip();
        if (!validator.validate(new EmailParameter(address)).isEmpty()) {
            throw ApiException.badRequest("invalid_parameter", "email must be an email address");
        }
        return EmailAddresses.normalize(address);
    }

    private record EmailParameter(@EmailAddress String email) { }

    /** Whether the request came with a body at all (some endpoints accept none). */
    public boolean hasBody(String body) {
        return body != null && !body.isBlank();
    }

    /**
     * One optional one-line text field of an optional JSON body ({@code {"reason": "..."}}); strict like every body,
     * and refused with {@code validation_failed} when it carries a line break or another control character.
     */
    public String optionalText(String body, String field) {
        if (!hasBody(body)) {
            return null;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode node = json.readTree(body);
            if (!node.isObject()) {
                throw ApiException.badRequest("invalid_body", "The request body must be a JSON object");
            }
            var names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!name.equals(field)) {
                    throw ApiException.badRequest("unknown_field", "Unknown field '" + name + "'");
                }
            }
            com.fasterxml.jackson.databind.JsonNode value = node.path(field);
            if (value.isMissingNode() || value.isNull()) {
                return null;
            }
            if (!value.isTextual() || value.asText().length() > 2000) {
                throw ApiException.badRequest("invalid_type", field + " must be a text of at most 2000 characters");
            }
            if (SingleLine.Check.hasControlCharacter(value.asText())) {
                throw ApiException.validation(List.of(new ApiException.FieldError(field,
                        "must not contain line breaks or other control characters")));
            }
            return value.asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiException.badRequest("malformed_json", "The request body is not valid JSON");
        }
    }

    private static String snake(String path) {
        return path.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
