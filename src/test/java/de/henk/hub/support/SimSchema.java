package de.henk.hub.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Strict request-body validation in the style of Pipedrive API v2: the body must be a JSON object, unknown
 * fields are rejected, and every value must have its JSON type (numbers as JSON numbers, ids as positive
 * integers, booleans as booleans, dates as {@code YYYY-MM-DD}, enums checked).
 */
final class SimSchema {

    static final String VALIDATION_CODE = "ERR_SCHEMA_VALIDATION_FAILED";

    /** An API error that the simulator turns into a Pipedrive-style error response. */
    static final class ApiError extends RuntimeException {
        final int status;
        final String code;

        ApiError(int status, String message, String code) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }

        static ApiError validation(String message) {
            return new ApiError(400, message, VALIDATION_CODE);
        }

        static ApiError badRequest(String message) {
            return new ApiError(400, message, null);
        }

        static ApiError notFound(String message) {
            return new ApiError(404, message, null);
        }
    }

    @FunctionalInterface
    interface Check {
        void check(String field, JsonNode value);
    }

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final Pattern SQL_DATETIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    /** RFC 3339 with whole seconds only (Pipedrive v2 rejects fractional seconds in datetime filters). */
    private static final Pattern RFC3339_SECONDS =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern RFC3339_ANY =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern CUSTOM_FIELD_KEY = Pattern.compile("[0-9a-f]{40}");
    private static final DateTimeFormatter SQL_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Map<String, Check> fields = new LinkedHashMap<>();
    private final Set<String> required = new LinkedHashSet<>();

    static SimSchema object() {
        return new SimSchema();
    }

    SimSchema field(String name, Check check) {
        fields.put(name, check);
        return this;
    }

    SimSchema required(String name, Check check) {
        required.add(name);
        return field(name, check);
    }

    /** Validates {@code node} as a JSON object of this schema; {@code prefix} names it in messages ("" = body). */
    void validate(String prefix, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw ApiError.validation(prefix.isEmpty()
                    ? "Request body must be a JSON object"
                    : "Invalid value for '" + prefix + "': expected object, got " + typeName(node));
        }
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!fields.containsKey(name)) {
                unknown.add(join(prefix, name));
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiError.validation("Unknown field(s): " + String.join(", ", unknown));
        }
        List<String> missing = required.stream()
                .filter(r -> !node.has(r) || node.get(r).isNull())
                .map(r -> join(prefix, r))
                .collect(Collectors.toList());
        if (!missing.isEmpty()) {
            throw ApiError.validation("Missing required field(s): " + String.join(", ", missing));
        }
        for (Map.Entry<String, Check> e : fields.entrySet()) {
            JsonNode value = node.get(e.getKey());
            if (value != null) {
                e.getValue().check(join(prefix, e.getKey()), value);
            }
        }
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    // ---------------------------------------------------------------------------------------------- checks

    static ApiError invalid(String field, String expected, JsonNode got) {
        return ApiError.validation("Invalid value for '" + field + "': expected " + expected + ", got "
                + typeName(got) + (got != null && got.isValueNode() && !got.isNull() ? " " + got : ""));
    }

    static String typeName(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        return switch (n.getNodeType()) {
            case STRING -> "string";
            case NUMBER -> n.isIntegralNumber() ? "integer" : "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case ARRAY -> "array";
            case OBJECT, POJO -> "object";
            default -> n.getNodeType().name().toLowerCase();
        };
    }

    static Check nullable(Check inner) {
        return (f, v) -> {
            if (!v.isNull()) {
                inner.check(f, v);
            }
        };
    }

    static Check string() {
        return (f, v) -> {
            if (!v.isTextual()) {
                throw invalid(f, "string", v);
            }
        };
    }

    static Check nonEmptyString() {
        return (f, v) -> {
            if (!v.isTextual()) {
                throw invalid(f, "string", v);
            }
            if (v.asText().isBlank()) {
                throw ApiError.validation("Invalid value for '" + f + "': must not be empty");
            }
        };
    }

    static Check maxLength(int max) {
        return (f, v) -> {
            string().check(f, v);
            if (v.asText().length() > max) {
                throw ApiError.validation("Invalid value for '" + f + "': longer than " + max + " characters");
            }
        };
    }

    static Check id() {
        return (f, v) -> {
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() <= 0) {
                throw invalid(f, "positive integer", v);
            }
        };
    }

    static Check integer(long min, long max) {
        return (f, v) -> {
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
                throw invalid(f, "integer between " + min + " and " + max, v);
            }
        };
    }

    static Check number() {
        return (f, v) -> {
            if (!v.isNumber() || (v.isFloatingPointNumber() && !Double.isFinite(v.asDouble()))) {
                throw invalid(f, "number", v);
            }
        };
    }

    static Check number(double min, double max) {
        return (f, v) -> {
            number().check(f, v);
            if (v.asDouble() < min || v.asDouble() > max) {
                throw invalid(f, "number between " + min + " and " + max, v);
            }
        };
    }

    static Check bool() {
        return (f, v) -> {
            if (!v.isBoolean()) {
                throw invalid(f, "boolean", v);
            }
        };
    }

    static Check date() {
        return (f, v) -> {
            if (!v.isTextual() || !DATE.matcher(v.asText()).matches()) {
                throw invalid(f, "date YYYY-MM-DD", v);
            }
            try {
                LocalDate.parse(v.asText());
            } catch (DateTimeParseException e) {
                throw invalid(f, "valid date YYYY-MM-DD", v);
            }
        };
    }

    static Check timeHhMm() {
        return (f, v) -> {
            if (!v.isTextual() || !HH_MM.matcher(v.asText()).matches()) {
                throw invalid(f, "time HH:MM", v);
            }
        };
    }

    /** A timestamp given in a request body: RFC 3339 or Pipedrive's {@code YYYY-MM-DD HH:MM:SS} (UTC). */
    static Check dateTime() {
        return (f, v) -> {
            if (!v.isTextual() || parseBodyDateTime(v.asText()) == null) {
                throw invalid(f, "date-time (RFC 3339 or YYYY-MM-DD HH:MM:SS)", v);
            }
        };
    }

    static Check oneOf(String... allowed) {
        Set<String> set = Set.of(allowed);
        return (f, v) -> {
            if (!v.isTextual() || !set.contains(v.asText())) {
                throw invalid(f, "one of " + Arrays.toString(allowed), v);
            }
        };
    }

    static Check oneOfInt(long... allowed) {
        return (f, v) -> {
            if (!v.isIntegralNumber() || Arrays.stream(allowed).noneMatch(a -> a == v.asLong())) {
                throw invalid(f, "one of " + Arrays.toString(allowed), v);
            }
        };
    }

    static Check arrayOf(Check element) {
        return (f, v) -> {
            if (!v.isArray()) {
                throw invalid(f, "array", v);
            }
            for (int i = 0; i < v.size(); i++) {
                element.check(f + "[" + i + "]", v.get(i));
            }
        };
    }

    static Check obj(SimSchema schema) {
        return (f, v) -> schema.validate(f, v);
    }

    /** Custom fields: an object keyed by Pipedrive's 40-character field hashes; values of any JSON type. */
    static Check customFields() {
        return (f, v) -> {
            if (!v.isObject()) {
                throw invalid(f, "object", v);
            }
            List<String> bad = new ArrayList<>();
            v.fieldNames().forEachRemaining(k -> {
                if (!CUSTOM_FIELD_KEY.matcher(k).matches()) {
                    bad.add(k);
                }
            });
            if (!bad.isEmpty()) {
                throw ApiError.validation("Unknown custom field(s): " + String.join(", ", bad));
            }
            v.fields().forEachRemaining(e -> {
                if (e.getValue().isArray() && e.getValue().isEmpty()) {
                    throw ApiError.validation("Invalid value for '" + f + "." + e.getKey()
                            + "': use null instead of an empty array to clear a field");
                }
            });
        };
    }

    // ---------------------------------------------------------------------------------------------- parsing

    /** RFC 3339 (any precision) or {@code YYYY-MM-DD HH:MM:SS} taken as UTC; null if neither. */
    static Instant parseBodyDateTime(String s) {
        try {
            if (SQL_DATETIME.matcher(s).matches()) {
                return LocalDateTime.parse(s, SQL_FORMAT).toInstant(ZoneOffset.UTC);
            }
            if (RFC3339_ANY.matcher(s).matches()) {
                return OffsetDateTime.parse(s).toInstant();
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }

    /** A datetime query filter such as {@code updated_since}: RFC 3339, whole seconds, as Pipedrive v2 demands. */
    static Instant parseQueryDateTime(String name, String s) {
        if (s == null) {
            return null;
        }
        if (!RFC3339_SECONDS.matcher(s).matches()) {
            throw ApiError.validation("Invalid value for '" + name + "': '" + s
                    + "' is not a valid datetime (expected RFC 3339 like 2025-01-01T10:20:00Z)");
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiError.validation("Invalid value for '" + name + "': '" + s + "' is not a valid datetime");
        }
    }

    static String formatSql(Instant i) {
        return SQL_FORMAT.format(i.atOffset(ZoneOffset.UTC));
    }
}
