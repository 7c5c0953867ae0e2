package de.henk.hub.web;

import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.springframework.stereotype.Component;

/**
 * Which Camel headers become HTTP response headers of the REST API: only an allow-list. Camel copies request
 * headers (Authorization, cookies, query parameters) into the message; without this they would be echoed back.
 */
@Component("apiResponseHeaders")
public class ApiResponseHeaders implements HeaderFilterStrategy {

    private static final Set<String> OUTBOUND = Set.of("content-type", "location", "retry-after", "cache-control",
            "www-authenticate");

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return !OUTBOUND.contains(headerName.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        // never let a client set Camel's own control headers
        return headerName.toLowerCase(Locale.ROOT).startsWith("camel");
    }
}
