package de.henk.hub.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What the API can read, checked on the servlet thread before any other filter or route parses the request.
 * A header value the security firewall refuses is a 400 {@code invalid_header} ({@link #readEveryHeader}), and so is
 * a header that means one thing (Idempotency-Key) sent more than once.
 * A query string that is not valid percent-encoded UTF-8, or that carries a NUL character ({@code %00}), is a 400
 * {@code malformed_query}.
 * The API speaks JSON in UTF-8 (RFC 8259). A body sent as anything else (a form, XML, text, JSON in Latin-1), and a
 * Content-Type that is not a media type at all ({@code garbage}, {@code *}{@code /*}), is answered 415
 * {@code unsupported_media_type} before any other filter parses it — CORS and form handling would otherwise fail on
 * it with a 500. A bodiless request may carry any well-formed Content-Type; one without a Content-Type is read as
 * JSON (the routes reject what does not parse).
 */
public class RequestFormatFilter extends OncePerRequestFilter {

    /** Headers that mean one thing: sent twice, the request is ambiguous (400 {@code invalid_header}). */
    private static final List<String> SINGLE_HEADERS = List.of("Idempotency-Key");

    private final ProblemResponses problems;

    public RequestFormatFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            readEveryHeader(request);
        } catch (org.springframework.security.web.firewall.RequestRejectedException refused) {
            problems.write(request, response, ApiException.badRequest("invalid_header",
                    "A request header has characters a header may not carry (send non-ASCII text in the body)"));
            return;
        }
        for (String single : SINGLE_HEADERS) {
            if (count(request.getHeaders(single)) > 1) {
                // the routes see only the first; which one the client meant is anyone's guess
                problems.write(request, response, ApiException.badRequest("invalid_header",
                        "Send the " + single + " header once"));
                return;
            }
        }
        String header = request.getHeader("Content-Type");
        if (header == null || header.isBlank()) {
            checkQuery(request, response, chain);
            return;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            unsupported(request, response, "The Content-Type header is not a media type; send application/json");
            return;
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            unsupported(request, response, "The Content-Type must name one type; send application/json");
            return;
        }
        if (hasBody(request) && !(isJson(type) && isUtf8(type))) {
            unsupported(request, response, "Send the body as application/json in UTF-8");
            return;
        }
        checkQuery(request, response, chain);
    }

    /**
     * Every header value is read here, inside the security filter chain: the firewall checks a value when it is
     * first read, and one it refuses (a UTF-8 "Ä" in User-Agent) is answered 400 {@code invalid_header} here —
     * read first by a route, on another thread, it was an empty 500.
     */
    private static void readEveryHeader(HttpServletRequest request) {
        for (var names = request.getHeaderNames(); names.hasMoreElements(); ) {
            for (var values = request.getHeaders(names.nextElement()); values.hasMoreElements(); ) {
                values.nextElement();
            }
        }
    }

    private void checkQuery(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String problem = queryProblem(request);
        if (problem != null) {
            problems.write(request, response, ApiException.badRequest("malformed_query", problem));
            return;
        }
        chain.doFilter(request, response);
    }

    /** What is wrong with the query string, or null when the routes can read it. */
    private static String queryProblem(HttpServletRequest request) {
        if (request.getQueryString() == null) {
            return null;
        }
        Map<String, String[]> parameters;
        try {
            // Tomcat parses (and caches) the parameters here; a broken escape fails now instead of inside a route
            parameters = request.getParameterMap();
        } catch (IllegalStateException | IllegalArgumentException broken) {
            return "The query string is not valid percent-encoded UTF-8";
        }
        // %00 means nothing in a search, and PostgreSQL fails a query that compares it (a 500)
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0
                    || Arrays.stream(parameter.getValue()).anyMatch(v -> v != null && v.indexOf('\0') >= 0)) {
                return "The query string must not contain the NUL character (%00)";
            }
        }
        return null;
    }

    private static int count(Enumeration<String> values) {
        int count = 0;
        while (values != null && values.hasMoreElements()) {
            values.nextElement();
            count++;
        }
        return count;
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private static boolean isJson(MediaType type) {
        return type.isCompatibleWith(MediaType.APPLICATION_JSON)
                || ("application".equals(type.getType()) && type.getSubtype().endsWith("+json"));
    }

    private static boolean isUtf8(MediaType type) {
        String charset = type.getParameter("charset");
        try {
            return charset == null || Charset.forName(charset.replace("\"", "")).equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    private void unsupported(HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        problems.write(request, response, new ApiException(415, "unsupported_media_type", detail));
    }
}
