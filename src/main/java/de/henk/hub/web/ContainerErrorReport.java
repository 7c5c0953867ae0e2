package de.henk.hub.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The errors Tomcat answers itself, before any filter or route sees the request (a malformed request line, bad
 * percent-encoding, headers or URL over the limits, an unsupported HTTP version), as problem documents instead of
 * Tomcat's HTML page. Installed as the host's error report valve ({@link ContainerErrorsConfig}); a response that
 * already has a body (every error the application answers itself) is left alone.
 */
public class ContainerErrorReport extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ContainerErrorReport.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ApiException problem = problemFor(status);
        try {
            String requestId = response.getHeader(RequestIdFilter.HEADER);
            if (requestId == null) {
                requestId = UUID.randomUUID().toString();
                response.setHeader(RequestIdFilter.HEADER, requestId);
            }
            SecurityHeaders.addMissing(response);
            response.setStatus(problem.status());
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(Problem.of(problem.status(), problem.code(), problem.getMessage(),
                        requestedPath(request), requestId, null)));
                response.finishResponse();
            }
            log.debug("Container rejected a request: {} {}", status, problem.code());
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot be written any more: nothing left to tell anyone
            log.debug("Could not write the container's error response", e);
        }
    }

    /**
     * The address the client asked for, as far as Tomcat could read it (the raw one, still percent-encoded: a
     * request refused for its encoding has no decoded one); none when not even the request line could be read.
     */
    static String requestedPath(Request request) {
        try {
            String uri = request.getRequestURI();
            return uri == null || uri.isEmpty() ? null : uri;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    static ApiException problemFor(int status) {
        return switch (status) {
            case 404 -> ApiException.notFound("not_found", "There is nothing at this address");
            case 405 -> new ApiException(405, "method_not_allowed", "This address does not support that method");
            case 408 -> new ApiException(408, "request_timeout", "The request was not completed in time");
            case 413 -> new ApiException(413, "payload_too_large", "The request body is too large");
            case 414 -> new ApiException(414, "uri_too_long", "The request address is too long");
            case 431 -> new ApiException(431, "headers_too_large", "The request headers are too large");
            // a request line with an HTTP version we do not speak is the client's error, like any malformed request
            case 505 -> ApiException.badRequest("unsupported_http_version", "Send the request as HTTP/1.1");
            default -> status < 500
                    ? ApiException.badRequest("bad_request",
                            "The request could not be read (request line, headers or URL encoding)")
                    : new ApiException(500, "internal_error", "Something went wrong on our side. Please try again later.");
        };
    }
}
