package de.henk.hub.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;

/**
 * The security headers of a JSON answer, for the answers written before Spring Security's header writer had its
 * turn (a request refused by a filter in front of it, by the firewall, by the servlet container, or reported on the
 * container's error dispatch: TRACE, /WEB-INF/…): the same headers every other answer of the API carries. A header
 * already set is left alone.
 */
public final class SecurityHeaders {

    /** JSON answers are never rendered as a document: nothing may load from them, nobody may frame them. */
    public static final String JSON_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private static final Map<String, String> HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "X-XSS-Protection", "0",
            "Cache-Control", "no-cache, no-store, max-age=0, must-revalidate",
            "Content-Security-Policy", JSON_POLICY);

    private SecurityHeaders() { }

    /** For an answer written through Spring's {@code ServerHttpResponse} (the CORS refusal). */
    public static void addMissing(org.springframework.http.HttpHeaders headers) {
        HEADERS.forEach((name, value) -> {
            if (headers.getFirst(name) == null) {
                headers.set(name, value);
            }
        });
    }

    public static void addMissing(HttpServletResponse response) {
        HEADERS.forEach((name, value) -> {
            if (!response.containsHeader(name)) {
                response.setHeader(name, value);
            }
        });
    }
}
