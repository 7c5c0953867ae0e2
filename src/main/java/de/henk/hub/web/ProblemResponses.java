package de.henk.hub.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Turns any failure into an RFC 9457 problem response — for Camel routes (the routes' onException calls
 * {@link #respond(Exchange)}) and for servlet filters ({@link #write}). Unexpected exceptions become a 500 with
 * a generic message; their details only go to the log, with the request id.
 */
@Component("problemResponses")
public class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    /** Camel: replace the message with the problem document for the exchange's caught exception. */
    public void respond(Exchange exchange) throws IOException {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            failure = exchange.getException();
        }
        ApiException problem = toApiException(failure);
        String path = requestPath(exchange);
        if (problem.status() >= 500) {
            log.error("Request {} failed unexpectedly", path, failure);
        } else {
            log.debug("Request {} rejected: {} {}", path, problem.status(), problem.code());
        }
        var message = exchange.getMessage();
        message.removeHeaders("*");
        problem.headers().forEach(message::setHeader);
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, problem.status());
        message.setHeader(Exchange.CONTENT_TYPE, Problem.MEDIA_TYPE);
        message.setBody(json.writeValueAsString(toProblem(problem, path)));
    }

    /** Servlet layer (security entry points, body limit filter, unmatched paths). */
    public void write(HttpServletRequest request, HttpServletResponse response, ApiException problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.status());
        problem.headers().forEach(response::setHeader);
        // a request refused before the request id filter or the header writer ran (firewall, container error
        // dispatch) carries an id and the security headers all the same
        String requestId = response.getHeader(RequestIdFilter.HEADER);
        if (requestId == null) {
            requestId = MDC.get("requestId") != null ? MDC.get("requestId") : RequestIdFilter.idFor(request);
            response.setHeader(RequestIdFilter.HEADER, requestId);
        }
        SecurityHeaders.addMissing(response);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(Problem.of(problem.status(), problem.code(),
                problem.getMessage(), requestedPath(request), requestId, problem.errors())));
        response.flushBuffer();
    }

    /** The address the client asked for, also on the container's error dispatch (where the request's is /error). */
    private static String requestedPath(HttpServletRequest request) {
        Object original = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        return request.getDispatcherType() == jakarta.servlet.DispatcherType.ERROR && original instanceof String uri
                ? uri : request.getRequestURI();
    }

    /** The problem document for a response written outside the servlet API, for the request to {@code path}. */
    public String json(ApiException problem, String path) throws IOException {
        return json.writeValueAsString(toProblem(problem, path));
    }

    Problem toProblem(ApiException problem, String path) {
        return Problem.of(problem.status(), problem.code(), problem.getMessage(), path, MDC.get("requestId"),
                problem.errors());
    }

    public static ApiException toApiException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
            if (t instanceof UnrecognizedPropertyException unknown) {
                return new ApiException(400, "unknown_field",
                        "Unknown field '" + unknown.getPropertyName() + "'",
                        List.of(new ApiException.FieldError(path(unknown), "is not a known field")), java.util.Map.of());
            }
            ApiException outOfRange = outOfRange(t);
            if (outOfRange != null) {
                return outOfRange;
            }
            if (t instanceof InvalidFormatException || t instanceof MismatchedInputException) {
                JsonMappingException mapping = (JsonMappingException) t;
                String field = path(mapping);
                if (field.isEmpty()) {
                    return ApiException.badRequest("invalid_body", "The request body must be a JSON object");
                }
                return new ApiException(400, "invalid_type", "Field '" + field + "' has the wrong type",
                        List.of(new ApiException.FieldError(field, "has the wrong type")), java.util.Map.of());
            }
            if (t instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException limit
                    && String.valueOf(limit.getMessage()).startsWith("Number value length")) {
                // Jackson's guard against numbers that take quadratic time to read; it stops the parser before any
                // field is known, so the field cannot be named (every number field here is far smaller anyway)
                return ApiException.badRequest("malformed_json",
                        "The request body has a number of more than 1000 digits; no field takes one");
            }
            if (t instanceof JsonParseException || t instanceof JsonProcessingException) {
                return ApiException.badRequest("malformed_json", "The request body is not valid JSON");
            }
            if (t instanceof org.apache.camel.NoTypeConversionAvailableException conversion
                    && conversion.getValue() == null) {
                // an empty body reaching a step that reads JSON
                return ApiException.badRequest("invalid_body", "A JSON object is required as request body");
            }
        }
        return new ApiException(500, "internal_error", "Something went wrong on our side. Please try again later.");
    }

    /**
     * A whole number too large for its field ({@code "stage_id": 123456789012345678901234567890}): Jackson's parser
     * refuses to narrow it, which read as a {@code malformed_json} although the JSON is fine. It is a value out of
     * range, like {@code "deal_value": 1e400} for a decimal field, so it is {@code validation_failed} naming the field
     * and the range — a number of the wrong kind ({@code 1.5} or {@code "2"} for a whole number) stays
     * {@code invalid_type}. Null when {@code t} is no such failure.
     */
    private static ApiException outOfRange(Throwable t) {
        String field;
        InputCoercionException coercion;
        if (t instanceof JsonMappingException mapping && mapping.getCause() instanceof InputCoercionException cause) {
            field = path(mapping);
            coercion = cause;
        } else if (t instanceof InputCoercionException cause) {
            field = cause.getProcessor() != null ? fieldOf(cause.getProcessor().getParsingContext()) : "";
            coercion = cause;
        } else {
            return null;
        }
        if (field.isEmpty()) {
            return null;
        }
        Class<?> type = coercion.getTargetType();
        String range = type == Integer.class || type == Integer.TYPE ? Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
                : type == Long.class || type == Long.TYPE ? Long.MIN_VALUE + " to " + Long.MAX_VALUE
                : type == Short.class || type == Short.TYPE ? Short.MIN_VALUE + " to " + Short.MAX_VALUE
                : type == Byte.class || type == Byte.TYPE ? Byte.MIN_VALUE + " to " + Byte.MAX_VALUE
                : null;
        return ApiException.validation(List.of(new ApiException.FieldError(field, range == null
                ? "is out of range" : "is out of range: a whole number from " + range)));
    }

    /** The path of the value a parser stands on, as {@link #path(JsonMappingException)} writes it. */
    private static String fieldOf(com.fasterxml.jackson.core.JsonStreamContext context) {
        java.util.LinkedList<String> parts = new java.util.LinkedList<>();
        for (var at = context; at != null && !at.inRoot(); at = at.getParent()) {
            parts.addFirst(at.inArray() ? "[" + at.getCurrentIndex() + "]" : String.valueOf(at.getCurrentName()));
        }
        return String.join(".", parts);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String requestPath(Exchange exchange) {
        return ServletRequests.of(exchange).map(HttpServletRequest::getRequestURI)
                .orElseGet(() -> exchange.getIn().getHeader(Exchange.HTTP_URI, String.class));
    }
}
