package de.henk.hub.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;

/**
 * The servlet request behind a platform-http exchange, when there is one. A route may replace the HTTP message
 * (the chat route drops the request's headers, a bean returns a new body); once {@link #remember} has run on arrival
 * (the access level does it for every REST route), the request stays reachable for the error response's
 * {@code instance} and the log.
 */
public final class ServletRequests {

    /** The exchange property that keeps the request once the route has replaced the HTTP message. */
    static final String PROPERTY = "henk.servletRequest";

    private ServletRequests() { }

    public static Optional<HttpServletRequest> of(Exchange exchange) {
        if (exchange.getIn() instanceof PlatformHttpMessage message && message.getRequest() != null) {
            return Optional.of(message.getRequest());
        }
        HttpServletRequest header = exchange.getIn().getHeader(Exchange.HTTP_SERVLET_REQUEST, HttpServletRequest.class);
        if (header != null) {
            return Optional.of(header);
        }
        return Optional.ofNullable(exchange.getProperty(PROPERTY, HttpServletRequest.class));
    }

    /** Keeps the exchange's servlet request beside the message, for the steps after the message is replaced. */
    public static Optional<HttpServletRequest> remember(Exchange exchange) {
        Optional<HttpServletRequest> request = of(exchange);
        request.ifPresent(r -> exchange.setProperty(PROPERTY, r));
        return request;
    }
}
