package de.henk.hub.web;

import java.util.List;
import java.util.Map;

/**
 * A failure the client can act on: HTTP status, a stable machine-readable code and a human message.
 * Rendered as RFC 9457 problem details by {@link ProblemResponses}.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public ApiException(int status, String code, String detail) {
        this(status, code, detail, List.of(), Map.of());
    }

    public ApiException(int status, String code, String detail, List<FieldError> errors, Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public int status() { return status; }
    public String code() { return code; }
    public List<FieldError> errors() { return errors; }
    public Map<String, String> headers() { return headers; }

    public record FieldError(String field, String message) { }

    public static ApiException badRequest(String code, String detail) { return new ApiException(400, code, detail); }
    public static ApiException unauthorized(String code, String detail) { return new ApiException(401, code, detail); }
    public static ApiException forbidden(String code, String detail) { return new ApiException(403, code, detail); }
    public static ApiException notFound(String code, String detail) { return new ApiException(404, code, detail); }
    public static ApiException conflict(String code, String detail) { return new ApiException(409, code, detail); }

    public static ApiException validation(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ApiException(400, "validation_failed", detail, errors, Map.of());
    }
}
